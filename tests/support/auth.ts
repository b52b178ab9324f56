import type { FastifyInstance } from 'fastify';
import { createAccount, createToken } from '../../server/auth/accounts.ts';
import type { Role } from '../../server/auth/roles.ts';

let counter = 0;

/**
 * Makes a real account with the role and a personal API token for it, and
 * returns the headers that authenticate as that person.
 */
export async function authHeaders(app: FastifyInstance, rol: Role): Promise<{ authorization: string }> {
  counter += 1;
  const usuario = `prueba-${rol}-${process.pid}-${counter}`;
  const account = await createAccount(app.db, { usuario, nombre: `Prueba ${rol} ${counter}`, rol, clave: 'clave-de-prueba-segura' });
  const { token } = await createToken(app.db, account.id, 'pruebas');
  return { authorization: `Bearer ${token}` };
}

/** The account name behind headers made by authHeaders (for asserting audit rows). */
export function usernameOf(headers: { authorization: string }, app: FastifyInstance): Promise<string> {
  return app
    .inject({ method: 'GET', url: '/auth/sesion', headers })
    .then((response) => (response.json() as { usuario: { usuario: string } | null }).usuario?.usuario ?? '');
}
