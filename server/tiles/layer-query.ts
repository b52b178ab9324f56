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

/** Points inside the tile and its buffer, in tile units: `low` ≤ x, y < `high`. */
const low = -tileBuffer;
const high = tileExtent + tileBuffer;
/**
 * A tile with at most this many points (counted in the grid) is made from the
 * table: reading that few points costs less than the grid's fixed work
 * (measured at z16: 280 points 2.3 ms from the table against 3.3 ms from the
 * grid; 2 900 points 25 ms against 21 ms).
 */
const gridMinimumPoints = 1_000;
/** Highest zoom counted in `point_grid` (migration 0013); above it, tiles count the points themselves. */
export const pointGridMaxZoom = 16;
/** Side of a `point_grid` sub-cell in tile units: half a cell, so the tile buffer is one row of sub-cells. */
const subCellSize = clusterCellSize / 2;
const subCellsPerTile = tileExtent / subCellSize;
/** Aggregation cells along a tile's side (the buffer adds one on each side). */
const cellsPerTile = tileExtent / clusterCellSize;
/** Points of a box scan that cost as much as reading one sparse cell by its own box (measured on PostgreSQL: 40 µs against 4 µs). */
const sparseCellCost = 10;

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
      where ST_X(tile_point) >= ${low} and ST_X(tile_point) < ${high} and ST_Y(tile_point) >= ${low} and ST_Y(tile_point) < ${high}
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
 * The same features as `clusteredQuery`, from the counts of `point_grid`:
 * the tile's sub-cells (its own and the buffer's row around it) summed into
 * cells; a crowded cell becomes its cluster straight from the sums, and only
 * the points of cells with few points are read from the table, each cell by
 * its own small box on the spatial index. The cost follows the cells and
 * points the tile shows, not the points the table holds. Same snapping,
 * cells, threshold and mean position as `clusteredQuery` (golden tiles).
 */
function gridClusteredQuery(layer: LayerDefinition): string {
  const geometry = `t.${quoteIdent(layer.geometryColumn)}`;
  const names = layer.properties.map((property) => quoteIdent(property.name));
  const properties = layer.properties.map((property) => `${propertyValue(property, 't')} as ${quoteIdent(property.name)}`);
  const nulls = layer.properties.map((property) => `${nullOfType[property.type]} as ${quoteIdent(property.name)}`);
  const count = quoteIdent(clusterCountProperty);
  const layerId = `'${layer.id.replaceAll("'", "''")}'`;
  const cellEdge = (cell: string, offset: number) => `(${cell} * ${clusterCellSize} + ${offset})`;
  return `with grid_cells as (
      select floor((g.sx - $2::int * ${subCellsPerTile}) / 2.0)::int as _cell_x,
        floor((g.sy - $3::int * ${subCellsPerTile}) / 2.0)::int as _cell_y,
        sum(g.n)::int8 as points,
        sum(g.sum_x) - $2::int * ${tileExtent}::float8 * sum(g.n) as sum_x,
        sum(g.sum_y) - $3::int * ${tileExtent}::float8 * sum(g.n) as sum_y
      from point_grid as g
      where g.layer_id = ${layerId} and g.z = $1::int
        and g.sx between $2::int * ${subCellsPerTile} - 1 and $2::int * ${subCellsPerTile} + ${subCellsPerTile}
        and g.sy between $3::int * ${subCellsPerTile} - 1 and $3::int * ${subCellsPerTile} + ${subCellsPerTile}
      group by 1, 2
    ), sparse as (
      select cell._cell_x, cell._cell_y, ST_Transform(ST_MakeEnvelope(
          tile.x0 + ${cellEdge('cell._cell_x', -1)} / tile.fx, tile.y1 + ${cellEdge('cell._cell_y', clusterCellSize + 1)} / tile.fy,
          tile.x0 + ${cellEdge('cell._cell_x', clusterCellSize + 1)} / tile.fx, tile.y1 + ${cellEdge('cell._cell_y', -1)} / tile.fy,
          3857), 4326) as box
      from grid_cells as cell cross join tile
      where cell.points <= ${clusterMaxPoints}
    ), reading as (
      -- Reading each sparse cell by its own box costs about ten points' worth of a plain box scan:
      -- when the tile has that many sparse cells per point, one scan of the tile's box is cheaper.
      select count(*) filter (where points <= ${clusterMaxPoints}) * ${sparseCellCost} > coalesce(sum(points), 0) as whole_box
      from grid_cells
    ), sparse_mask as (
      -- Whether each cell of the tile (and its buffer) is sparse, as an array looked up in O(1) per point:
      -- a join to the sparse cells is planned as a nested loop in the generic plan (measured 290 ms for a z16 tile).
      select array_agg(coalesce(cell.points <= ${clusterMaxPoints}, false) order by slot.k) as sparse
      from generate_series(0, ${(cellsPerTile + 2) ** 2 - 1}) as slot (k)
      left join grid_cells as cell on (cell._cell_x + 1) * ${cellsPerTile + 2} + cell._cell_y + 1 = slot.k
    ), members as (
      select t.${quoteIdent(layer.idColumn)}::int8 as _feature_id, ${properties.join(', ')},
        projected.geometry as _geom, snapped.tile_point, sparse._cell_x, sparse._cell_y
      from sparse cross join tile
      join ${quoteIdent(layer.table)} as t on ${geometry} && sparse.box
      cross join lateral (select ST_Transform(${geometry}, 3857) as geometry offset 0) as projected
      cross join lateral (select ST_SnapToGrid(${toTileUnits('projected.geometry')}, 1) as tile_point offset 0) as snapped
      where not (select whole_box from reading)
      union all
      select t.${quoteIdent(layer.idColumn)}::int8 as _feature_id, ${properties.join(', ')},
        projected.geometry as _geom, snapped.tile_point, cell._cell_x, cell._cell_y
      from ${quoteIdent(layer.table)} as t cross join tile
      cross join lateral (select ST_Transform(${geometry}, 3857) as geometry offset 0) as projected
      cross join lateral (select ST_SnapToGrid(${toTileUnits('projected.geometry')}, 1) as tile_point offset 0) as snapped
      cross join lateral (
        select floor(ST_X(snapped.tile_point) / ${clusterCellSize})::int as _cell_x, floor(ST_Y(snapped.tile_point) / ${clusterCellSize})::int as _cell_y
        offset 0
      ) as cell
      where ${geometry} && tile.candidate_box and (select whole_box from reading)
        and cell._cell_x between -1 and ${cellsPerTile} and cell._cell_y between -1 and ${cellsPerTile}
        and (select sparse from sparse_mask)[(cell._cell_x + 1) * ${cellsPerTile + 2} + cell._cell_y + 2]
    )
    select 0 as _cluster, _feature_id, ${names.join(', ')}, null::int8 as ${count}, _geom, _cell_x, _cell_y
    from members
    where floor(ST_X(tile_point) / ${clusterCellSize})::int = _cell_x and floor(ST_Y(tile_point) / ${clusterCellSize})::int = _cell_y
      and ST_X(tile_point) >= ${low} and ST_X(tile_point) < ${high} and ST_Y(tile_point) >= ${low} and ST_Y(tile_point) < ${high}
    union all
    select 1, null::int8, ${nulls.join(', ')}, points,
      ST_SetSRID(ST_MakePoint(tile.x0 + round(sum_x / points) / tile.fx, tile.y1 + round(sum_y / points) / tile.fy), 3857),
      _cell_x, _cell_y
    from grid_cells cross join tile
    where points > ${clusterMaxPoints}`;
}

