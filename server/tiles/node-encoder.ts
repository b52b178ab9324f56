import type { Geometry, Position } from 'geojson';
import type { LayerDefinition } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import type { TileAddress } from './tile-address.ts';
import type { TileEncoder } from './encoder.ts';
import {
  clusterCountProperty,
  featureColumns,
  featureOrder,
  isClustered,
  layerQuery,
  statementPerLayerSet,
  tileCte,
} from './layer-query.ts';
import { encodeTile, type MvtFeature, type MvtGeometryType, type MvtLayer, type MvtProperty } from './mvt-writer.ts';
import { insideTileBuffer, simplifyLines, type TilePoint } from './line-geometry.ts';
import { clippedLinesSql, tileGeometryJoins } from './tile-geometry-sql.ts';
import { tileExtent } from './web-mercator.ts';

interface FeatureRow {
  layer_index: number;
  id: number | null;
  properties: unknown[];
  /** Points and polygons, finished (GeoJSON in tile units). */
  geometry: string | null;
  /** Lines, snapped only: finished in `finishLines`. */
  line: string | null;
}

/** One layer's features in tile units as GeoJSON, properties as a JSON array in `featureColumns` order. */
function layerFeaturesSql(layer: LayerDefinition, index: number): string {
  const values = featureColumns(layer)
    .slice(1)
    .map((column) => `features.${column}`);
  return `select ${index} as layer_index,
      row_number() over (order by ${featureOrder(layer, 'features')}) as feature_index,
      features._feature_id as id,
      json_build_array(${values.join(', ')}) as properties,
      ST_AsGeoJSON(tile_geometry.g, 0) as geometry,
      ST_AsGeoJSON(tile_geometry.line, 0) as line
    from (${layerQuery(layer)}) as features
    cross join tile
    ${tileGeometryJoins('features._geom')}
    where (tile_geometry.g is not null and not ST_IsEmpty(tile_geometry.g)) or tile_geometry.line is not null`;
}

/** A GeoJSON geometry in tile units as an MVT geometry type and parts. */
function tileGeometry(geometry: Geometry): { type: MvtGeometryType; parts: [number, number][][] } | null {
  const pairs = (positions: Position[]) => positions.map((position) => [position[0] ?? 0, position[1] ?? 0] as [number, number]);
  switch (geometry.type) {
    case 'Point':
      return { type: 1, parts: [pairs([geometry.coordinates])] };
    case 'MultiPoint':
      return { type: 1, parts: [pairs(geometry.coordinates)] };
    case 'LineString':
      return { type: 2, parts: [pairs(geometry.coordinates)] };
    case 'MultiLineString':
      return { type: 2, parts: geometry.coordinates.map(pairs) };
    case 'Polygon':
      return { type: 3, parts: geometry.coordinates.map(pairs) };
    case 'MultiPolygon':
      return { type: 3, parts: geometry.coordinates.flat().map(pairs) };
    default:
      return null;
  }
}

/** The parts of a GeoJSON line or multiline. */
function lineParts(geometry: Geometry): TilePoint[][] {
  if (geometry.type === 'LineString') return [geometry.coordinates.map(([x = 0, y = 0]) => [x, y] as TilePoint)];
  if (geometry.type === 'MultiLineString') return geometry.coordinates.map((line) => line.map(([x = 0, y = 0]) => [x, y] as TilePoint));
  return [];
}

/**
 * Finishes the snapped lines as ST_AsMVTGeom would: PostGIS 3.3's collinear
 * pass, then, for lines leaving the tile plus its buffer, one more query that
 * clips them with ST_ClipByBox2D. Returns the parts per line, or null for a
 * line that leaves nothing in the tile.
 */
async function finishLines(db: Queryable, lines: TilePoint[][][]): Promise<(TilePoint[][] | null)[]> {
  const finished: (TilePoint[][] | null)[] = lines.map((parts) => {
    const simplified = simplifyLines(parts);
    return simplified.length > 0 ? simplified : null;
  });
  const crossing = finished.flatMap((parts, index) => (parts && !insideTileBuffer(parts) ? [index] : []));
  if (crossing.length === 0) return finished;
  const geojson = crossing.map((index) => JSON.stringify({ type: 'MultiLineString', coordinates: finished[index] }));
  const rows = await db.query<{ index: number; geometry: string | null }>(clippedLinesSql, [JSON.stringify(geojson)], { readOnly: true });
  for (const row of rows) {
    const index = crossing[row.index - 1];
    if (index === undefined) continue;
    finished[index] = row.geometry ? lineParts(JSON.parse(row.geometry) as Geometry) : null;
  }
  return finished;
}

/** The catalogue properties of a row, null values left out as ST_AsMVT leaves them out. */
function featureProperties(layer: LayerDefinition, values: unknown[]): MvtProperty[] {
  const described = [
    ...layer.properties.map((property) => ({ key: property.name, double: property.type === 'number' })),
    ...(isClustered(layer) ? [{ key: clusterCountProperty, double: false }] : []),
  ];
  const properties: MvtProperty[] = [];
  described.forEach((description, index) => {
    const value = values[index];
    if (value === null || value === undefined) return;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return;
    properties.push({ ...description, value });
  });
  return properties;
}

/** The statement for a set of layers: one query for all of them, rows in layer and feature order. */
const tileSql = statementPerLayerSet(
  (layers) => `with ${tileCte}
      select layer_index, id, properties, geometry, line from (
        ${layers.map((layer, index) => layerFeaturesSql(layer, index)).join('\n        union all\n        ')}
      ) as rows
      order by layer_index, feature_index`,
);

/**
 * Tiles for the embedded database: the shared layer query and ST_AsMVTGeom
 * emulated in SQL (one statement for all layers, a second one only for lines
 * that cross the tile's buffer), encoded in Node.
 */
export const nodeEncoder: TileEncoder = {
  name: 'node',
  async encode(db: Queryable, tile: TileAddress, layers: readonly LayerDefinition[]): Promise<Buffer> {
    if (layers.length === 0) return Buffer.alloc(0);
    const rows = await db.query<FeatureRow>(tileSql(layers), [tile.z, tile.x, tile.y], { prepared: true, readOnly: true });
    const lineRows = rows.filter((row) => row.line !== null);
    const lines = await finishLines(
      db,
      lineRows.map((row) => lineParts(JSON.parse(row.line as string) as Geometry)),
    );
    const finishedLines = new Map(lineRows.map((row, index) => [row, lines[index]]));
    const mvtLayers: MvtLayer[] = layers.map((layer) => ({ name: layer.id, extent: tileExtent, features: [] }));
    for (const row of rows) {
      const layer = layers[row.layer_index];
      const mvtLayer = mvtLayers[row.layer_index];
      const parts = finishedLines.get(row);
      let geometry: ReturnType<typeof tileGeometry> = null;
      if (row.line !== null) geometry = parts ? { type: 2, parts } : null;
      else if (row.geometry !== null) geometry = tileGeometry(JSON.parse(row.geometry) as Geometry);
      if (!layer || !mvtLayer || !geometry) continue;
      const feature: MvtFeature = {
        type: geometry.type,
        geometry: geometry.parts,
        properties: featureProperties(layer, row.properties),
      };
      if (row.id !== null) feature.id = Number(row.id);
      mvtLayer.features.push(feature);
    }
    return Buffer.from(encodeTile(mvtLayers));
  },
};
