import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt from node:crypto (no native add-on to build).
 * N = 2^15, r = 8, p = 1 is OWASP's minimum for scrypt and costs ~100 ms
 * here, which is what makes guessing slow. Stored as
 * `scrypt$N$r$p$salt$hash` (base64url) so parameters can rise later.
 */
const current = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, options: { N: number; r: number; p: number }): Promise<Buffer> {
  const params: ScryptOptions = { ...options, maxmem: 256 * options.N * options.r };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, params, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export const minimumPasswordLength = 10;

/** Why a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  if (password.length < minimumPasswordLength) return `La contraseña debe tener al menos ${minimumPasswordLength} caracteres.`;
  if (password.length > 200) return 'La contraseña no puede superar 200 caracteres.';
  if (new Set(password).size < 4) return 'La contraseña repite demasiado los mismos caracteres.';
  return null;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, current);
  return ['scrypt', current.N, current.r, current.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to verify against when the account does not exist, so timing does not reveal which accounts exist. */
export const decoyHash = hashPassword(randomBytes(12).toString('base64url'));
