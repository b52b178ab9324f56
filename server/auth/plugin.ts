import fp from 'fastify-plugin';
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { LRUCache } from 'lru-cache';
import { ApiError } from '../errors.ts';
import { sessionUser, tokenUser, type ResolvedSession } from './accounts.ts';
import { tokenPrefix } from './secrets.ts';
import type { Role, SessionUser } from './roles.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; null for the anonymous public. */
    user: SessionUser | null;
    /** The session's CSRF token when the request came with a session cookie. */
    csrfToken: string | null;
  }
  interface FastifyInstance {
    /** A preHandler that lets through the given roles (admin always) and answers 401/403 otherwise. */
    requireRole(...allowed: Role[]): preHandlerAsyncHookHandler;
    /** Forgets cached sessions and tokens (after logout, password change, revocation). */
    forgetCredentials(): void;
  }
}

export const sessionCookie = 'sit_sesion';
export const csrfHeader = 'x-csrf-token';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const unauthenticated = () =>
  new ApiError(401, 'unauthenticated', 'Debe iniciar sesión (o enviar un token personal) para esta operación.');

export const forbidden = (allowed: readonly Role[]) =>
  new ApiError(403, 'forbidden', `Su rol no permite esta operación; corresponde a: ${['admin', ...allowed].join(', ')}.`);

interface Credential {
  kind: 'token' | 'sesion';
  secret: string;
}

/** The credential a request carries: `Authorization: Bearer <token>`, Basic with a token as password (QGIS, GDAL), or the session cookie. */
function credentialOf(request: FastifyRequest): Credential | null | 'malformed' {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, value = ''] = header.split(/\s+/, 2);
    if (/^bearer$/i.test(scheme ?? '') && value.startsWith(tokenPrefix)) return { kind: 'token', secret: value };
    if (/^basic$/i.test(scheme ?? '')) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const password = decoded.slice(decoded.indexOf(':') + 1);
      if (decoded.includes(':') && password.startsWith(tokenPrefix)) return { kind: 'token', secret: password };
    }
    return 'malformed';
  }
  const cookie = request.cookies[sessionCookie];
  return cookie ? { kind: 'sesion', secret: cookie } : null;
}

/**
 * Authentication for every route: resolves the user from a personal API
 * token or the session cookie (cached for a few seconds, so tiles with a
 * cookie do not cost a query each), and requires the session's CSRF token
 * on cookie-authenticated writes. Authorisation is per route, through
 * `app.requireRole(...)`.
 */
export default fp(async function authPlugin(app: FastifyInstance, options: { cacheMs?: number }) {
  await app.register(fastifyCookie);
  const cache = new LRUCache<string, { user: SessionUser; csrf: string | null } | false>({
    max: 5_000,
    ttl: Math.max(1, options.cacheMs ?? 5_000),
  });

  app.decorateRequest('user', null);
  app.decorateRequest('csrfToken', null);
  app.decorate('forgetCredentials', () => cache.clear());

  async function resolve(credential: Credential): Promise<{ user: SessionUser; csrf: string | null } | false> {
    const key = `${credential.kind}:${credential.secret}`;
    const cached = cache.get(key);
    if (cached !== undefined) return cached;
    let found: { user: SessionUser; csrf: string | null } | false;
    if (credential.kind === 'token') {
      const user = await tokenUser(app.db, credential.secret);
      found = user ? { user, csrf: null } : false;
    } else {
      const session: ResolvedSession | null = await sessionUser(app.db, credential.secret);
      found = session ?? false;
    }
    cache.set(key, found);
    return found;
  }

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const credential = credentialOf(request);
    if (credential === null) return;
    if (credential === 'malformed') {
      throw new ApiError(401, 'invalid_token', 'La cabecera Authorization no trae un token personal del SIT (Bearer sit_…).');
    }
    const found = await resolve(credential);
    if (!found) {
      if (credential.kind === 'token') throw new ApiError(401, 'invalid_token', 'El token no es válido, fue revocado o expiró.');
      // A stale cookie only means "signed out": the public may still read.
      reply.clearCookie(sessionCookie, { path: '/' });
      return;
    }
    request.user = found.user;
    request.csrfToken = found.csrf;
    if (credential.kind === 'sesion' && unsafeMethods.has(request.method) && request.headers[csrfHeader] !== found.csrf) {
      throw new ApiError(
        403,
        'csrf_token_invalid',
        'Falta el token CSRF de la sesión (cabecera X-CSRF-Token) o no corresponde.',
        csrfHeader,
      );
    }
  });

  app.decorate('requireRole', function requireRole(...allowed: Role[]): preHandlerAsyncHookHandler {
    return async function checkRole(request: FastifyRequest) {
      if (!request.user) throw unauthenticated();
      if (request.user.rol !== 'admin' && !allowed.includes(request.user.rol)) throw forbidden(allowed);
    };
  });
});
