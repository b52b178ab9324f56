import { catalogLayer, columnOf, geometryOf, tableOf } from './layers.ts';
import { indicatorUnits, type IndicatorUnitKind } from './indicators.ts';
import { giniCoefficient, lorenzCurve, type LorenzPoint } from './gini.ts';

const projects = catalogLayer('proyectos');
/** Approved, else estimated budget of project `p` (CLP) from the lines in scope (demo ones when $3); null when none. */
const budget = `(select coalesce(sum(b.aprobado_clp), sum(b.estimado_clp)) from proyecto_presupuestos b
  where b.codigo = ${columnOf('p', projects, 'codigo')} and ($3::boolean or not b.demo))`;

/** The lineamientos of the plan: code and name, to validate the parameter. */
export const lineamientosSql = `select codigo, nombre from plan_nodos where nivel = 'lineamiento' order by orden`;

/**
 * Per unit: population, projects and investment (CLP, approved else estimated)
 * of the projects that overlap it, only those of lineamiento $1 when it is not
 * null, located with a precision in $2 (text[]), with demo budget lines when $3.
 * A project without a budget adds nothing to the investment shared (it is not
 * known) and is counted in proyectos_sin_presupuesto.
 */
export function equitySql(kind: IndicatorUnitKind): string {
  const { layer: unit, codeColumn } = indicatorUnits[kind];
  const geometry = geometryOf('u', unit);
  return `select ${columnOf('u', unit, codeColumn)} as codigo, ${columnOf('u', unit, 'nombre')} as nombre,
  ${columnOf('u', unit, 'poblacion')} as poblacion,
  count(${columnOf('p', projects, 'codigo')})::int as proyectos,
  (count(${columnOf('p', projects, 'codigo')}) filter (where ${budget} is null))::int as proyectos_sin_presupuesto,
  coalesce(sum(${budget}), 0)::float8 as inversion_clp
from ${tableOf(unit)} u
left join ${tableOf(projects)} p on ${columnOf('p', projects, 'precision')} = any($2::text[])
  and ST_Intersects(${geometry}, ${geometryOf('p', projects)})
  and not ST_Touches(${geometry}, ${geometryOf('p', projects)})
  and ($1::text is null or ${columnOf('p', projects, 'lineamiento_codigo')} = $1::text)
group by 1, 2, 3
order by 1`;
}

export interface EquityRow {
  codigo: string;
  nombre: string | null;
  poblacion: number | null;
  proyectos: number;
  proyectos_sin_presupuesto: number;
  inversion_clp: number;
}

export type EquityMeasure = 'inversion' | 'proyectos';

export interface EquityResult {
  medida: EquityMeasure;
  /** Lorenz points over units sorted by the measure per inhabitant; null when nothing is shared. */
  lorenz: LorenzPoint[] | null;
  gini: number | null;
  /** Units without any project (of the lineamiento, when one was asked). */
  unidadesSinProyectos: { codigo: string; nombre: string | null }[];
  /** Units left out of the curve because their population is unknown or 0. */
  unidadesSinPoblacion: string[];
  /** Projects counted without budget: their investment is unknown, so the curve shares only the recorded investment. */
  proyectosSinPresupuesto: number;
  /** Projects counted (a project overlapping two units counts in each). */
  proyectos: number;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** Lorenz curve, Gini and the units left behind, from the rows of {@link equitySql}. */
export function equityOf(rows: readonly EquityRow[], measure: EquityMeasure): EquityResult {
  const groups = rows.map((row) => ({
    population: row.poblacion ?? 0,
    value: measure === 'inversion' ? row.inversion_clp : row.proyectos,
  }));
  const points = lorenzCurve(groups);
  return {
    medida: measure,
    lorenz: points?.map((point) => ({ x: round(point.x), y: round(point.y) })) ?? null,
    gini: points ? round(giniCoefficient(points)) : null,
    unidadesSinProyectos: rows.filter((row) => row.proyectos === 0).map((row) => ({ codigo: row.codigo, nombre: row.nombre })),
    unidadesSinPoblacion: rows.filter((row) => !row.poblacion).map((row) => row.codigo),
    proyectosSinPresupuesto: rows.reduce((sum, row) => sum + row.proyectos_sin_presupuesto, 0),
    proyectos: rows.reduce((sum, row) => sum + row.proyectos, 0),
  };
}
