import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/rate-limit';
import { ApiError } from '../errors.ts';
import { normaliseUsername } from './accounts.ts';

export interface LoginLimitOptions {
  /** Attempts at one account's password (from any address) per window. */
  perAccount?: number;
  /** Sign-in attempts from one client address (an IPv6 /64), whatever names are tried, per window. */
  perAddress?: number;
  windowMs?: number;
}

export const loginLimitDefaults = { perAccount: 10, perAddress: 30, windowMs: 5 * 60_000 } as const;

/** A wait worded for a person: «45 segundos», «1 minuto», «5 minutos». */
export function waitInSpanish(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, seconds)} ${seconds === 1 ? 'segundo' : 'segundos'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minuto' : 'minutos'}`;
}

export interface LoginLimits {
  /** Counts a sign-in attempt against the address and the account; 429 with Retry-After past either limit. */
  signIn(request: FastifyRequest, reply: FastifyReply, usuario: string): Promise<void>;
  /** Counts a check of the current password (password change) against the account's limit. */
  passwordCheck(request: FastifyRequest, reply: FastifyReply, usuario: string): Promise<void>;
}

/**
 * Limits on guessing passwords, on @fastify/rate-limit's stores (it must be
 * registered in the calling plugin). Every attempt is counted before the
 * password is checked, successful ones included: counting only failures
 * would let a burst of parallel requests all pass the check before any
 * failure is recorded. The account key is the normalised name, the same
 * the lookup uses, so case and space variants share one budget; the address
 * key is the client address (IPv6 grouped by /64 by the library), so new
 * names from one place are throttled too.
 */
export function loginLimits(app: FastifyInstance, options: LoginLimitOptions = {}): LoginLimits {
  const windowMs = options.windowMs ?? loginLimitDefaults.windowMs;
  const accountOf = new WeakMap<FastifyRequest, string>();
  const perAccount = app.createRateLimit({
    max: options.perAccount ?? loginLimitDefaults.perAccount,
    timeWindow: windowMs,
    keyGenerator: (request) => `cuenta:${accountOf.get(request) ?? ''}`,
  });
  // No keyGenerator: the library's own reads request.ip and groups IPv6 addresses by /64.
  const perAddress = app.createRateLimit({ max: options.perAddress ?? loginLimitDefaults.perAddress, timeWindow: windowMs });

  function refuse(request: FastifyRequest, reply: FastifyReply, seconds: number, message: string, context: Record<string, string>): never {
    request.log.warn(context, 'límite de intentos de inicio de sesión');
    // The error handler keeps headers already set on the reply.
    reply.header('Retry-After', String(Math.max(1, seconds)));
    throw new ApiError(429, 'too_many_attempts', `${message}; vuelva a intentar en ${waitInSpanish(seconds)}.`);
  }

  async function countAccount(request: FastifyRequest, reply: FastifyReply, usuario: string): Promise<void> {
    const account = normaliseUsername(usuario);
    accountOf.set(request, account);
    const limit = await perAccount(request);
    if (!limit.isAllowed && limit.isExceeded) {
      refuse(request, reply, limit.ttlInSeconds, 'Demasiados intentos con la contraseña de esta cuenta', {
        limite: 'cuenta',
        usuario: account,
      });
    }
  }

  return {
    async signIn(request, reply, usuario) {
      const limit = await perAddress(request);
      if (!limit.isAllowed && limit.isExceeded) {
        refuse(request, reply, limit.ttlInSeconds, 'Demasiados intentos de inicio de sesión desde esta dirección', {
          limite: 'direccion',
          ip: request.ip,
        });
      }
      await countAccount(request, reply, usuario);
    },
    passwordCheck: countAccount,
  };
}
