import type { Queryable } from '../db/database.ts';
import { hashPassword, passwordProblem, verifyPassword, decoyHash } from './passwords.ts';
import { newSecret, secretHash, tokenPrefix } from './secrets.ts';
import { isRole, type Role, type SessionUser } from './roles.ts';

/** Account problems worded for a person; the CLI and the API both show them. */
export class AccountError extends Error {
  override name = 'AccountError';
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface Account {
  id: number;
  usuario: string;
  nombre: string;
  rol: Role;
  activo: boolean;
  demo: boolean;
}

const accountColumns = 'id, usuario, nombre, rol, activo, demo';
const usernamePattern = /^[a-z0-9][a-z0-9._-]{2,39}$/;

/**
 * The account name as typed at sign-in, reduced to how accounts are stored
 * (lower case, no surrounding spaces). The lookup and the login rate limit
 * both use this, so `ANA.PRUEBA2` and ` ana.prueba2` are one account to both.
 */
export function normaliseUsername(usuario: string): string {
  return usuario.trim().toLowerCase();
}

export function usernameProblem(usuario: string): string | null {
  return usernamePattern.test(usuario)
    ? null
    : 'El usuario debe tener de 3 a 40 caracteres: minúsculas, números, punto, guion o guion bajo, empezando por letra o número.';
}

export async function createAccount(
  db: Queryable,
  input: { usuario: string; nombre: string; rol: Role; clave: string; demo?: boolean },
): Promise<Account> {
  const badName = usernameProblem(input.usuario);
  if (badName) throw new AccountError('invalid_username', badName, 'usuario');
  if (!input.nombre.trim()) throw new AccountError('invalid_name', 'Indique el nombre de la persona.', 'nombre');
  if (!isRole(input.rol)) throw new AccountError('invalid_role', `Rol desconocido: «${String(input.rol)}».`, 'rol');
  const weak = passwordProblem(input.clave);
  if (weak) throw new AccountError('weak_password', weak, 'clave');
  const [existing] = await db.query('select 1 from usuarios where usuario = $1', [input.usuario]);
  if (existing) throw new AccountError('username_taken', `Ya existe el usuario «${input.usuario}».`, 'usuario');
  const [row] = await db.query<Account>(
    `insert into usuarios (usuario, nombre, rol, clave_hash, demo) values ($1, $2, $3, $4, $5) returning ${accountColumns}`,
    [input.usuario, input.nombre.trim(), input.rol, await hashPassword(input.clave), input.demo ?? false],
  );
  return row!;
}

/** Sets a new password and ends every session of the account. */
export async function setPassword(db: Queryable, usuario: string, clave: string): Promise<void> {
  const weak = passwordProblem(clave);
  if (weak) throw new AccountError('weak_password', weak, 'clave');
  const rows = await db.query<{ id: number }>(
    'update usuarios set clave_hash = $2, clave_cambiada_en = now() where usuario = $1 returning id',
    [usuario, await hashPassword(clave)],
  );
  if (!rows[0]) throw new AccountError('unknown_user', `No existe el usuario «${usuario}».`, 'usuario');
  await db.query('delete from sesiones where usuario_id = $1', [rows[0].id]);
}

export async function findAccount(db: Queryable, usuario: string): Promise<Account | null> {
  const [row] = await db.query<Account>(`select ${accountColumns} from usuarios where usuario = $1`, [usuario]);
  return row ?? null;
}

export async function listAccounts(db: Queryable): Promise<Account[]> {
  return db.query<Account>(`select ${accountColumns} from usuarios order by usuario`);
}

export async function updateAccount(
  db: Queryable,
  usuario: string,
  change: { rol?: Role; activo?: boolean; nombre?: string },
): Promise<Account> {
  if (change.rol !== undefined && !isRole(change.rol))
    throw new AccountError('invalid_role', `Rol desconocido: «${String(change.rol)}».`, 'rol');
  const [row] = await db.query<Account>(
    `update usuarios set rol = coalesce($2, rol), activo = coalesce($3, activo), nombre = coalesce($4, nombre)
     where usuario = $1 returning ${accountColumns}`,
    [usuario, change.rol ?? null, change.activo ?? null, change.nombre?.trim() || null],
  );
  if (!row) throw new AccountError('unknown_user', `No existe el usuario «${usuario}».`, 'usuario');
  if (change.activo === false || change.rol !== undefined) await db.query('delete from sesiones where usuario_id = $1', [row.id]);
  return row;
}

/**
 * The account whose password this is, or null; as slow for unknown accounts
 * as for known ones. The name is looked up normalised (normaliseUsername).
 */
export async function checkPassword(db: Queryable, usuario: string, clave: string): Promise<Account | null> {
  const [row] = await db.query<Account & { clave_hash: string }>(`select ${accountColumns}, clave_hash from usuarios where usuario = $1`, [
    normaliseUsername(usuario),
  ]);
  if (!row) {
    await verifyPassword(clave, await decoyHash);
    return null;
  }
  const ok = await verifyPassword(clave, row.clave_hash);
  if (!ok || !row.activo) return null;
  const { clave_hash: _hash, ...account } = row;
  return account;
}

export const sessionHours = 12;

export async function openSession(db: Queryable, userId: number): Promise<{ secret: string; csrf: string }> {
  const secret = newSecret();
  const csrf = newSecret();
  await db.query(
    `insert into sesiones (secreto_hash, usuario_id, csrf, expira_en) values ($1, $2, $3, now() + make_interval(hours => $4))`,
    [secretHash(secret), userId, csrf, sessionHours],
  );
  // Expired sessions are swept whenever someone signs in.
  await db.query('delete from sesiones where expira_en < now()');
  return { secret, csrf };
}

export async function closeSession(db: Queryable, secret: string): Promise<void> {
  await db.query('delete from sesiones where secreto_hash = $1', [secretHash(secret)]);
}

export interface ResolvedSession {
  user: SessionUser;
  csrf: string;
}

export async function sessionUser(db: Queryable, secret: string): Promise<ResolvedSession | null> {
  const [row] = await db.query<Account & { csrf: string }>(
    `select u.id, u.usuario, u.nombre, u.rol, s.csrf
     from sesiones s join usuarios u on u.id = s.usuario_id
     where s.secreto_hash = $1 and s.expira_en > now() and u.activo`,
    [secretHash(secret)],
  );
  if (!row) return null;
  return { user: { id: row.id, usuario: row.usuario, nombre: row.nombre, rol: row.rol, via: 'sesion' }, csrf: row.csrf };
}

export interface TokenInfo {
  id: number;
  nombre: string;
  prefijo: string;
  creado_en: string;
  expira_en: string | null;
  ultimo_uso: string | null;
}

const tokenColumns = `id, nombre, prefijo, to_char(creado_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as creado_en,
  to_char(expira_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as expira_en,
  to_char(ultimo_uso at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as ultimo_uso`;

/** Makes a personal API token; the secret is returned once and only its hash is kept. */
export async function createToken(
  db: Queryable,
  userId: number,
  nombre: string,
  dias: number | null = null,
): Promise<{ token: string; info: TokenInfo }> {
  if (!nombre.trim()) throw new AccountError('invalid_name', 'Dé un nombre al token (por ejemplo «QGIS oficina»).', 'nombre');
  const token = newSecret(tokenPrefix);
  const [info] = await db.query<TokenInfo>(
    `insert into api_tokens (usuario_id, nombre, token_hash, prefijo, expira_en)
     values ($1, $2, $3, $4, case when $5::integer is null then null else now() + make_interval(days => $5::integer) end)
     returning ${tokenColumns}`,
    [userId, nombre.trim(), secretHash(token), token.slice(0, tokenPrefix.length + 6), dias],
  );
  return { token, info: info! };
}

export async function listTokens(db: Queryable, userId: number): Promise<TokenInfo[]> {
  return db.query<TokenInfo>(`select ${tokenColumns} from api_tokens where usuario_id = $1 and revocado_en is null order by id`, [userId]);
}

export async function revokeToken(db: Queryable, userId: number, tokenId: number): Promise<boolean> {
  const rows = await db.query(
    'update api_tokens set revocado_en = now() where id = $1 and usuario_id = $2 and revocado_en is null returning id',
    [tokenId, userId],
  );
  return rows.length > 0;
}

/**
 * Revokes every personal token of the account still in force and returns how
 * many: after a password change, tokens made by whoever knew the old
 * password must stop working too.
 */
export async function revokeAllTokens(db: Queryable, userId: number): Promise<number> {
  const rows = await db.query('update api_tokens set revocado_en = now() where usuario_id = $1 and revocado_en is null returning id', [
    userId,
  ]);
  return rows.length;
}

export async function tokenUser(db: Queryable, token: string): Promise<SessionUser | null> {
  const [row] = await db.query<Account>(
    `update api_tokens t set ultimo_uso = now()
     from usuarios u
     where t.token_hash = $1 and u.id = t.usuario_id and u.activo and t.revocado_en is null
       and (t.expira_en is null or t.expira_en > now())
     returning u.id, u.usuario, u.nombre, u.rol`,
    [secretHash(token)],
  );
  return row ? { id: row.id, usuario: row.usuario, nombre: row.nombre, rol: row.rol, via: 'token' } : null;
}
