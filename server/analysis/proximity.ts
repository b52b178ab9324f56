import type { LayerDefinition } from '../catalog/index.ts';
import { columnOf, tableOf, utmOf } from './layers.ts';

/** Most features answered per layer; `truncado` says when more were within the distance. */
export const proximityLimit = 500;

/** Whether GeoJSON text $1 (EPSG:4326) is a valid geometry in UTM 19S, and PostGIS's reason when it is not. */
export const validitySql = `with g as (select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), 32719) as utm)
select ST_IsValid(g.utm) as valido, ST_IsValidReason(g.utm) as motivo from g`;

/**
 * The area within $2 metres of geometry $1 (GeoJSON text, EPSG:4326), as
 * GeoJSON (EPSG:4326), for drawing. The outline is simplified first by 5 %
 * of the distance (15 m at 300 m, 250 m at 5 km): hardly visible at the
 * scale the buffer is drawn, and it keeps a detailed outline from costing
 * seconds (a 5 000-vertex outline buffered by 5 km: ~6 s exact, ~2 s so).
 * The features listed and their distances use the exact geometry.
 */
export const bufferSql = `with g as (select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), 32719) as utm)
select ST_AsGeoJSON(ST_Transform(ST_Buffer(ST_SimplifyPreserveTopology(g.utm, $2::float8 / 20), $2::float8), 4326), 7)::json as buffer
from g`;

/** The geometry of feature $1 of a layer as GeoJSON (EPSG:4326), null when it has none. */
export function featureGeometrySql(layer: LayerDefinition): string {
  return `select ST_AsGeoJSON(${columnOf('t', layer, layer.geometryColumn)})::json as geometry
from ${tableOf(layer)} t where ${columnOf('t', layer, layer.idColumn)} = $1`;
}

/**
 * Features of a layer within $2 metres of the geometry $1 (GeoJSON text,
 * EPSG:4326), nearest first, with their distance in metres (UTM 19S) and
 * their public properties. $3: id of a feature of this layer to leave out
 * (the source), or null. At most {@link proximityLimit} + 1 rows.
 */
export function proximitySql(layer: LayerDefinition): string {
  const properties = layer.properties
    .map((property) => `'${property.name.replaceAll("'", "''")}', ${columnOf('t', layer, property.name)}`)
    .join(', ');
  return `with g as (select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), 32719) as utm)
select ${columnOf('t', layer, layer.idColumn)} as id,
  round(ST_Distance(${utmOf('t', layer)}, g.utm)::numeric, 2)::float8 as distancia_m,
  json_build_object(${properties}) as propiedades
from ${tableOf(layer)} t, g
where ST_DWithin(${utmOf('t', layer)}, g.utm, $2::float8)
  and ($3::int is null or ${columnOf('t', layer, layer.idColumn)} <> $3::int)
order by 2, 1
limit ${proximityLimit + 1}`;
}

export interface ProximityRow {
  id: number;
  distancia_m: number;
  propiedades: Record<string, unknown>;
}
