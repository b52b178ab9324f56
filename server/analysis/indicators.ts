import { densityWithheld, perInhabitantWithheld } from '../figures/minimums.ts';
import { catalogLayer, columnOf, tableOf, utmOf } from './layers.ts';

/** Units the indicators can be computed for, with the column that holds each unit's code. */
export const indicatorUnits = {
  unidades_vecinales: { layer: catalogLayer('unidades_vecinales'), codeColumn: 'codigo' },
  zonas_censales: { layer: catalogLayer('zonas_censales'), codeColumn: 'geocodigo' },
} as const;

export type IndicatorUnitKind = keyof typeof indicatorUnits;

const cyclePaths = catalogLayer('ciclovias');

/** A feature of alias `alias` of `layer` counts: its precision is among the levels in $2. */
const inScope = (alias: string, layer: typeof cyclePaths) => `${columnOf(alias, layer, 'precision')} = any($2::text[])`;

/** A row of alias `alias` of a stored relation (migration 0012) counts: its feature's precision is among the levels in $2. */
const relationInScope = (alias: string) => `${alias}."precision" = any($2::text[])`;

/** The budget a linked project counts with (CLP): over every budget line when $3, else over non-demo lines; null when unknown. */
const linkedBudget = `case when $3::boolean then l.presupuesto_clp else l.presupuesto_sin_demo_clp end`;

