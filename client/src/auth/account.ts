import { getJson } from '../api.ts';
import { refreshSession, sendJson } from './session.ts';

/** A personal API token as listed (the secret itself is only shown when created). */
export interface TokenInfo {
  id: number;
  nombre: string;
  prefijo: string;
  creado_en: string;
  expira_en: string | null;
  ultimo_uso: string | null;
}

/**
 * Changes the signed-in person's password; the server then ends every
 * session, so the page becomes anonymous, and revokes every personal token.
 * Returns how many tokens were revoked.
 */
export async function changePassword(claveActual: string, claveNueva: string): Promise<number> {
  const { body } = await sendJson<{ tokens_revocados: number }>('POST', '/auth/clave', {
    clave_actual: claveActual,
    clave_nueva: claveNueva,
  });
  await refreshSession();
  return body.tokens_revocados;
}

export function listTokens(): Promise<TokenInfo[]> {
  return getJson<TokenInfo[]>('/auth/tokens', { credentials: 'same-origin', cache: 'no-store' });
}

/** Creates a token; `token` is the secret, returned this once only. */
export async function createToken(nombre: string, dias: number | null): Promise<{ token: string; info: TokenInfo }> {
  const { body } = await sendJson<{ token: string; info: TokenInfo }>('POST', '/auth/tokens', {
    nombre,
    ...(dias === null ? {} : { dias }),
  });
  return body;
}

export async function revokeToken(id: number): Promise<void> {
  await sendJson('DELETE', `/auth/tokens/${id}`);
}
