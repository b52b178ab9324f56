import type { LayerDefinition } from '../catalog/index.ts';
import type { InputCrs } from './feature-input.ts';

/**
 * SQL turning the GeoJSON text parameter `$param` (in the body's CRS) into the
 * layer's storage: lon/lat EPSG:4326, Multi* for Multi* layers, and, when
 * the writer asked for it, made valid by ST_MakeValid keeping the same kind
 * of geometry.
 */
export function storedGeometrySql(layer: LayerDefinition, crs: InputCrs, param: string, repair: boolean): string {
  let geometry = `ST_SetSRID(ST_GeomFromGeoJSON(${param}::text), ${Number(crs.srid)})`;
  if (crs.latitudeFirst) geometry = `ST_FlipCoordinates(${geometry})`;
  if (crs.srid !== 4326) geometry = `ST_Transform(${geometry}, 4326)`;
  if (repair) {
    // Keep the dimension of the input: polygons stay polygons, lines stay lines.
    geometry = `ST_CollectionExtract(ST_MakeValid(${geometry}), ST_Dimension(${geometry}) + 1)`;
  }
  return layer.geometryType.startsWith('Multi') ? `ST_Multi(${geometry})` : geometry;
}

/**
 * One query checking a geometry before it is written: validity (with
 * PostGIS's reason and where), and whether it lies inside the comuna within
 * `$2` metres (null when the comuna layer is empty). Parameters: $1 the
 * GeoJSON text, $2 the tolerance in metres.
 */
export function geometryCheckSql(layer: LayerDefinition, crs: InputCrs, repair: boolean): string {
  const raw = storedGeometrySql(layer, crs, '$1', false);
  const stored = storedGeometrySql(layer, crs, '$1', repair);
  return `with g as (select ${raw} as raw, ${stored} as stored),
    c as (select ST_Transform(ST_Union(geom), 32719) as utm from comuna)
    select ST_IsValid(g.raw) as valido,
      ST_IsValidReason(g.raw) as motivo,
      ST_IsValid(g.stored) and not ST_IsEmpty(g.stored) as valido_final,
      ST_GeometryType(g.stored) as tipo_final,
      case when ST_IsValid(g.raw) then 0 else abs(ST_Area(ST_Transform(g.stored, 32719)) - ST_Area(ST_Transform(g.raw, 32719))) end as cambio_area_m2,
      case when c.utm is null then null else ST_Covers(ST_Buffer(c.utm, $2::double precision), ST_Transform(g.stored, 32719)) end as dentro,
      case when c.utm is null then null else ST_Distance(c.utm, ST_Transform(g.stored, 32719)) end as distancia_m
    from g, c`;
}

/** PostGIS's validity reasons in Spanish ("Self-intersection[x y]" → "se cruza consigo misma en x y"). */
export function validityReason(reason: string): string {
  const place = /\[([-\d.e]+) ([-\d.e]+)\]/.exec(reason);
  const where = place ? ` cerca de ${Number(place[1]).toFixed(6)}, ${Number(place[2]).toFixed(6)}` : '';
  const known: [RegExp, string][] = [
    [/ring self-intersection/i, 'un anillo se toca a sí mismo'],
    [/self-intersection/i, 'los bordes se cruzan entre sí'],
    [/too few points/i, 'tiene muy pocos vértices'],
    [/hole lies outside shell/i, 'un agujero queda fuera del polígono'],
    [/nested shells/i, 'un polígono está dentro de otro'],
    [/interior is disconnected/i, 'el interior queda partido en trozos'],
    [/invalid coordinate/i, 'tiene una coordenada inválida'],
    [/nested holes/i, 'un agujero está dentro de otro'],
  ];
  const text = known.find(([pattern]) => pattern.test(reason))?.[1] ?? reason.replace(/\[.*\]/, '').trim();
  return `${text}${where}`;
}
