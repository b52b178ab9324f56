import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, MigrationError } from '../../server/db/migrate.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
const folders: string[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function migrationFolder(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'sit-migrations-'));
  folders.push(folder);
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(folder, name), sql);
  return folder;
}

const tableExists = async (name: string) =>
  (await database.db.query<{ found: string | null }>('select to_regclass($1)::text as found', [name]))[0]?.found != null;

const applied = async () =>
  (await database.db.query<{ version: string }>('select version from schema_migrations order by version')).map((row) => row.version);

describe('migrations', () => {
  it('recorded every shipped migration once, so a second run applies nothing', async () => {
    const versions = await applied();
    expect(versions.slice(0, 2)).toEqual(['0001', '0002']);
    expect(await migrate(database.db)).toEqual([]);
    expect(await applied()).toEqual(versions);
  });

  it('applies new migrations in version order and records each', async () => {
    const folder = await migrationFolder({
      '9101_b.sql': 'create table mig_b (id int references mig_a (id));',
      '9100_a.sql': 'create table mig_a (id int primary key);',
    });
    expect(await migrate(database.db, folder)).toEqual(['9100', '9101']);
    expect(await tableExists('mig_b')).toBe(true);
    expect(await migrate(database.db, folder)).toEqual([]);
  });

  it('leaves the database exactly as it was when a migration fails half-way', async () => {
    const before = await applied();
    const folder = await migrationFolder({
      '9201_half.sql': 'create table half_done (id int);\ninsert into half_done values (1);\nselect * from no_such_table;',
    });
    await expect(migrate(database.db, folder)).rejects.toThrow(MigrationError);
    expect(await tableExists('half_done')).toBe(false);
    expect(await applied()).toEqual(before);
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const folder = await migrationFolder({ '0001_foundation.sql': '-- edited\n' });
    await expect(migrate(database.db, folder)).rejects.toThrow(/cambió/);
  });
});
