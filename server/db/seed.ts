import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { projectRoot } from '../config.ts';
import type { LayerDefinition } from '../catalog/index.ts';
import { writableProperties } from '../catalog/index.ts';
import type { Database, Queryable } from './database.ts';
import { geometryExpression, propertyCast } from './layer-sql.ts';
import { quoteIdent } from './sql.ts';

export const seedDir = path.join(projectRoot, 'data', 'seed');

export interface SeedResult {
  layer: string;
  features: number;
}

/**
 * Inserts a FeatureCollection into a layer in one statement. Properties are
 * taken by the catalogue's names and cast to their types; the geometry is
 * promoted to Multi* when the layer stores Multi*. The table's check
 * constraints reject invalid geometries, so a bad file inserts nothing.
 */
export async function insertFeatures(db: Queryable, layer: LayerDefinition, collection: FeatureCollection): Promise<number> {
  const properties = writableProperties(layer);
  const columns = [...properties.map((property) => quoteIdent(property.name)), quoteIdent(layer.geometryColumn)];
  const values = [
    ...properties.map((property) => `${propertyCast(`feature->'properties'->>${literal(property.name)}`, property.type)}`),
    geometryExpression(layer, "feature->'geometry'"),
  ];
  const rows = await db.query<{ count: number }>(
    `with inserted as (
       insert into ${quoteIdent(layer.table)} (${columns.join(', ')})
       select ${values.join(', ')} from jsonb_array_elements($1::jsonb->'features') as feature
       returning 1
     ) select count(*)::int as count from inserted`,
    [JSON.stringify(collection)],
  );
  return rows[0]?.count ?? 0;
}

/** A string literal for a catalogue name (only catalogue names come here). */
function literal(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/**
 * Loads the shipped seed file of every layer that was never seeded. A layer
 * seeded once is not seeded again, even if emptied (a removed demo layer stays
 * removed). Each layer loads in its own transaction with its log row.
 */
export async function seedLayers(db: Database, layers: readonly LayerDefinition[], dir = seedDir): Promise<SeedResult[]> {
  const done = new Set((await db.query<{ layer_id: string }>('select layer_id from seed_log')).map((row) => row.layer_id));
  const results: SeedResult[] = [];
  for (const layer of layers) {
    if (!layer.seedFile || done.has(layer.id)) continue;
    const file = path.join(dir, layer.seedFile);
    const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
    if (text === null) continue;
    const collection = JSON.parse(text) as FeatureCollection;
    const features = await db.transaction(async (tx) => {
      const count = await insertFeatures(tx, layer, collection);
      await tx.query('insert into seed_log (layer_id, source_file, checksum, features) values ($1, $2, $3, $4)', [
        layer.id,
        path.relative(projectRoot, file),
        createHash('sha256').update(text).digest('hex'),
        count,
      ]);
      await tx.query(
        `insert into layer_version (layer_id) values ($1)
         on conflict (layer_id) do update set version = layer_version.version + 1, changed_at = now()`,
        [layer.id],
      );
      return count;
    });
    results.push({ layer: layer.id, features });
  }
  return results;
}
