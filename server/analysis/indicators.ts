import { densityWithheld, perInhabitantWithheld } from '../figures/minimums.ts';
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

/**
 * The budget a project counts with: approved when known, else estimated
 * (CLP), over the budget lines in scope (demo lines only when $3); null when
 * neither is known.
 */
const budget = `(select coalesce(sum(b.aprobado_clp), sum(b.estimado_clp)) from proyecto_presupuestos b
  where b.codigo = ${columnOf('p', projects, 'codigo')} and ($3::boolean or not b.demo))`;

/** A feature of alias `x` of `layer` counts: its precision is among the levels in $2. */
const inScope = (alias: string, layer: typeof projects) => `${columnOf(alias, layer, 'precision')} = any($2::text[])`;

/** A project overlaps the unit: more than a shared boundary (same rule as /plan/unidades-vecinales), located in scope. */
const projectInUnit = `${inScope('p', projects)} and ST_Intersects(u.geom, ${geometryOf('p', projects)}) and not ST_Touches(u.geom, ${geometryOf('p', projects)})`;

/**
 * Indicators of every unit (neighbourhood unit or census zone), one row each,
 * ordered by code. Parameters: $1 distance in metres to an existing cycle
 * path for the population-coverage indicator; $2 the precision levels of the
 * features that count (text[]); $3 whether demo budget lines count.
 *
 * All lengths, areas and distances are in metres from EPSG:32719 (UTM 19S).
 * - A project counts in every unit its geometry overlaps, with its whole budget.
 * - Population near a cycle path: each census block's people are apportioned
 *   by the share of the block's area that lies inside the unit and inside the
 *   buffer (uniform density within a block); the share is over the people the
 *   blocks put in the unit, so both terms come from the same source.
 * - Distance to the nearest bridge is measured from the unit's polygon (0 when
 *   a bridge touches it).
 * - Comuna-wide counts (micro-dumps and cycle paths in scope) tell an unknown
 *   figure from a real 0: no site recorded at all, every path a proposal.
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
  from ${tableOf(cyclePaths)} c where ${columnOf('c', cyclePaths, 'estado')} = 'existente' and ${inScope('c', cyclePaths)}
),
comuna as (
  select (select count(*) from ${tableOf(microDumps)} m where ${inScope('m', microDumps)})::int as microbasurales,
    (select count(*) from ${tableOf(cyclePaths)} c where ${inScope('c', cyclePaths)})::int as ciclovias,
    (select count(*) from ${tableOf(cyclePaths)} c where ${inScope('c', cyclePaths)}
      and ${columnOf('c', cyclePaths, 'estado')} = 'existente')::int as ciclovias_existentes
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
  br.distancia_m as distancia_puente_m,
  comuna.microbasurales as comuna_microbasurales, comuna.ciclovias as comuna_ciclovias,
  comuna.ciclovias_existentes as comuna_ciclovias_existentes
from u
cross join cobertura cv
cross join comuna
left join lateral (
  select count(*)::int as proyectos,
    sum(${budget})::float8 as inversion_clp,
    (count(*) filter (where ${budget} is null))::int as proyectos_sin_presupuesto
  from ${tableOf(projects)} p where ${projectInUnit}
) pr on true
left join lateral (
  select json_object_agg(s.lineamiento, s.n order by s.lineamiento) as por_lineamiento,
    json_object_agg(s.lineamiento, s.inversion order by s.lineamiento) as inversion
  from (
    select coalesce(${columnOf('p', projects, 'lineamiento_codigo')}, 'sin_lineamiento') as lineamiento, count(*)::int as n,
      sum(${budget})::float8 as inversion
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
  where ${inScope('m', microDumps)} and ST_Intersects(u.geom, ${geometryOf('m', microDumps)})
    and ${columnOf('m', microDumps, 'estado')} not in (${inactiveMicroDumpStates.map((state) => `'${state}'`).join(', ')})
) mb on true
left join lateral (
  select count(*)::int as items from ${tableOf(heritage)} h
  where ${inScope('h', heritage)} and ST_Intersects(u.geom, ${geometryOf('h', heritage)})
) ph on true
left join lateral (
  select round((coalesce(sum(ST_Length(ST_Intersection(${utmOf('c', cyclePaths)}, u.utm)))
      filter (where ${columnOf('c', cyclePaths, 'estado')} = 'existente'), 0) / 1000)::numeric, 6)::float8 as existente_km,
    round((coalesce(sum(ST_Length(ST_Intersection(${utmOf('c', cyclePaths)}, u.utm))), 0) / 1000)::numeric, 6)::float8 as total_km
  from ${tableOf(cyclePaths)} c where ${inScope('c', cyclePaths)} and ST_Intersects(${utmOf('c', cyclePaths)}, u.utm)
) cy on true
left join lateral (
  select round(coalesce(sum(${columnOf('b', blocks, 'poblacion')} * ST_Area(ST_Intersection(${utmOf('b', blocks)}, u.utm))
      / nullif(ST_Area(${utmOf('b', blocks)}), 0)), 0)::numeric, 4)::float8 as poblacion_manzanas,
    round(coalesce(sum(${columnOf('b', blocks, 'poblacion')}
      * coalesce(ST_Area(ST_Intersection(ST_Intersection(${utmOf('b', blocks)}, u.utm), cv.utm)), 0)
      / nullif(ST_Area(${utmOf('b', blocks)}), 0)), 0)::numeric, 4)::float8 as poblacion_cerca_ciclovia
  from ${tableOf(blocks)} b
  where ${inScope('b', blocks)} and ST_Intersects(${utmOf('b', blocks)}, u.utm) and not ST_Touches(${utmOf('b', blocks)}, u.utm)
) bp on true
left join lateral (
  select round(min(ST_Distance(${utmOf('p', bridges)}, u.utm))::numeric, 2)::float8 as distancia_m from ${tableOf(bridges)} p
  where ${inScope('p', bridges)}
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
  /** null when no project of the unit has a budget (or it has no project): never 0 for "unknown". */
  inversion_clp: number | null;
  proyectos_sin_presupuesto: number;
  proyectos_por_lineamiento: Record<string, number>;
  inversion_por_lineamiento: Record<string, number | null>;
  proyectos_por_estado: Record<string, number>;
  microbasurales_activos: number | null;
  patrimonio: number;
  ciclovia_existente_km: number;
  ciclovia_total_km: number;
  poblacion_manzanas: number;
  poblacion_cerca_ciclovia: number;
  distancia_puente_m: number | null;
  comuna_microbasurales?: number;
  comuna_ciclovias?: number;
  comuna_ciclovias_existentes?: number;
}

