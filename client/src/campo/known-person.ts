import type { SessionPerson } from '../auth/session.ts';

const key = 'sit-campo-persona';

/**
 * Who signed in last on this phone (name and role only, never a password),
 * so the app opens offline on the form and the queue. The session cookie
 * still decides what the server accepts.
 */
export const knownPerson = {
  read(): SessionPerson | null {
    try {
      const stored = JSON.parse(localStorage.getItem(key) ?? 'null') as SessionPerson | null;
      return stored && typeof stored.usuario === 'string' && typeof stored.rol === 'string' ? stored : null;
    } catch {
      return null;
    }
  },
  write(person: SessionPerson): void {
    localStorage.setItem(key, JSON.stringify({ usuario: person.usuario, nombre: person.nombre, rol: person.rol }));
  },
  clear(): void {
    localStorage.removeItem(key);
  },
};
