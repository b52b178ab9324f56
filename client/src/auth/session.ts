import { ApiRequestError } from '../api.ts';

export type Role = 'admin' | 'planificador' | 'revisor' | 'terreno';

export interface SessionPerson {
  usuario: string;
  nombre: string;
  rol: Role;
}

export interface Session {
  /** null for the anonymous public. */
  usuario: SessionPerson | null;
  /** Sent as X-CSRF-Token with every write made with the session cookie. */
  csrf: string | null;
}

let current: Session = { usuario: null, csrf: null };
const listeners = new Set<(session: Session) => void>();

/** The session known to the page (call refreshSession() once at start). */
export function session(): Session {
  return current;
}

/** True when the signed-in person has one of the roles (admin always). */
export function can(...roles: Role[]): boolean {
  const rol = current.usuario?.rol;
  return rol !== undefined && (rol === 'admin' || roles.includes(rol));
}

export function onSessionChange(listener: (session: Session) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function setSession(next: Session) {
  current = next;
  for (const listener of listeners) listener(next);
}

async function errorOf(response: Response): Promise<ApiRequestError> {
  const body = (await response.json().catch(() => null)) as { code?: string; description?: string; field?: string } | null;
  return new ApiRequestError(response.status, body?.code ?? 'http_error', body?.description ?? `HTTP ${response.status}`, body?.field);
}

export async function refreshSession(): Promise<Session> {
  const response = await fetch('/auth/sesion', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  setSession(response.ok ? ((await response.json()) as Session) : { usuario: null, csrf: null });
  return current;
}

export async function login(usuario: string, clave: string): Promise<Session> {
  const response = await fetch('/auth/login', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ usuario, clave }),
  });
  if (!response.ok) throw await errorOf(response);
  setSession((await response.json()) as Session);
  return current;
}

export async function logout(): Promise<void> {
  await sendJson('POST', '/auth/logout');
  setSession({ usuario: null, csrf: null });
}

/**
 * A write to the SIT API with the session cookie and its CSRF token. Error
 * answers become ApiRequestError with the server's Spanish message and
 * field, so forms can show the message next to the field.
 */
export async function sendJson<T = unknown>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ body: T; response: Response }> {
  const response = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': headers['Content-Type'] ?? 'application/json' }),
      ...(current.csrf ? { 'X-CSRF-Token': current.csrf } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw await errorOf(response);
  const text = await response.text();
  return { body: (text ? JSON.parse(text) : null) as T, response };
}
