import path from 'node:path';
import { expect } from 'vitest';
import { findLayer } from '../../server/catalog/index.ts';
import type { Queryable } from '../../server/db/database.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { ImportError, type ImportErrorCode, type ImportOptions } from '../../server/import/index.ts';
import { projectRoot } from '../../server/config.ts';

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
