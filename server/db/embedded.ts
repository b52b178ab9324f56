import { mkdir } from 'node:fs/promises';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import type { Database, Queryable } from './database.ts';
import { typeParsers } from './database.ts';
import { acquireDirectoryLock } from './directory-lock.ts';

function wrap(target: PGlite | Transaction): Queryable {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(text, params as unknown[]);
      return result.rows;
    },
    async exec(script: string) {
      await target.exec(script);
    },
  };
}

/**
 * Opens (creating on first use) the embedded PostgreSQL + PostGIS in `dataDir`.
 * Pass `memory://` for a throw-away database. Only one process may hold a
 * data directory: a second one is refused with a clear error.
 */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? async () => {} : await acquireDirectoryLock(dataDir);
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  let pglite: PGlite;
  try {
    const parsers = Object.fromEntries(Object.entries(typeParsers).map(([oid, parse]) => [Number(oid), parse]));
    pglite = await PGlite.create(inMemory ? undefined : dataDir, { extensions: { postgis }, parsers });
  } catch (error) {
    await release();
    throw error;
  }
  const base = wrap(pglite);
  return {
    mode: 'embedded',
    query: base.query,
    exec: base.exec,
    transaction: (work) => pglite.transaction((tx) => work(wrap(tx))),
    async ping() {
      await pglite.query('select 1');
    },
    async close() {
      if (!pglite.closed) await pglite.close();
      await release();
    },
  };
}
