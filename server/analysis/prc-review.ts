import type { Queryable } from '../db/database.ts';
import { catalogLayer, columnOf, geometryOf, tableOf, utmOf } from './layers.ts';

const heritage = catalogLayer('patrimonio');
const zoning = catalogLayer('zonificacion_prc');
const urbanLimit = catalogLayer('limite_urbano');
const wetland = catalogLayer('humedal_urbano');
const riskPoints = catalogLayer('puntos_criticos');
const projects = catalogLayer('proyectos');

/** Distance (m) within which critical risk points are listed. */
export const riskDistance = 200;

/** The geometry of project $1 (by code) as GeoJSON, null when it has no location. */
export const projectGeometrySql = `select ST_AsGeoJSON(${geometryOf('p', projects)})::json as geometry
from ${tableOf(projects)} p where ${columnOf('p', projects, 'codigo')} = $1`;

const source = `g as (select ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($1::text), 4326), 32719) as utm)`;

/**
 * Heritage items within $2 m of geometry $1 (GeoJSON text, EPSG:4326), nearest first.
 * `dentro`: inside or on the edge, with 1 cm of tolerance for the round trip between EPSG:4326 and UTM.
 */
export const heritageSql = `with ${source}
select ${columnOf('h', heritage, 'id')} as id, ${columnOf('h', heritage, 'nombre')} as nombre,
  ${columnOf('h', heritage, 'categoria')} as categoria, ${columnOf('h', heritage, 'instrumento_proteccion')} as instrumento_proteccion,
  ${columnOf('h', heritage, 'intervenciones_revision')} as intervenciones_revision,
  round(ST_Distance(${utmOf('h', heritage)}, g.utm)::numeric, 2)::float8 as distancia_m,
  ST_DWithin(${utmOf('h', heritage)}, g.utm, 0.01) as dentro
from ${tableOf(heritage)} h, g
where ST_DWithin(${utmOf('h', heritage)}, g.utm, $2::float8)
order by distancia_m, id`;

/** PRC zones the geometry $1 touches, with uses and the overlap area in m² (0 for points and lines). */
export const zoningSql = `with ${source}
select ${columnOf('z', zoning, 'codigo')} as codigo, ${columnOf('z', zoning, 'nombre')} as nombre,
  ${columnOf('z', zoning, 'usos_permitidos')} as usos_permitidos, ${columnOf('z', zoning, 'usos_prohibidos')} as usos_prohibidos,
  ${columnOf('z', zoning, 'instrumento')} as instrumento,
  round(ST_Area(ST_Intersection(${utmOf('z', zoning)}, g.utm))::numeric, 2)::float8 as area_m2
from ${tableOf(zoning)} z, g
where ST_Intersects(${utmOf('z', zoning)}, g.utm)
order by area_m2 desc, codigo`;

/** For each urban limit (one per instrument): whether geometry $1 is inside, outside or partly inside. */
export const urbanLimitSql = `with ${source}
select ${columnOf('l', urbanLimit, 'nombre')} as nombre, ${columnOf('l', urbanLimit, 'instrumento')} as instrumento,
  case when ST_CoveredBy(g.utm, ${utmOf('l', urbanLimit)}) then 'dentro'
    when not ST_Intersects(g.utm, ${utmOf('l', urbanLimit)}) then 'fuera'
    else 'parcial' end as relacion
from ${tableOf(urbanLimit)} l, g
order by instrumento, nombre`;

/** Overlap of geometry $1 with each current and proposed wetland version, in m² and ha. */
export const wetlandOverlapSql = `with ${source}
select v.version,
  round(coalesce(ST_Area(ST_Intersection(ST_Union(${utmOf('w', wetland)}), (select utm from g))), 0)::numeric, 2)::float8 as area_m2,
  round((coalesce(ST_Area(ST_Intersection(ST_Union(${utmOf('w', wetland)}), (select utm from g))), 0) / 1e4)::numeric, 4)::float8 as area_ha,
  bool_or(ST_Intersects(${utmOf('w', wetland)}, (select utm from g))) as intersecta
from (values ('vigente'), ('ampliacion_propuesta')) v(version)
left join ${tableOf(wetland)} w on ${columnOf('w', wetland, 'version')} = v.version
group by v.version
order by v.version desc`;

/** Critical risk points within {@link riskDistance} m of geometry $1, nearest first. */
export const riskPointsSql = `with ${source}
select ${columnOf('r', riskPoints, 'id')} as id, ${columnOf('r', riskPoints, 'sector')} as sector,
  ${columnOf('r', riskPoints, 'causa')} as causa, ${columnOf('r', riskPoints, 'riesgo')} as riesgo,
  round(ST_Distance(${utmOf('r', riskPoints)}, g.utm)::numeric, 2)::float8 as distancia_m
from ${tableOf(riskPoints)} r, g
where ST_DWithin(${utmOf('r', riskPoints)}, g.utm, ${riskDistance})
order by distancia_m, id`;

/** What POST /analysis/revision-prc answers for one geometry (the schema is PrcReviewBody). */
export interface PrcFindings {
  distancia_patrimonio: number;
  patrimonio: Record<string, unknown>[];
  zonas_prc: Record<string, unknown>[];
  limite_urbano: Record<string, unknown>[];
  humedal: Record<string, unknown>[];
  puntos_criticos: Record<string, unknown>[];
}

/**
 * Runs the five Plan Regulador checks for geometry `text` (GeoJSON,
 * EPSG:4326, already validated) with heritage within `distance` metres.
 */
export async function prcFindings(db: Queryable, text: string, distance: number): Promise<PrcFindings> {
  const [patrimonio, zonas_prc, limite_urbano, humedal, puntos_criticos] = await Promise.all([
    db.query(heritageSql, [text, distance]),
    db.query(zoningSql, [text]),
    db.query(urbanLimitSql, [text]),
    db.query(wetlandOverlapSql, [text]),
    db.query(riskPointsSql, [text]),
  ]);
  return { distancia_patrimonio: distance, patrimonio, zonas_prc, limite_urbano, humedal, puntos_criticos };
}
