import type { LayerDefinition } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import { quoteIdent } from '../db/sql.ts';
import type { Bounds } from './metadata.ts';
import { maxLatitude } from './web-mercator.ts';

const world: Bounds = [-180, -maxLatitude, 180, maxLatitude];

/**
 * The longitude/latitude box of the data of some layers (EPSG:4326), clamped
 * to the Web Mercator square; the whole world when the layers are empty.
 */
export async function dataBounds(db: Queryable, layers: readonly LayerDefinition[]): Promise<Bounds> {
  if (layers.length === 0) return world;
  const extents = layers.map(
    (layer) => `select ST_Extent(${quoteIdent(layer.geometryColumn)})::geometry as extent from ${quoteIdent(layer.table)}`,
  );
  const [row] = await db.query<{ west: number | null; south: number | null; east: number | null; north: number | null }>(
    `select ST_XMin(box) as west, ST_YMin(box) as south, ST_XMax(box) as east, ST_YMax(box) as north
     from (select ST_Extent(extent) as box from (${extents.join(' union all ')}) as layer_extents) as total`,
  );
  if (!row || row.west === null || row.south === null || row.east === null || row.north === null) return world;
  const clampLatitude = (latitude: number) => Math.max(-maxLatitude, Math.min(maxLatitude, latitude));
  return [Math.max(-180, row.west), clampLatitude(row.south), Math.min(180, row.east), clampLatitude(row.north)];
}
