import type { Database } from '../db/database.ts';
import { createAccount, setPassword } from './accounts.ts';
import { roles, roleTitles, type Role } from './roles.ts';

export interface DemoAccount {
  usuario: string;
  clave: string;
  rol: Role;
}

/** The demo accounts: one per role, with a password anyone can read here. Only with SIT_DEMO=1. */
export const demoAccounts: readonly DemoAccount[] = roles.map((rol) => ({ usuario: `demo.${rol}`, clave: `demo-${rol}-vallenar`, rol }));

/**
 * With demo mode on, makes sure the demo accounts exist with their known
 * passwords; with it off, deletes them, so a database once started in demo
 * mode never keeps a known password in production.
 */
export async function syncDemoAccounts(db: Database, enabled: boolean): Promise<{ created: DemoAccount[]; removed: number }> {
  if (!enabled) {
    const removed = await db.query('delete from usuarios where demo returning id');
    return { created: [], removed: removed.length };
  }
  await db.transaction(async (tx) => {
    for (const account of demoAccounts) {
      const [existing] = await tx.query('select 1 from usuarios where usuario = $1', [account.usuario]);
      if (existing) {
        await tx.query('update usuarios set rol = $2, activo = true, demo = true where usuario = $1', [account.usuario, account.rol]);
        await setPassword(tx, account.usuario, account.clave);
      } else {
        await createAccount(tx, { ...account, nombre: `Demo ${roleTitles[account.rol]}`, demo: true });
      }
    }
  });
  return { created: [...demoAccounts], removed: 0 };
}
