import type { LayerDefinition, LayerProperty } from '../catalog/index.ts';
import { quoteIdent } from '../db/sql.ts';
import { tileBuffer, tileExtent } from './web-mercator.ts';

/**
 * The SQL both encoders share: which features of a layer reach a tile, their
 * public properties, and their geometry in EPSG:3857 already simplified for
 * the zoom (and, for point layers, aggregated). Only the last step, geometry
 * to tile coordinates, differs between the encoders; keeping everything else
 * in one text is what makes their tiles decode to the same features.
 *
 * Every query takes $1 = z, $2 = x, $3 = y and reads the `tile` CTE below.
 */

/** Tile units added around the tile when selecting candidate features (more than the buffer). */
const selectMargin = 2 * tileBuffer;
/** Tile units added around the tile for the coarse clip done before simplifying large geometries. */
const coarseMargin = 4 * tileBuffer;
/**
 * Douglas-Peucker tolerance before encoding, in tile units: 4 units is half a
 * pixel of a 512-pixel tile, so the simplification is invisible at the zoom it
 * is made for while tiny rings collapse and leave the tile.
 */
export const simplifyTolerance = 4;
/**
 * Lines and polygons smaller than this in both width and height (tile units,
 * a quarter of a pixel) are left out of the tile.
 */
export const minimumFeatureSize = 2;
/** Polygons smaller than this, in square tile units (a quarter of a square pixel), are left out too. */
export const minimumPolygonArea = 16;
/** Side of an aggregation cell for point layers, tile units (16 pixels of a 512-pixel tile). */
export const clusterCellSize = 128;
/** A cell with more points than this is sent as one point with a `count` property. */
export const clusterMaxPoints = 4;
/** Name of the property that carries the number of aggregated points. */
export const clusterCountProperty = 'count';

/**
 * Tile-wide values: the envelope (EPSG:3857), the affine factors to tile
 * units exactly as ST_AsMVTGeom computes them, the candidate box in EPSG:4326
 * (for the layers' spatial index), the coarse clip box, and in metres the
 * simplification tolerance and the minimum feature size and area.
 */
export const tileCte = `tile as (
  select envelope,
    ${tileExtent}::float8 / (ST_XMax(envelope) - ST_XMin(envelope)) as fx,
    -(${tileExtent}::float8 / (ST_YMax(envelope) - ST_YMin(envelope))) as fy,
    ST_XMin(envelope) as x0,
    ST_YMax(envelope) as y1,
    ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => ${selectMargin / tileExtent}), 4326) as candidate_box,
    ST_TileEnvelope($1::int, $2::int, $3::int, margin => ${coarseMargin / tileExtent})::box2d as coarse_box,
    (ST_XMax(envelope) - ST_XMin(envelope)) / ${tileExtent} * ${simplifyTolerance} as tolerance,
    (ST_XMax(envelope) - ST_XMin(envelope)) / ${tileExtent} * ${minimumFeatureSize} as minimum_size,
    ((ST_XMax(envelope) - ST_XMin(envelope)) / ${tileExtent}) ^ 2 * ${minimumPolygonArea} as minimum_area
  from (select ST_TileEnvelope($1::int, $2::int, $3::int) as envelope) as envelope
)`;

/** The affine transform from EPSG:3857 to tile units (y down), as in ST_AsMVTGeom. */
export const toTileUnits = (geometry: string) => `ST_Affine(${geometry}, tile.fx, 0, 0, tile.fy, -tile.x0 * tile.fx, -tile.y1 * tile.fy)`;

/** A property as the tile carries it: the catalogue type, dates as 'YYYY-MM-DD' text. */
function propertyValue(property: LayerProperty, row: string): string {
  const column = `${row}.${quoteIdent(property.name)}`;
  switch (property.type) {
    case 'string':
      return `${column}::text`;
    case 'integer':
      return `${column}::int8`;
    case 'number':
      return `${column}::float8`;
    case 'date':
      return `to_char(${column}, 'YYYY-MM-DD')`;
    case 'boolean':
      return `${column}::boolean`;
  }
}

const nullOfType: Record<LayerProperty['type'], string> = {
  string: 'null::text',
  integer: 'null::int8',
  number: 'null::float8',
  date: 'null::text',
  boolean: 'null::boolean',
};

/** True for layers whose points are aggregated at low zoom. */
export function isClustered(layer: LayerDefinition): boolean {
  return layer.geometryType === 'Point';
}

/** Column names the final stage selects from the layer query, besides `_geom`: the id, then properties. */
export function featureColumns(layer: LayerDefinition): string[] {
  const names = ['_feature_id', ...layer.properties.map((property) => quoteIdent(property.name))];
  return isClustered(layer) ? [...names, quoteIdent(clusterCountProperty)] : names;
}

/** ORDER BY over the layer query's helper columns: features by id, then clusters by cell. */
export function featureOrder(layer: LayerDefinition, alias: string): string {
  return isClustered(layer) ? `${alias}._cluster, ${alias}._feature_id, ${alias}._cell_y, ${alias}._cell_x` : `${alias}._feature_id`;
}

