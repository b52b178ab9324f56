import { catalogLayer, columnOf, geometryOf, inactiveMicroDumpStates, tableOf, utmOf } from './layers.ts';

/** Units the indicators can be computed for, with the column that holds each unit's code. */
export const indicatorUnits = {
  unidades_vecinales: { layer: catalogLayer('unidades_vecinales'), codeColumn: 'codigo' },
  zonas_censales: { layer: catalogLayer('zonas_censales'), codeColumn: 'geocodigo' },
} as const;

export type IndicatorUnitKind = keyof typeof indicatorUnits;

const projects = catalogLayer('proyectos');
const microDumps = catalogLayer('microbasurales');
const heritage = catalogLayer('patrimonio');
const cyclePaths = catalogLayer('ciclovias');
const bridges = catalogLayer('puentes');
const blocks = catalogLayer('manzanas_censales');

/** The budget a project counts with: approved when known, else estimated (CLP); null when neither is known. */
const budget = `coalesce(${columnOf('p', projects, 'presupuesto_aprobado_clp')}, ${columnOf('p', projects, 'presupuesto_estimado_clp')})`;

/** A project overlaps the unit: more than a shared boundary (same rule as /plan/unidades-vecinales). */
const projectInUnit = `ST_Intersects(u.geom, ${geometryOf('p', projects)}) and not ST_Touches(u.geom, ${geometryOf('p', projects)})`;

/**
 * Indicators of every unit (neighbourhood unit or census zone), one row each,
 * ordered by code. Parameter $1: distance in metres to an existing cycle path
 * for the population-coverage indicator.
 *
 * All lengths, areas and distances are in metres from EPSG:32719 (UTM 19S).
 * - A project counts in every unit its geometry overlaps, with its whole budget.
 * - Population near a cycle path: each census block's people are apportioned
 *   by the share of the block's area that lies inside the unit and inside the
 *   buffer (uniform density within a block); the share is over the people the
 *   blocks put in the unit, so both terms come from the same source.
 * - Distance to the nearest bridge is measured from the unit's polygon (0 when
 *   a bridge touches it).
 */
