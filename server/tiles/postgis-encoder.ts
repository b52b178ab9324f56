import type { LayerDefinition } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import type { TileAddress } from './tile-address.ts';
import type { TileEncoder } from './encoder.ts';
import { featureColumns, featureOrder, layerQuery, statementPerLayerSet, tileCte } from './layer-query.ts';
import { tileBuffer, tileExtent } from './web-mercator.ts';

const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A bytea as a Buffer: node-postgres gives a Buffer, PGlite a Uint8Array. */
function toBuffer(bytes: Uint8Array | null): Buffer {
  if (!bytes) return Buffer.alloc(0);
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** One MVT layer made by PostGIS: ST_AsMVTGeom for the geometry, ST_AsMVT for the encoding. */
function layerTileSql(layer: LayerDefinition, index: number): string {
  const columns = featureColumns(layer).map((column) => `features.${column}`);
  return `select ${index} as layer_index,
      ST_AsMVT(mvt, ${literal(layer.id)}, ${tileExtent}, '_geom', '_feature_id' order by ${featureOrder(layer, 'features')}) as tile
    from (${layerQuery(layer)}) as features
    cross join tile
    cross join lateral (
      select ${columns.join(', ')},
        ST_AsMVTGeom(features._geom, tile.envelope::box2d, ${tileExtent}, ${tileBuffer}, true) as _geom
      offset 0
    ) as mvt
    where mvt._geom is not null`;
}

/** The statement for a set of layers: one MVT layer per row, concatenated in order. */
const tileSql = statementPerLayerSet(
  (layers) => `with ${tileCte}
      ${layers.map((layer, index) => layerTileSql(layer, index)).join('\n      union all\n      ')}`,
);

/** Tiles from ST_AsMVT, one prepared statement per set of layers; each layer's bytes are one MVT layer, concatenated in order. */
export const postgisEncoder: TileEncoder = {
  name: 'postgis',
  async encode(db: Queryable, tile: TileAddress, layers: readonly LayerDefinition[]): Promise<Buffer> {
    if (layers.length === 0) return Buffer.alloc(0);
    const rows = await db.query<{ layer_index: number; tile: Uint8Array | null }>(tileSql(layers), [tile.z, tile.x, tile.y], {
      prepared: true,
      readOnly: true,
    });
    rows.sort((a, b) => a.layer_index - b.layer_index);
    return Buffer.concat(rows.map((row) => toBuffer(row.tile)));
  },
};
