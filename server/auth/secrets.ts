import { createHash, randomBytes } from 'node:crypto';

/** A random secret for a cookie, an API token or a CSRF token (256 bits, base64url). */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** What the database keeps of a secret: its SHA-256, so a leaked table does not leak sessions. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Prefix of every personal API token, so secret scanners and people can recognise one. */
export const tokenPrefix = 'sit_';