export function indicatorsSql(kind: IndicatorUnitKind): string {
  const { layer: unit, codeColumn } = indicatorUnits[kind];
  return `with u as (
  select ${columnOf('x', unit, codeColumn)} as codigo, ${columnOf('x', unit, 'nombre')} as nombre,
    ${columnOf('x', unit, 'poblacion')} as poblacion, ${geometryOf('x', unit)} as geom, ${utmOf('x', unit)} as utm
  from ${tableOf(unit)} x
),
cobertura as (
  select ST_Union(ST_Buffer(${utmOf('c', cyclePaths)}, $1::float8)) as utm
  from ${tableOf(cyclePaths)} c where ${columnOf('c', cyclePaths, 'estado')} = 'existente'
)
select u.codigo, u.nombre, u.poblacion,
  round((ST_Area(u.utm) / 1e6)::numeric, 6)::float8 as area_km2,
  pr.proyectos, pr.inversion_clp, pr.proyectos_sin_presupuesto,
  coalesce(pl.por_lineamiento, '{}'::json) as proyectos_por_lineamiento,
  coalesce(pl.inversion, '{}'::json) as inversion_por_lineamiento,
  coalesce(pe.por_estado, '{}'::json) as proyectos_por_estado,
  mb.activos as microbasurales_activos,
  ph.items as patrimonio,
  cy.existente_km as ciclovia_existente_km, cy.total_km as ciclovia_total_km,
  bp.poblacion_manzanas, bp.poblacion_cerca_ciclovia,
  br.distancia_m as distancia_puente_m
from u
cross join cobertura cv
left join lateral (
  select count(*)::int as proyectos,
    coalesce(sum(${budget}), 0)::float8 as inversion_clp,
    (count(*) filter (where ${budget} is null))::int as proyectos_sin_presupuesto
  from ${tableOf(projects)} p where ${projectInUnit}
) pr on true
left join lateral (
  select json_object_agg(s.lineamiento, s.n order by s.lineamiento) as por_lineamiento,
    json_object_agg(s.lineamiento, s.inversion order by s.lineamiento) as inversion
  from (
    select coalesce(${columnOf('p', projects, 'lineamiento_codigo')}, 'sin_lineamiento') as lineamiento, count(*)::int as n,
      coalesce(sum(${budget}), 0)::float8 as inversion
    from ${tableOf(projects)} p where ${projectInUnit} group by 1
  ) s
) pl on true
left join lateral (
  select json_object_agg(s.estado, s.n order by s.estado) as por_estado
  from (
    select coalesce(${columnOf('p', projects, 'estado')}, 'sin_estado') as estado, count(*)::int as n
    from ${tableOf(projects)} p where ${projectInUnit} group by 1
  ) s
) pe on true
left join lateral (
  select count(*)::int as activos from ${tableOf(microDumps)} m
  where ST_Intersects(u.geom, ${geometryOf('m', microDumps)})
    and ${columnOf('m', microDumps, 'estado')} not in (${inactiveMicroDumpStates.map((state) => `'${state}'`).join(', ')})
) mb on true
left join lateral (
  select count(*)::int as items from ${tableOf(heritage)} h where ST_Intersects(u.geom, ${geometryOf('h', heritage)})
) ph on true
left join lateral (
  select round((coalesce(sum(ST_Length(ST_Intersection(${utmOf('c', cyclePaths)}, u.utm)))
      filter (where ${columnOf('c', cyclePaths, 'estado')} = 'existente'), 0) / 1000)::numeric, 6)::float8 as existente_km,
    round((coalesce(sum(ST_Length(ST_Intersection(${utmOf('c', cyclePaths)}, u.utm))), 0) / 1000)::numeric, 6)::float8 as total_km
  from ${tableOf(cyclePaths)} c where ST_Intersects(${utmOf('c', cyclePaths)}, u.utm)
) cy on true
left join lateral (
  select round(coalesce(sum(${columnOf('b', blocks, 'poblacion')} * ST_Area(ST_Intersection(${utmOf('b', blocks)}, u.utm))
      / nullif(ST_Area(${utmOf('b', blocks)}), 0)), 0)::numeric, 4)::float8 as poblacion_manzanas,
    round(coalesce(sum(${columnOf('b', blocks, 'poblacion')}
      * coalesce(ST_Area(ST_Intersection(ST_Intersection(${utmOf('b', blocks)}, u.utm), cv.utm)), 0)
      / nullif(ST_Area(${utmOf('b', blocks)}), 0)), 0)::numeric, 4)::float8 as poblacion_cerca_ciclovia
  from ${tableOf(blocks)} b where ST_Intersects(${utmOf('b', blocks)}, u.utm) and not ST_Touches(${utmOf('b', blocks)}, u.utm)
) bp on true
left join lateral (
  select round(min(ST_Distance(${utmOf('p', bridges)}, u.utm))::numeric, 2)::float8 as distancia_m from ${tableOf(bridges)} p
) br on true
order by u.codigo`;
}

/** One row of {@link indicatorsSql}, as the database returns it. */
export interface IndicatorRow {
  codigo: string;
  nombre: string | null;
  poblacion: number | null;
  area_km2: number;
  proyectos: number;
  inversion_clp: number;
  proyectos_sin_presupuesto: number;
  proyectos_por_lineamiento: Record<string, number>;
  inversion_por_lineamiento: Record<string, number>;
  proyectos_por_estado: Record<string, number>;
  microbasurales_activos: number;
  patrimonio: number;
  ciclovia_existente_km: number;
  ciclovia_total_km: number;
  poblacion_manzanas: number;
  poblacion_cerca_ciclovia: number;
  distancia_puente_m: number | null;
}

/** The indicators of one unit as the API answers them. */
export interface UnitIndicators extends IndicatorRow {
  /** True when no project in the unit has a budget: the investment is 0 because it is unknown, not because it is nothing. */
  inversion_sin_dato: boolean;
  /** CLP per inhabitant; null when the unit has no population recorded. */
  inversion_por_habitante: number | null;
  /** Active micro-dumps per km². */
  densidad_microbasurales_km2: number;
  /** Share (0–1) of the blocks' population within the distance of an existing cycle path; null without blocks. */
  proporcion_cerca_ciclovia: number | null;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Adds the ratios to a row of {@link indicatorsSql}. */
export function deriveIndicators(row: IndicatorRow): UnitIndicators {
  return {
    ...row,
    inversion_sin_dato: row.proyectos > 0 && row.proyectos_sin_presupuesto === row.proyectos,
    inversion_por_habitante: row.poblacion ? round(row.inversion_clp / row.poblacion, 2) : null,
    densidad_microbasurales_km2: row.area_km2 > 0 ? round(row.microbasurales_activos / row.area_km2, 4) : 0,
    proporcion_cerca_ciclovia: row.poblacion_manzanas > 0 ? round(row.poblacion_cerca_ciclovia / row.poblacion_manzanas, 4) : null,
  };
}
