import { tileBuffer, tileExtent } from './web-mercator.ts';
import { toTileUnits } from './layer-query.ts';

const low = -tileBuffer;
const high = tileExtent + tileBuffer;
const clipBox = `ST_MakeEnvelope(${low}, ${low}, ${high}, ${high})::box2d`;

/**
 * ST_AsMVTGeom(geometry, tile envelope, 4096, 64, true) for a PostGIS without
 * protobuf-c, in SQL plus one step in Node. Returns the text of LATERAL joins
 * that expose, per feature, `tile_geometry.g` (points and polygons, finished:
 * tile units, y down, integer coordinates, or NULL when nothing reaches the
 * tile) and `tile_geometry.line` (lines, snapped but not yet simplified nor
 * clipped: `line-geometry.ts` and `clippedLinesSql` finish them). Needs the
 * `tile` CTE. Each step ends in OFFSET 0 so that the planner computes it once
 * per row instead of inlining it into every expression that reads it.
 *
 * It follows mvt_geom() as built in PostGIS 3.3 (the production servers,
 * Debian 12), step by step, with the same SQL-callable functions:
 * 1. affine transform to tile units and snap to the integer grid
 *    (ST_SnapToGrid runs the same grid function, rounding half to even);
 * 2. drop collinear points. PostGIS 3.3 does it with an O(n) pass that also
 *    removes back-tracking spikes (…X, B, X…); PostGIS 3.6's ST_Simplify(g,
 *    0) keeps those, so for lines the pass runs in Node
 *    (`simplifyCollinear`); polygon rings take ST_Simplify(g, 0), the
 *    Douglas-Peucker path both versions share; multipoints lose repeats;
 * 3. points and lines: kept whole when inside the tile plus its buffer
 *    (edges included), else clipped with ST_ClipByBox2D and snapped again:
 *    the GEOS call PostGIS makes. The inside test is written out because
 *    ST_ClipByBox2D of PostGIS 3.6 drops a point lying on the box edge;
 * 4. polygons: PostGIS clips and validates them with wagyu, which this build
 *    does not have. Here: clip with GEOS, make valid and snap-round to the
 *    integer grid with ST_ReducePrecision (valid output, slivers collapsed
 *    as wagyu's snap rounding collapses them), then exterior rings
 *    counter-clockwise in tile units, the orientation wagyu writes
 *    (clockwise on screen, y down).
 * ST_AsMVTGeom's SQL entry also drops lines and polygons under half a unit
 * in both width and height, measured on the float32 bounding box; the layer
 * query removes everything under `minimumFeatureSize` first, so that rule
 * never applies and both encoders receive the same features.
 *
 * Points and lines come out identical to ST_AsMVTGeom (checked on 4 000
 * random short lines with spikes, and on the seed layers at zooms 6–18).
 * Polygons have the same shape, but a ring may start at another vertex, and
 * where an edge crosses the buffer boundary wagyu truncates the crossing
 * while this rounds it: those vertices, 64 units outside the visible tile,
 * may differ by one unit. tests/http/tiles-golden.test.ts compares polygons
 * accordingly.
 */
export function tileGeometryJoins(geometry: string): string {
  const inside = (g: string) =>
    `ST_XMin(${g}) >= ${low} and ST_YMin(${g}) >= ${low} and ST_XMax(${g}) <= ${high} and ST_YMax(${g}) <= ${high}`;
  return `cross join lateral (
      select ST_SnapToGrid(${toTileUnits(geometry)}, 1) as g offset 0
    ) as snapped
    cross join lateral (
      select case
        when ST_Dimension(snapped.g) = 2 then ST_Simplify(snapped.g, 0, false)
        when GeometryType(snapped.g) = 'MULTIPOINT' then ST_RemoveRepeatedPoints(snapped.g, 0)
        when ST_Dimension(snapped.g) = 0 then snapped.g
      end as g
      offset 0
    ) as simplified
    cross join lateral (
      select case
        when simplified.g is null or ST_IsEmpty(simplified.g) then null
        when ST_Dimension(simplified.g) = 2 then ST_ForcePolygonCCW(ST_CollectionExtract(ST_ReducePrecision(
          ST_CollectionExtract(ST_MakeValid(ST_ClipByBox2D(simplified.g, ${clipBox})), 3), 1), 3))
        when ${inside('simplified.g')} then simplified.g
        else ST_SnapToGrid(ST_ClipByBox2D(simplified.g, ${clipBox}), 1)
      end as g,
      case when ST_Dimension(snapped.g) = 1 and not ST_IsEmpty(snapped.g) then snapped.g end as line
      offset 0
    ) as tile_geometry`;
}

/**
 * Step 3 for lines that cross the tile plus its buffer: `$1` is a JSON array
 * of GeoJSON lines in tile units; answers `index` (1-based) and `geometry`
 * (GeoJSON, lines only; NULL when only points or nothing remain, which
 * ST_AsMVTGeom drops as a change of type).
 */
export const clippedLinesSql = `select line.index::int as index,
    case when ST_IsEmpty(clipped.g) then null else ST_AsGeoJSON(clipped.g, 0) end as geometry
  from json_array_elements_text($1::json) with ordinality as line(value, index)
  cross join lateral (
    select ST_CollectionExtract(ST_SnapToGrid(ST_ClipByBox2D(ST_GeomFromGeoJSON(line.value), ${clipBox}), 1), 2) as g
    offset 0
  ) as clipped`;
