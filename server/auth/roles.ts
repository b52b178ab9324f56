/** The roles of the SIT (issue 6); the anonymous public has no role. docs/roles.md has the matrix. */
export const roles = ['admin', 'planificador', 'revisor', 'terreno'] as const;

export type Role = (typeof roles)[number];

export const roleTitles: Record<Role, string> = {
  admin: 'Administración',
  planificador: 'Planificación (SECPLA)',
  revisor: 'Revisión Plan Regulador',
  terreno: 'Terreno',
};

/** Who made a request: set by the auth plugin from a session cookie or an API token. */
export interface SessionUser {
  id: number;
  usuario: string;
  nombre: string;
  rol: Role;
  /** How the request authenticated: cookie writes need the CSRF token, token writes do not. */
  via: 'sesion' | 'token';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}
