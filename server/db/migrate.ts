import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

export const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Reads `NNNN_name.sql` files in version order. */
export async function readMigrations(dir = migrationsDir): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => fileName.test(file)).sort();
  return Promise.all(
    files.map(async (file) => {
      const [, version = '', name = ''] = fileName.exec(file) ?? [];
      const sql = await readFile(path.join(dir, file), 'utf8');
      return { version, name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction together
 * with its row in `schema_migrations`: a failing one leaves the database as
 * it was before it. An applied migration whose file changed is an error.
 * Returns the versions applied now.
 */
export async function migrate(db: Database, dir = migrationsDir): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    version text primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
  const applied = new Map(
    (await db.query<{ version: string; checksum: string }>('select version, checksum from schema_migrations')).map((row) => [
      row.version,
      row.checksum,
    ]),
  );
  const done: string[] = [];
  for (const migration of await readMigrations(dir)) {
    const known = applied.get(migration.version);
    if (known && known !== migration.checksum) {
      throw new MigrationError(
        `La migración ${migration.version}_${migration.name} ya fue aplicada y su archivo cambió; agregue una migración nueva en vez de editarla.`,
      );
    }
    if (known) continue;
    await db.transaction(async (tx) => {
      // Serialises concurrent starts against one server; harmless on the embedded database.
      await tx.query('select pg_advisory_xact_lock(20220229)');
      const again = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (again.length > 0) return;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Falló la migración ${migration.version}_${migration.name}: ${(error as Error).message}`);
      }
      await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
        migration.version,
        migration.name,
        migration.checksum,
      ]);
      done.push(migration.version);
    });
  }
  return done;
}
