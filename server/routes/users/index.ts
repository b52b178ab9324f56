import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AccountError, createAccount, listAccounts, setPassword, updateAccount } from '../../auth/accounts.ts';
import { ApiError } from '../../errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { ErrorBody, Rol } from '../auth/schemas.ts';
import { routeValidationError } from '../validation-errors.ts';

const tags = ['Usuarios'];

const Account = Type.Object({
  id: Type.Integer(),
  usuario: Type.String(),
  nombre: Type.String(),
  rol: Rol,
  activo: Type.Boolean(),
  demo: Type.Boolean(),
});

const NewAccount = Type.Object(
  {
    usuario: Type.String({ minLength: 1, maxLength: 40 }),
    nombre: Type.String({ minLength: 1, maxLength: 120 }),
    rol: Rol,
    clave: Type.String({ minLength: 1, maxLength: 200, description: 'Contraseña inicial (al menos 10 caracteres)' }),
  },
  { additionalProperties: false },
);

const AccountChange = Type.Object(
  {
    nombre: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
    rol: Type.Optional(Rol),
    activo: Type.Optional(Type.Boolean()),
    clave: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Nueva contraseña; cierra sus sesiones' })),
  },
  { additionalProperties: false },
);

function accountError(error: unknown): never {
  if (error instanceof AccountError)
    throw new ApiError(
      error.code === 'unknown_user' ? 404 : error.code === 'username_taken' ? 409 : 422,
      error.code,
      error.message,
      error.field,
    );
  throw error;
}

/** Accounts for administrators: list, create, change role/name/state, reset a password. Audited; hashes never leave. */
export default async function userRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(routeValidationError);
  const adminOnly = app.requireRole();

  app.get(
    '/usuarios',
    { preHandler: adminOnly, schema: { summary: 'Cuentas', tags, response: { 200: Type.Array(Account), 401: ErrorBody, 403: ErrorBody } } },
    async () => listAccounts(app.db),
  );

  app.post(
    '/usuarios',
    {
      preHandler: adminOnly,
      schema: {
        summary: 'Crear una cuenta',
        tags,
        body: NewAccount,
        response: { 201: Account, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const account = await app.db
        .transaction(async (tx) => {
          const created = await createAccount(tx, request.body);
          await recordAudit(tx, {
            user: request.user!,
            accion: 'crear',
            recurso: 'usuarios',
            objetoId: created.usuario,
            antes: null,
            despues: created,
          });
          return created;
        })
        .catch(accountError);
      return reply.status(201).send(account);
    },
  );

  app.patch(
    '/usuarios/:usuario',
    {
      preHandler: adminOnly,
      schema: {
        summary: 'Cambiar una cuenta',
        description:
          'Rol, nombre, activa o no, o una contraseña nueva. Un cambio de rol, una desactivación o una contraseña nueva cierran sus sesiones.',
        tags,
        params: Type.Object({ usuario: Type.String({ maxLength: 40 }) }),
        body: AccountChange,
        response: { 200: Account, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const { usuario } = request.params;
      if (usuario === request.user!.usuario && (request.body.activo === false || (request.body.rol && request.body.rol !== 'admin'))) {
        throw new ApiError(
          422,
          'own_account',
          'No puede quitarse a sí mismo el rol de administración ni desactivar su propia cuenta.',
          'usuario',
        );
      }
      const account = await app.db
        .transaction(async (tx) => {
          const [before] = await tx.query('select id, usuario, nombre, rol, activo, demo from usuarios where usuario = $1 for update', [
            usuario,
          ]);
          if (!before) throw new AccountError('unknown_user', `No existe el usuario «${usuario}».`, 'usuario');
          const { clave, ...change } = request.body;
          const after = await updateAccount(tx, usuario, change);
          if (clave !== undefined) await setPassword(tx, usuario, clave);
          await recordAudit(tx, {
            user: request.user!,
            accion: 'modificar',
            recurso: 'usuarios',
            objetoId: usuario,
            antes: before,
            despues: { ...after, ...(clave !== undefined ? { clave: 'cambiada' } : {}) },
          });
          return after;
        })
        .catch(accountError);
      app.forgetCredentials();
      return account;
    },
  );
}