/**
 * A point layer counted in `point_grid`: from the grid up to
 * `pointGridMaxZoom` when the tile holds more than `gridMinimumPoints`, from
 * the table otherwise. One statement for every zoom and tile (z, x, y are
 * parameters): the branch that does not apply is a one-time filter that the
 * executor skips.
 */
function griddedQuery(layer: LayerDefinition): string {
  const layerId = `'${layer.id.replaceAll("'", "''")}'`;
  return `with grid_total as (
      select coalesce(sum(g.n), 0) as points
      from point_grid as g
      where g.layer_id = ${layerId} and g.z = $1::int
        and g.sx between $2::int * ${subCellsPerTile} - 1 and $2::int * ${subCellsPerTile} + ${subCellsPerTile}
        and g.sy between $3::int * ${subCellsPerTile} - 1 and $3::int * ${subCellsPerTile} + ${subCellsPerTile}
    )
    select * from (${gridClusteredQuery(layer)}) as from_grid
    where $1::int <= ${pointGridMaxZoom} and (select points from grid_total) > ${gridMinimumPoints}
    union all
    select * from (${clusteredQuery(layer)}) as from_table
    where $1::int > ${pointGridMaxZoom} or (select points from grid_total) <= ${gridMinimumPoints}`;
}

/**
 * The features of `layer` for the tile $1/$2/$3 as a subquery: `_feature_id`,
 * the public properties (plus `count` on point layers), `_geom` in EPSG:3857
 * and helper columns for `featureOrder`. Reads the `tile` CTE.
 */
export function layerQuery(layer: LayerDefinition): string {
  if (!isClustered(layer)) return shapeQuery(layer);
  return layer.pointGrid ? griddedQuery(layer) : clusteredQuery(layer);
}

/**
 * A tile statement per set of layers, built by `build` once per process: the
 * same string each time is what lets the database prepare it by name.
 */
export function statementPerLayerSet(build: (layers: readonly LayerDefinition[]) => string) {
  const statements = new Map<string, string>();
  return (layers: readonly LayerDefinition[]): string => {
    const key = layers.map((layer) => layer.id).join('\n');
    let sql = statements.get(key);
    if (sql === undefined) statements.set(key, (sql = build(layers)));
    return sql;
  };
}
