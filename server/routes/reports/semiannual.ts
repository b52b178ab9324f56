import { derivedPublicUrl, defaults } from '../../config.ts';
import type { Queryable } from '../../db/database.ts';
import { demoPresence, type DemoPresence } from '../../figures/demo.ts';
import { fullScope, officialScope, scopeParams, type FigureScope } from '../../figures/scope.ts';
import { sumKnown } from '../../figures/unknown.ts';
import { rollupPlan, rollupRule, type RollupNode, type RollupNodeRow, type RollupProjectRow } from '../../plan/rollup.ts';
import { todayInChile } from '../plan/tracking-checks.ts';
import * as sql from './report-sql.ts';
import { computedIndicators, manualIndicators, type Indicator } from './semiannual-indicators.ts';

export type { Indicator } from './semiannual-indicators.ts';

/** First and last day of a semester (1 = January–June, 2 = July–December). */
export function semesterDates(anio: number, semestre: 1 | 2): { desde: string; hasta: string } {
  return semestre === 1 ? { desde: `${anio}-01-01`, hasta: `${anio}-06-30` } : { desde: `${anio}-07-01`, hasta: `${anio}-12-31` };
}

/** The roll-up tree of the PLADECO as known on `hasta` ('YYYY-MM-DD'), from the tracking rows in scope. */
export async function planProgress(db: Queryable, hasta: string, scope: FigureScope = officialScope): Promise<RollupNode[]> {
  const [nodes, projects] = await Promise.all([
    db.query<RollupNodeRow>(sql.planNodesSql),
    db.query<RollupProjectRow>(sql.projectStateSql, [hasta, scope.demo]),
  ]);
  return rollupPlan(nodes, projects);
}

/** Money figures: null = sin información (nothing recorded), never 0. */
type Money = number | null;

interface BudgetRow {
  anio: number;
  fuente: string;
  estimado: Money;
  aprobado: Money;
  ejecutado: Money;
}

/** A status change of the semester (statusChangesSql). */
export interface StatusChangeRow {
  codigo: string;
  nombre: string;
  estado: string;
  desde: string;
  nota: string | null;
  /** null when the reader is the anonymous public: staff names are personal data. */
  registrado_por: string | null;
  /** Loaded as demo data (only inside the demo box). */
  demo: boolean;
}

/** A milestone planned or met in the semester (milestonesSql). */
export interface MilestoneRow {
  codigo: string;
  proyecto: string;
  nombre: string;
  fecha_prevista: string | null;
  fecha_real: string | null;
  cumplido: boolean;
  demo: boolean;
}

interface GroupFigures {
  proyectos: number;
  conPresupuesto: number;
  monto: Money;
}

/** The figures of the report that depend on which data count (official, or including demo data). */
export interface ReportFigures {
  lineamientos: Array<Omit<RollupNode, 'hijos'> & { objetivos: number }>;
  avance: RollupNode[];
  cambiosEstado: StatusChangeRow[];
  hitos: MilestoneRow[];
  ejecucionPresupuestaria: { porAnioYFuente: BudgetRow[]; totales: { estimado: Money; aprobado: Money; ejecutado: Money } };
  igualdadGenero: { nota: string; evaluados: GroupFigures; noEvaluados: GroupFigures; sinInformacion: GroupFigures };
  territorio: {
    regla: string;
    unidades: Array<{ codigo: string; nombre: string; area: string; proyectos: number; conPresupuesto: number; inversion: Money }>;
    sinUnidad: { proyectos: number; inversion: Money; sinUbicacion: number; ubicacionNoOficial: number };
  };
  indicadores: Indicator[];
}

