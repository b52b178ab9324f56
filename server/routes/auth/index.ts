import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { ApiError, notFound } from '../../errors.ts';
import {
  AccountError,
  checkPassword,
  closeSession,
  createToken,
  listTokens,
  openSession,
  revokeAllTokens,
  revokeToken,
  sessionHours,
  setPassword,
} from '../../auth/accounts.ts';
import { sessionCookie, unauthenticated } from '../../auth/plugin.ts';
import { loginLimitDefaults, loginLimits, waitInSpanish } from '../../auth/login-limits.ts';
import { routeValidationError } from '../validation-errors.ts';
import {
  ErrorBody,
  LoginBody,
  NewToken,
  PasswordChange,
  PasswordChanged,
  SessionBody,
  TokenInfo,
  TokenParams,
  TokenRequest,
} from './schemas.ts';

const tags = ['Sesión y tokens'];

export interface AuthRoutesOptions {
  /** Attempts at one account's password (sign-in or password change, from any address) in `loginWindowMs`. */
  loginAttempts?: number;
  /** Sign-in attempts from one client address, whatever the names tried, in `loginWindowMs`. */
  loginAttemptsPerAddress?: number;
  loginWindowMs?: number;
}

function accountError(error: unknown): never {
  if (error instanceof AccountError) throw new ApiError(400, error.code, error.message, error.field);
  throw error;
}

/**
 * Sign in and out with a session cookie, the session's CSRF token, password
 * change and personal API tokens. Sign-in attempts are rate limited per
 * address and account, so a password cannot be guessed by brute force.
 */
export default async function authRoutes(fastify: FastifyInstance, options: AuthRoutesOptions) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(routeValidationError);
  await app.register(rateLimit, { global: false });
  const limitOptions = {
    perAccount: options.loginAttempts ?? loginLimitDefaults.perAccount,
    perAddress: options.loginAttemptsPerAddress ?? loginLimitDefaults.perAddress,
    windowMs: options.loginWindowMs ?? loginLimitDefaults.windowMs,
  };
  const limits = loginLimits(app, limitOptions);
  const window = waitInSpanish(Math.round(limitOptions.windowMs / 1000));

  function setSessionCookie(request: FastifyRequest, reply: FastifyReply, secret: string) {
    reply.setCookie(sessionCookie, secret, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      // Secure whenever the browser reached us over HTTPS (directly or through a proxy the config trusts).
      secure: request.protocol === 'https',
      maxAge: sessionHours * 3600,
    });
  }

  app.post(
    '/auth/login',
    {
      schema: {
        summary: 'Iniciar sesión',
        description: `Abre una sesión con cookie HttpOnly y devuelve el token CSRF para las escrituras. Intentos limitados por cuenta (${limitOptions.perAccount} cada ${window}, desde cualquier dirección) y por dirección (${limitOptions.perAddress} cada ${window}, cualquiera sea el usuario): 429 con Retry-After.`,
        tags,
        body: LoginBody,
        response: { 200: SessionBody, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      await limits.signIn(request, reply, request.body.usuario);
      const account = await checkPassword(app.db, request.body.usuario, request.body.clave);
      if (!account) throw new ApiError(401, 'invalid_credentials', 'Usuario o contraseña incorrectos.');
      const { secret, csrf } = await openSession(app.db, account.id);
      setSessionCookie(request, reply, secret);
      request.log.info({ usuario: account.usuario }, 'inicio de sesión');
      return { usuario: { usuario: account.usuario, nombre: account.nombre, rol: account.rol }, csrf };
    },
  );

  app.post('/auth/logout', { schema: { summary: 'Cerrar sesión', tags, response: { 204: { type: 'null' } } } }, async (request, reply) => {
    const secret = request.cookies[sessionCookie];
    if (secret) await closeSession(app.db, secret);
    app.forgetCredentials();
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get(
    '/auth/sesion',
    {
      schema: {
        summary: 'Quién soy',
        description: 'La persona de la sesión o del token y el token CSRF de la sesión; usuario null para el público.',
        tags,
        response: { 200: SessionBody },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const user = request.user;
      return {
        usuario: user ? { usuario: user.usuario, nombre: user.nombre, rol: user.rol } : null,
        csrf: request.csrfToken,
      };
    },
  );

  app.post(
    '/auth/clave',
    {
      schema: {
        summary: 'Cambiar la propia contraseña',
        description:
          'Cierra todas las sesiones de la cuenta (también esta: hay que volver a iniciar sesión) y revoca todos sus tokens personales, porque quien conocía la contraseña anterior pudo crearlos; la respuesta dice cuántos se revocaron. Los intentos con una contraseña actual equivocada cuentan en el límite de intentos de la cuenta.',
        tags,
        body: PasswordChange,
        response: { 200: PasswordChanged, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const user = request.user;
      if (!user) throw unauthenticated();
      await limits.passwordCheck(request, reply, user.usuario);
      const account = await checkPassword(app.db, user.usuario, request.body.clave_actual);
      if (!account) throw new ApiError(400, 'invalid_credentials', 'La contraseña actual no es correcta.', 'clave_actual');
      const revoked = await app.db
        .transaction(async (tx) => {
          await setPassword(tx, user.usuario, request.body.clave_nueva);
          return revokeAllTokens(tx, user.id);
        })
        .catch(accountError);
      app.forgetCredentials();
      reply.clearCookie(sessionCookie, { path: '/' });
      request.log.info({ usuario: user.usuario, tokens_revocados: revoked }, 'contraseña cambiada');
      return { tokens_revocados: revoked };
    },
  );

  app.get(
    '/auth/tokens',
    { schema: { summary: 'Mis tokens personales', tags, response: { 200: { type: 'array', items: TokenInfo }, 401: ErrorBody } } },
    async (request) => {
      if (!request.user) throw unauthenticated();
      return listTokens(app.db, request.user.id);
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        summary: 'Crear un token personal',
        description:
          'Para scripts, QGIS y GDAL: `Authorization: Bearer <token>`, o autenticación básica con el usuario y el token como contraseña.',
        tags,
        body: TokenRequest,
        response: { 201: NewToken, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!request.user) throw unauthenticated();
      const created = await createToken(app.db, request.user.id, request.body.nombre, request.body.dias ?? null).catch(accountError);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        summary: 'Revocar un token personal',
        tags,
        params: TokenParams,
        response: { 204: { type: 'null' }, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!request.user) throw unauthenticated();
      if (!(await revokeToken(app.db, request.user.id, request.params.id)))
        throw notFound(`No tiene un token vigente con id ${request.params.id}.`, 'id');
      app.forgetCredentials();
      return reply.status(204).send(null);
    },
  );
}