/**
 * Lines, polygons and mixed layers: candidates by the spatial index,
 * collections reduced to their highest dimension (as ST_AsMVTGeom does), a
 * coarse clip around the tile so that large polygons are not simplified
 * whole, Douglas-Peucker at the zoom's tolerance dropping what collapses,
 * and nothing smaller than `minimumFeatureSize` in both directions or, for
 * polygons, than `minimumPolygonArea`.
 */
function shapeQuery(layer: LayerDefinition): string {
  const geometry = `t.${quoteIdent(layer.geometryColumn)}`;
  const properties = layer.properties.map((property) => `${propertyValue(property, 't')} as ${quoteIdent(property.name)}`);
  // OFFSET 0 keeps the planner from inlining the shaped geometry into every condition that reads it.
  return `select t.${quoteIdent(layer.idColumn)}::int8 as _feature_id, ${properties.join(', ')}, shaped.geometry as _geom
    from ${quoteIdent(layer.table)} as t cross join tile
    cross join lateral (
      select ST_Simplify(ST_ClipByBox2D(ST_Transform(
          case when GeometryType(${geometry}) = 'GEOMETRYCOLLECTION' then ST_CollectionExtract(${geometry}) else ${geometry} end,
          3857), tile.coarse_box), tile.tolerance, false) as geometry
      offset 0
    ) as shaped
    where ${geometry} && tile.candidate_box
      and shaped.geometry is not null and not ST_IsEmpty(shaped.geometry)
      and (GeometryType(shaped.geometry) = 'POINT'
        or ST_XMax(shaped.geometry) - ST_XMin(shaped.geometry) >= tile.minimum_size
        or ST_YMax(shaped.geometry) - ST_YMin(shaped.geometry) >= tile.minimum_size)
      and (ST_Dimension(shaped.geometry) < 2 or ST_Area(shaped.geometry) >= tile.minimum_area)`;
}

/**
 * Point layers: each point snapped to tile units exactly as the encoders will
 * snap it, kept if inside the tile and its buffer, and counted per cell of
 * `clusterCellSize` units. Cells with more than `clusterMaxPoints` points
 * become one point at their members' mean position with a `count`; the rest
 * go out as themselves. Cells are aligned to the tile grid, so a cell means
 * the same ground at every tile of a zoom.
 */
function clusteredQuery(layer: LayerDefinition): string {
  const geometry = `t.${quoteIdent(layer.geometryColumn)}`;
  const names = layer.properties.map((property) => quoteIdent(property.name));
  const properties = layer.properties.map((property) => `${propertyValue(property, 't')} as ${quoteIdent(property.name)}`);
  const nulls = layer.properties.map((property) => `${nullOfType[property.type]} as ${quoteIdent(property.name)}`);
  const low = -tileBuffer;
  const high = tileExtent + tileBuffer;
  const count = quoteIdent(clusterCountProperty);
  return `with candidates as (
      select t.${quoteIdent(layer.idColumn)}::int8 as _feature_id, ${properties.join(', ')},
        projected.geometry as _geom,
        ST_SnapToGrid(${toTileUnits('projected.geometry')}, 1) as tile_point
      from ${quoteIdent(layer.table)} as t cross join tile
      cross join lateral (select ST_Transform(${geometry}, 3857) as geometry offset 0) as projected
      where ${geometry} && tile.candidate_box
    ), cells as (
      select candidates.*,
        floor(ST_X(tile_point) / ${clusterCellSize})::int as _cell_x,
        floor(ST_Y(tile_point) / ${clusterCellSize})::int as _cell_y
      from candidates
      where ST_X(tile_point) between ${low} and ${high} and ST_Y(tile_point) between ${low} and ${high}
    ), counted as (
      select cells.*, count(*) over (partition by _cell_x, _cell_y) as _cell_points from cells
    )
    select 0 as _cluster, _feature_id, ${names.join(', ')}, null::int8 as ${count}, _geom, _cell_x, _cell_y
    from counted where _cell_points <= ${clusterMaxPoints}
    union all
    select 1, null::int8, ${nulls.join(', ')}, count(*)::int8,
      ST_SetSRID(ST_MakePoint(
        tile.x0 + round(avg(ST_X(tile_point))) / tile.fx,
        tile.y1 + round(avg(ST_Y(tile_point))) / tile.fy), 3857),
      _cell_x, _cell_y
    from counted cross join tile
    where _cell_points > ${clusterMaxPoints}
    group by _cell_x, _cell_y, tile.x0, tile.y1, tile.fx, tile.fy`;
}

/**
 * The features of `layer` for the tile $1/$2/$3 as a subquery: `_feature_id`,
 * the public properties (plus `count` on point layers), `_geom` in EPSG:3857
 * and helper columns for `featureOrder`. Reads the `tile` CTE.
 */
export function layerQuery(layer: LayerDefinition): string {
  return isClustered(layer) ? clusteredQuery(layer) : shapeQuery(layer);
}