/** The semiannual report to the Concejo (Ley 18.695, art. 21 b): the data, before any layout. */
export interface SemiannualReport extends ReportFigures {
  titulo: string;
  anio: number;
  semestre: 1 | 2;
  periodo: { desde: string; hasta: string };
  emitido: string;
  reglaAvance: string;
  /** Absolute addresses (SIT_PUBLIC_URL) of the report and its annex, for the printed page. */
  enlaces: { informe: string; anexoCsv: string };
  /** What the official figures leave out: located projects whose position is only illustrative or demo. */
  fueraDeLasCifras: { ubicaciones: Array<{ precision: string; proyectos: number }> };
  /** The neighbourhood units' boundaries by precision: the territorial section is as exact as they are, and says so. */
  limitesUnidades: Array<{ precision: string; unidades: number }>;
  /** The plan's own framework, as the Tomo II words it: what each lineamiento means and the ejes that cross them all. */
  marco: {
    lineamientos: Array<{ codigo: string; nombre: string; definicion: string }>;
    ejesTransversales: Array<{ codigo: string; nombre: string; descripcion: string }>;
  };
  /** Demo data present in the database: the same figures including it, for the marked box; null without demo data. */
  datosDemo: (ReportFigures & { aviso: string } & DemoPresence) | null;
}

export interface ReportOptions {
  /** SIT_PUBLIC_URL: printed links are absolute from here. */
  publicUrl?: string;
  /** The day of emission (default: today in Chile). */
  emitido?: string;
}

const genderNote =
  'Proyectos evaluados con enfoque de igualdad de oportunidades entre mujeres y hombres (Ley 18.695, art. 21), según proyectos.evaluado_igualdad_genero. Monto: presupuesto aprobado, si falta, el estimado; «sin información» si ningún proyecto del grupo tiene presupuesto.';

const territoryRule =
  'Monto de cada proyecto (aprobado, si falta, el estimado) repartido en partes iguales entre las unidades vecinales que su geometría intersecta (más que un borde común). Solo cuentan ubicaciones de precisión oficial o aproximada. «Sin información» donde ningún proyecto de la unidad tiene presupuesto.';

/** Every figure of the report for the period, from the data in `scope`. */
async function reportFigures(
  db: Queryable,
  periodo: { desde: string; hasta: string },
  emitido: string,
  scope: FigureScope,
): Promise<ReportFigures> {
  const [precisions, demo] = scopeParams(scope);
  const [avance, budget, gender, units, [unplaced], changes, milestones, manual, computed] = await Promise.all([
    planProgress(db, periodo.hasta, scope),
    db.query<BudgetRow>(sql.budgetByYearSql, [demo]),
    db.query<{ evaluado: boolean | null; proyectos: number; con_presupuesto: number; monto: Money }>(sql.genderSql, [demo]),
    db.query<{ codigo: string; nombre: string; area: string; proyectos: number; con_presupuesto: number; inversion: Money }>(
      sql.territorySql,
      [precisions, demo],
    ),
    db.query<{ proyectos: number; inversion: Money; sin_ubicacion: number; ubicacion_no_oficial: number }>(sql.unplacedInvestmentSql, [
      precisions,
      demo,
    ]),
    db.query<StatusChangeRow>(sql.statusChangesSql, [periodo.desde, periodo.hasta, demo]),
    db.query<MilestoneRow>(sql.milestonesSql, [periodo.desde, periodo.hasta, demo]),
    manualIndicators(db, periodo.hasta, scope),
    computedIndicators(db, periodo, emitido, scope),
  ]);
  const group = (value: boolean | null): GroupFigures => {
    const row = gender.find((candidate) => candidate.evaluado === value);
    return { proyectos: row?.proyectos ?? 0, conPresupuesto: row?.con_presupuesto ?? 0, monto: row?.monto ?? null };
  };
  const total = (key: 'estimado' | 'aprobado' | 'ejecutado') => sumKnown(budget.map((row) => row[key])).value;
  return {
    lineamientos: avance.map(({ hijos, ...node }) => ({ ...node, objetivos: hijos.length })),
    avance,
    cambiosEstado: changes,
    hitos: milestones,
    ejecucionPresupuestaria: {
      porAnioYFuente: budget,
      totales: { estimado: total('estimado'), aprobado: total('aprobado'), ejecutado: total('ejecutado') },
    },
    igualdadGenero: { nota: genderNote, evaluados: group(true), noEvaluados: group(false), sinInformacion: group(null) },
    territorio: {
      regla: territoryRule,
      // No project in the unit: nothing attributed, a real 0; projects without any budget: unknown (null).
      unidades: units.map(({ con_presupuesto, inversion, ...unit }) => ({
        ...unit,
        conPresupuesto: con_presupuesto,
        inversion: unit.proyectos === 0 ? 0 : inversion === null ? null : Math.round(inversion),
      })),
      sinUnidad: {
        proyectos: unplaced?.proyectos ?? 0,
        inversion: unplaced?.inversion ?? null,
        sinUbicacion: unplaced?.sin_ubicacion ?? 0,
        ubicacionNoOficial: unplaced?.ubicacion_no_oficial ?? 0,
      },
    },
    indicadores: [...computed, ...manual],
  };
}