/** The indicators of one unit as the API answers them. */
export interface UnitIndicators extends Omit<IndicatorRow, 'comuna_microbasurales' | 'comuna_ciclovias' | 'comuna_ciclovias_existentes'> {
  /** True when no project in the unit has a budget: the investment is unknown («sin información»), not 0. */
  inversion_sin_dato: boolean;
  /** CLP per inhabitant; null when the investment is unknown or the population is below the minimum. */
  inversion_por_habitante: number | null;
  /** Active micro-dumps per km²; null below the minimum area or without micro-dump records. */
  densidad_microbasurales_km2: number | null;
  /** Share (0–1) of the blocks' population within the distance of an existing cycle path; null without blocks or existing paths. */
  proporcion_cerca_ciclovia: number | null;
  /** Why a figure of this unit is not computed, by indicator (only the ones withheld). */
  sin_calcular: Record<string, string>;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Reason a cycle-path coverage is unknown comuna-wide, or null when there are existing paths to measure from. */
function cyclePathWithheld(row: IndicatorRow): string | null {
  if (row.comuna_ciclovias === 0) return 'sin ciclovías registradas';
  if (row.comuna_ciclovias_existentes === 0) return 'todas propuestas: sin ciclovías existentes';
  return null;
}

/**
 * Adds the ratios to a row of {@link indicatorsSql}, withholding those below
 * the documented minimums (server/figures/minimums.ts) or over unknown
 * values, each with its reason in `sin_calcular`.
 */
export function deriveIndicators(row: IndicatorRow): UnitIndicators {
  const { comuna_microbasurales, comuna_ciclovias: _paths, comuna_ciclovias_existentes: _existing, ...figures } = row;
  const withheld: Record<string, string> = {};
  const noDumps = comuna_microbasurales === 0 ? 'sin registros de microbasurales' : null;
  const density = noDumps ?? densityWithheld(row.area_km2);
  if (density) withheld.densidad_microbasurales_km2 = density;
  if (noDumps) withheld.microbasurales_activos = noDumps;
  const investment = row.inversion_clp === null && row.proyectos > 0 ? 'sin presupuesto registrado' : null;
  const perInhabitant = investment ?? perInhabitantWithheld(row.poblacion);
  if (perInhabitant) withheld.inversion_por_habitante = perInhabitant;
  const cycle = cyclePathWithheld(row) ?? (row.poblacion_manzanas > 0 ? null : 'sin población de manzanas censales');
  if (cycle) withheld.proporcion_cerca_ciclovia = cycle;
  return {
    ...figures,
    // No project in the unit: nothing is attributed to it, a real 0.
    inversion_clp: row.proyectos === 0 ? 0 : row.inversion_clp,
    microbasurales_activos: noDumps ? null : row.microbasurales_activos,
    inversion_sin_dato: row.inversion_clp === null && row.proyectos > 0,
    inversion_por_habitante: perInhabitant || !row.poblacion ? null : round((row.inversion_clp ?? 0) / row.poblacion, 2),
    densidad_microbasurales_km2:
      density || row.microbasurales_activos === null ? null : round(row.microbasurales_activos / row.area_km2, 4),
    proporcion_cerca_ciclovia: cycle ? null : round(row.poblacion_cerca_ciclovia / row.poblacion_manzanas, 4),
    sin_calcular: withheld,
  };
}