/**
 * Indicators of every unit (neighbourhood unit or census zone), one row each,
 * ordered by code. Parameters: $1 distance in metres to an existing cycle
 * path for the population-coverage indicator; $2 the precision levels of the
 * features that count (text[]); $3 whether demo budget lines count.
 *
 * Reads the stored relations of migration 0012 (server/analysis/
 * indicator-relations.ts), which the caller brings up to date first: units
 * already in UTM, block → unit shares, feature → unit links and counts per
 * precision level. Only the cycle path coverage, which depends on $1, is
 * computed here, over the stored block parts.
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
  // The kind goes into the text as a literal: only the keys of indicatorUnits get here.
  if (!Object.hasOwn(indicatorUnits, kind)) throw new Error(`«${kind}» no es un tipo de unidad de los indicadores.`);
  const unitsOf = (table: string, alias: string) => `${table} ${alias} where ${alias}.tipo = '${kind}'`;
  return `with cobertura as (
  select ST_Union(ST_Buffer(${utmOf('c', cyclePaths)}, $1::float8)) as utm
  from ${tableOf(cyclePaths)} c where ${columnOf('c', cyclePaths, 'estado')} = 'existente' and ${inScope('c', cyclePaths)}
),
comuna as (
  select (select coalesce(sum(m.total), 0) from ${unitsOf('analisis_microbasurales_comuna', 'm')} and ${relationInScope('m')})::int as microbasurales,
    (select count(*) from ${tableOf(cyclePaths)} c where ${inScope('c', cyclePaths)})::int as ciclovias,
    (select count(*) from ${tableOf(cyclePaths)} c where ${inScope('c', cyclePaths)}
      and ${columnOf('c', cyclePaths, 'estado')} = 'existente')::int as ciclovias_existentes
),
enlaces as (
  select l.unidad_id, coalesce(l.lineamiento_codigo, 'sin_lineamiento') as lineamiento, coalesce(l.estado, 'sin_estado') as estado,
    ${linkedBudget} as presupuesto
  from ${unitsOf('analisis_proyecto', 'l')} and ${relationInScope('l')}
),
pr as (
  select unidad_id, count(*)::int as proyectos, sum(presupuesto)::float8 as inversion_clp,
    (count(*) filter (where presupuesto is null))::int as proyectos_sin_presupuesto
  from enlaces group by unidad_id
),
pl as (
  select unidad_id, json_object_agg(lineamiento, n order by lineamiento) as por_lineamiento,
    json_object_agg(lineamiento, inversion order by lineamiento) as inversion
  from (select unidad_id, lineamiento, count(*)::int as n, sum(presupuesto)::float8 as inversion from enlaces group by 1, 2) s
  group by unidad_id
),
pe as (
  select unidad_id, json_object_agg(estado, n order by estado) as por_estado
  from (select unidad_id, estado, count(*)::int as n from enlaces group by 1, 2) s
  group by unidad_id
),
mb as (
  select m.unidad_id, sum(m.activos)::int as activos
  from ${unitsOf('analisis_microbasurales', 'm')} and ${relationInScope('m')} group by 1
),
ph as (
  select h.unidad_id, sum(h.items)::int as items
  from ${unitsOf('analisis_patrimonio', 'h')} and ${relationInScope('h')} group by 1
),
cy as (
  select c.unidad_id, round((coalesce(sum(c.largo_m) filter (where c.existente), 0) / 1000)::numeric, 6)::float8 as existente_km,
    round((coalesce(sum(c.largo_m), 0) / 1000)::numeric, 6)::float8 as total_km
  from ${unitsOf('analisis_ciclovia', 'c')} and ${relationInScope('c')} group by 1
),
bp as (
  -- A block part whose box misses the coverage's has no area in it: the intersection is skipped, not approximated.
  select b.unidad_id,
    round(coalesce(sum(b.poblacion * b.area_en_unidad_m2 / nullif(b.area_manzana_m2, 0)), 0)::numeric, 4)::float8 as poblacion_manzanas,
    round(coalesce(sum(b.poblacion
      * (case when b.utm && cv.utm then coalesce(ST_Area(ST_Intersection(b.utm, cv.utm)), 0) else 0 end)
      / nullif(b.area_manzana_m2, 0)), 0)::numeric, 4)::float8 as poblacion_cerca_ciclovia
  from analisis_manzana b cross join cobertura cv
  where b.tipo = '${kind}' and ${relationInScope('b')}
  group by 1
),
br as (
  select p.unidad_id, round(min(p.distancia_m)::numeric, 2)::float8 as distancia_m
  from ${unitsOf('analisis_puente', 'p')} and ${relationInScope('p')} group by 1
)
select u.codigo, u.nombre, u.poblacion,
  round((u.area_m2 / 1e6)::numeric, 6)::float8 as area_km2,
  coalesce(pr.proyectos, 0) as proyectos, pr.inversion_clp, coalesce(pr.proyectos_sin_presupuesto, 0) as proyectos_sin_presupuesto,
  coalesce(pl.por_lineamiento, '{}'::json) as proyectos_por_lineamiento,
  coalesce(pl.inversion, '{}'::json) as inversion_por_lineamiento,
  coalesce(pe.por_estado, '{}'::json) as proyectos_por_estado,
  coalesce(mb.activos, 0) as microbasurales_activos,
  coalesce(ph.items, 0) as patrimonio,
  coalesce(cy.existente_km, 0) as ciclovia_existente_km, coalesce(cy.total_km, 0) as ciclovia_total_km,
  coalesce(bp.poblacion_manzanas, 0) as poblacion_manzanas, coalesce(bp.poblacion_cerca_ciclovia, 0) as poblacion_cerca_ciclovia,
  br.distancia_m as distancia_puente_m,
  comuna.microbasurales as comuna_microbasurales, comuna.ciclovias as comuna_ciclovias,
  comuna.ciclovias_existentes as comuna_ciclovias_existentes
from analisis_unidad u
cross join comuna
left join pr on pr.unidad_id = u.unidad_id
left join pl on pl.unidad_id = u.unidad_id
left join pe on pe.unidad_id = u.unidad_id
left join mb on mb.unidad_id = u.unidad_id
left join ph on ph.unidad_id = u.unidad_id
left join cy on cy.unidad_id = u.unidad_id
left join bp on bp.unidad_id = u.unidad_id
left join br on br.unidad_id = u.unidad_id
where u.tipo = '${kind}'
order by u.codigo, u.unidad_id`;
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