/**
 * Gathers every section of the report for `anio` and `semestre`, cut off at
 * the semester's last day, from official data only (no demo tracking rows,
 * no illustrative or demo locations). When the database holds demo data the
 * same figures including it come apart in `datosDemo`, for a marked box.
 */
export async function buildSemiannualReport(
  db: Queryable,
  anio: number,
  semestre: 1 | 2,
  options: ReportOptions = {},
): Promise<SemiannualReport> {
  const periodo = semesterDates(anio, semestre);
  const emitido = options.emitido ?? todayInChile();
  const base = options.publicUrl ?? derivedPublicUrl(defaults);
  const query = `anio=${anio}&semestre=${semestre}`;
  const [official, presence, ubicaciones, limitesUnidades, definitions, axes] = await Promise.all([
    reportFigures(db, periodo, emitido, officialScope),
    demoPresence(db),
    db.query<{ precision: string; proyectos: number }>(sql.unplacedByPrecisionSql, [[...officialScope.precisions]]),
    db.query<{ precision: string; unidades: number }>(sql.unitBoundariesSql),
    db.query<{ codigo: string; nombre: string; definicion: string }>(sql.lineamientoDefinitionsSql),
    db.query<{ codigo: string; nombre: string; descripcion: string }>(sql.crossCuttingAxesSql),
  ]);
  const withDemo = presence.incluye_demo ? await reportFigures(db, periodo, emitido, fullScope) : null;
  return {
    titulo: `Informe semestral de avance del PLADECO 2022–2029 al Concejo Municipal — ${semestre === 1 ? 'primer' : 'segundo'} semestre ${anio}`,
    anio,
    semestre,
    periodo,
    emitido,
    reglaAvance: rollupRule,
    enlaces: { informe: `${base}/reportes/semestral.html?${query}`, anexoCsv: `${base}/reportes/semestral?${query}&f=csv` },
    fueraDeLasCifras: { ubicaciones },
    limitesUnidades,
    marco: { lineamientos: definitions, ejesTransversales: axes },
    ...official,
    datosDemo: withDemo
      ? {
          aviso:
            'Cifras que incluyen datos de demostración, inventados para mostrar el SIT funcionando: no son información de Vallenar y no forman parte del informe oficial.',
          ...presence,
          ...withDemo,
        }
      : null,
  };
}

/** The report as the anonymous public may read it: the same figures, without the names of the staff who recorded changes. */
export function withoutStaffNames(report: SemiannualReport): SemiannualReport {
  const hide = (rows: StatusChangeRow[]) => rows.map((row) => ({ ...row, registrado_por: null }));
  return {
    ...report,
    cambiosEstado: hide(report.cambiosEstado),
    datosDemo: report.datosDemo ? { ...report.datosDemo, cambiosEstado: hide(report.datosDemo.cambiosEstado) } : null,
  };
}
