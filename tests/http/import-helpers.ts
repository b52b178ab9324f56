import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { findLayer } from '../../server/catalog/index.ts';
import type { Queryable } from '../../server/db/database.ts';
import { openEmbeddedDatabase } from '../../server/db/embedded.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { ImportError, type ImportErrorCode, type ImportOptions } from '../../server/import/index.ts';
import { projectRoot } from '../../server/config.ts';
import type { TestDatabase } from '../support/test-database.ts';

/** Absolute path of a file in tests/fixtures/import. */
export const fixture = (name: string) => path.join(projectRoot, 'tests', 'fixtures', 'import', name);

/** importFile's options with the CLI's defaults: append, write, repair, all or nothing. */
export function options(file: string, layerId: string, extra: Partial<ImportOptions> = {}): ImportOptions {
  return { file: fixture(file), layerId, mode: 'append', dryRun: false, strict: false, skipInvalid: false, ...extra };
}

function tableOf(layerId: string): string {
  const layer = findLayer(layerId);
  if (!layer) throw new Error(`unknown layer ${layerId}`);
  return quoteIdent(layer.table);
}

/** A checksum of every row of a layer, ids and geometry bytes included: equal means exactly as it was. */
export async function layerChecksum(db: Queryable, layerId: string): Promise<{ rows: number; md5: string }> {
  const [row] = await db.query<{ rows: number; md5: string }>(
    `select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t.id), '')) as md5 from ${tableOf(layerId)} t`,
  );
  return row ?? { rows: 0, md5: '' };
}

/** The rows of a layer without their serial ids, in a stable order: what two identical imports must share. */
export async function rowsWithoutIds(db: Queryable, layerId: string): Promise<string[]> {
  const rows = await db.query<{ row: string }>(`select (to_jsonb(t) - 'id')::text as row from ${tableOf(layerId)} t order by 1`);
  return rows.map((entry) => entry.row);
}

/** Distance in metres (geography, WGS 84 ellipsoid) from a named feature to a lon/lat point. */
export async function metresFrom(db: Queryable, layerId: string, nombre: string, lon: number, lat: number): Promise<number> {
  const rows = await db.query<{ metres: number }>(
    `select ST_Distance(geom::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) as metres
     from ${tableOf(layerId)} where nombre = $1`,
    [nombre, lon, lat],
  );
  expect(rows, `one feature named ${nombre}`).toHaveLength(1);
  return Number(rows[0]?.metres);
}

export async function layerVersion(db: Queryable, layerId: string): Promise<number | null> {
  const rows = await db.query<{ version: number }>('select version from layer_version where layer_id = $1', [layerId]);
  return rows[0] ? Number(rows[0].version) : null;
}

/** Awaits an import that must be refused with `code`, and returns the error. */
export async function refused(promise: Promise<unknown>, code: ImportErrorCode): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (failure: unknown) => failure,
  );
  expect(error, `the import should have been refused with ${code}`).toBeInstanceOf(ImportError);
  expect((error as ImportError).code).toBe(code);
  return error as ImportError;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the importing process, in MiB. */
  peakRssMiB: number;
}

const run = promisify(execFile);

/**
 * Runs `npm run import -- ...args` in a process of its own on this test
 * file's database copy (an embedded copy must be closed first: one process
 * per data directory) and reports the process's peak resident memory.
 */
export async function runImportCli(database: TestDatabase, args: string[]): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, SIT_SEED: 'false', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (database.config.databaseUrl) env.DATABASE_URL = database.config.databaseUrl;
  else env.SIT_DATA_DIR = database.location;
  const preload = path.join(projectRoot, 'tests', 'fixtures', 'import', 'report-peak-rss.mjs');
  const command = [process.execPath, ['--import', 'tsx', '--import', preload, 'server/cli/import.ts', ...args]] as const;
  let result: Omit<CliResult, 'peakRssMiB'>;
  try {
    const { stdout, stderr } = await run(command[0], command[1], { cwd: projectRoot, env, maxBuffer: 16 * 1024 * 1024 });
    result = { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    result = { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
  const peak = /\npeak-rss-kib=(\d+)\n/.exec(result.stderr);
  expect(peak, `the importing process reported its peak memory: ${result.stderr}`).not.toBeNull();
  return { ...result, stderr: result.stderr.replace(/\npeak-rss-kib=\d+\n/, ''), peakRssMiB: Math.round(Number(peak?.[1]) / 1024) };
}

/** Runs `use` on the test file's database: reopened when it is an embedded copy the CLI had to have alone. */
export async function withDatabase<T>(database: TestDatabase, use: (db: Queryable) => Promise<T>): Promise<T> {
  if (database.db.mode !== 'embedded') return use(database.db);
  const db = await openEmbeddedDatabase(database.location);
  try {
    return await use(db);
  } finally {
    await db.close();
  }
}
