import { writableProperties, type LayerDefinition } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import { propertyCast } from '../db/layer-sql.ts';
import { quoteIdent } from '../db/sql.ts';
import type { PreparedFeature } from './prepare-features.ts';
import { explainDatabaseError, withSavepoint } from './savepoint.ts';
import { stagingTable } from './stage.ts';
import type { RejectedFeature } from './types.ts';

/** A catalogue name as an SQL string literal (only catalogue names come here). */
const literal = (name: string) => `'${name.replaceAll("'", "''")}'`;

/** `insert into <layer> (...) select ... from import_staging`, with the catalogue's columns and casts. */
function insertSql(layer: LayerDefinition): string {
  const properties = writableProperties(layer);
  const columns = [...properties.map((property) => quoteIdent(property.name)), quoteIdent(layer.geometryColumn)];
  const values = properties.map((property) => propertyCast(`s.attributes->>${literal(property.name)}`, property.type));
  const geometry = layer.geometryType.startsWith('Multi') ? 'ST_Multi(s.geom)' : 's.geom';
  return `insert into ${quoteIdent(layer.table)} (${columns.join(', ')})
          select ${[...values, geometry].join(', ')} from ${stagingTable} s`;
}

/** Removes every row of the layer (replace mode) and returns how many there were. */
export async function clearLayer(tx: Queryable, layer: LayerDefinition): Promise<number> {
  const rows = await tx.query<{ count: number }>(
    `with gone as (delete from ${quoteIdent(layer.table)} returning 1) select count(*)::int as count from gone`,
  );
  return rows[0]?.count ?? 0;
}

/**
 * Inserts the staged features into the layer in one statement. When the table
 * refuses it (a unique code repeated, a check constraint), each feature is
 * tried alone inside a savepoint to name the ones at fault; the others stay
 * inserted, and the caller decides whether the import still stands.
 */
export async function insertStaged(
  tx: Queryable,
  layer: LayerDefinition,
  features: ReadonlyMap<number, PreparedFeature>,
): Promise<{ inserted: number; rejected: RejectedFeature[] }> {
  const sql = insertSql(layer);
  const counted = (where: string) =>
    `with inserted as (${sql} ${where} order by s.number returning 1) select count(*)::int as count from inserted`;
  try {
    const rows = await withSavepoint(tx, () => tx.query<{ count: number }>(counted('')));
    return { inserted: rows[0]?.count ?? 0, rejected: [] };
  } catch {
    const numbers = (await tx.query<{ number: number }>(`select number from ${stagingTable} order by number`)).map((row) => row.number);
    const rejected: RejectedFeature[] = [];
    let inserted = 0;
    for (const number of numbers) {
      try {
        await withSavepoint(tx, () => tx.query(counted('where s.number = $1'), [number]));
        inserted += 1;
      } catch (error) {
        const label = features.get(number)?.label;
        rejected.push({ feature: number, ...(label ? { label } : {}), code: 'database_constraint', reason: explainDatabaseError(error) });
      }
    }
    return { inserted, rejected };
  }
}

/** Bumps the layer's version (tile caches and ETags key on it) and returns the new value. */
export async function bumpLayerVersion(tx: Queryable, layerId: string): Promise<number> {
  const rows = await tx.query<{ version: number }>(
    `insert into layer_version (layer_id) values ($1)
     on conflict (layer_id) do update set version = layer_version.version + 1, changed_at = now()
     returning version`,
    [layerId],
  );
  return Number(rows[0]?.version ?? 0);
}

/** The layer's current version, or undefined when it was never written. */
export async function currentLayerVersion(tx: Queryable, layerId: string): Promise<number | undefined> {
  const rows = await tx.query<{ version: number }>('select version from layer_version where layer_id = $1', [layerId]);
  return rows[0] ? Number(rows[0].version) : undefined;
}
