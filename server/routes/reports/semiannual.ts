import { csvTable } from '../../analysis/csv.ts';
import type { Queryable } from '../../db/database.ts';
import { rollupPlan, rollupRule, type RollupNode, type RollupNodeRow, type RollupProjectRow } from '../../plan/rollup.ts';
import * as sql from './report-sql.ts';

/** First and last day of a semester (1 = January–June, 2 = July–December). */
export function semesterDates(anio: number, semestre: 1 | 2): { desde: string; hasta: string } {
  return semestre === 1 ? { desde: `${anio}-01-01`, hasta: `${anio}-06-30` } : { desde: `${anio}-07-01`, hasta: `${anio}-12-31` };
}

/** The roll-up tree of the PLADECO as known on `hasta` ('YYYY-MM-DD'). */
export async function planProgress(db: Queryable, hasta: string): Promise<RollupNode[]> {
  const [nodes, projects] = await Promise.all([
    db.query<RollupNodeRow>(sql.planNodesSql),
    db.query<RollupProjectRow>(sql.projectStateSql, [hasta]),
  ]);
  return rollupPlan(nodes, projects);
}

interface BudgetRow {
  anio: number;
  fuente: string;
  estimado: number | null;
  aprobado: number | null;
  ejecutado: number | null;
}

export interface Indicator {
  programa: string | null;
  nombrePrograma: string | null;
  nombre: string;
  unidad: string;
  meta: number | null;
  valor: number | null;
  fuente: 'calculado' | 'manual';
  fecha: string | null;
  nota?: string;
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
}

/** A milestone planned or met in the semester (milestonesSql). */
export interface MilestoneRow {
  codigo: string;
  proyecto: string;
  nombre: string;
  fecha_prevista: string | null;
  fecha_real: string | null;
  cumplido: boolean;
}

/** The semiannual report to the Concejo (Ley 18.695, art. 21 b): the data, before any layout. */
export interface SemiannualReport {
  titulo: string;
  anio: number;
  semestre: 1 | 2;
  periodo: { desde: string; hasta: string };
  reglaAvance: string;
  lineamientos: Array<Omit<RollupNode, 'hijos'> & { objetivos: number }>;
  avance: RollupNode[];
  cambiosEstado: StatusChangeRow[];
  hitos: MilestoneRow[];
  ejecucionPresupuestaria: { porAnioYFuente: BudgetRow[]; totales: { estimado: number; aprobado: number; ejecutado: number } };
  igualdadGenero: {
    nota: string;
    evaluados: { proyectos: number; monto: number };
    noEvaluados: { proyectos: number; monto: number };
    sinInformacion: { proyectos: number; monto: number };
  };
  territorio: {
    regla: string;
    unidades: Array<{ codigo: string; nombre: string; area: string; proyectos: number; inversion: number }>;
    sinUnidad: { proyectos: number; inversion: number };
  };
  indicadores: Indicator[];
}

const sum = (rows: BudgetRow[], key: 'estimado' | 'aprobado' | 'ejecutado') => rows.reduce((total, row) => total + (row[key] ?? 0), 0);

async function computedIndicators(db: Queryable): Promise<Indicator[]> {
  const today = new Date().toISOString().slice(0, 10);
  const definitions = [
    {
      like: 'Programa de erradicación de microbasurales%',
      nombre: 'Microbasurales erradicados',
      unidad: 'sitios',
      query: sql.dumpsEradicatedSql,
    },
    { like: 'Red de Ciclovías%', nombre: 'Ciclovías construidas', unidad: 'km', query: sql.cyclePathKmSql },
  ];
  return Promise.all(
    definitions.map(async (definition): Promise<Indicator> => {
      const [[programme], [value]] = await Promise.all([
        db.query<{ codigo: string | null }>(sql.programmeOfNodeSql, [definition.like]),
        db.query<{ valor: number }>(definition.query),
      ]);
      const [node] = programme?.codigo
        ? await db.query<{ nombre: string }>(`select nombre from plan_nodos where codigo = $1`, [programme.codigo])
        : [];
      return {
        programa: programme?.codigo ?? null,
        nombrePrograma: node?.nombre ?? null,
        nombre: definition.nombre,
        unidad: definition.unidad,
        meta: null,
        valor: value ? Math.round(value.valor * 100) / 100 : null,
        fuente: 'calculado',
        fecha: today,
        nota: 'Calculado de las capas del SIT a la fecha de emisión, no a la fecha de corte.',
      };
    }),
  );
}

/** Gathers every section of the report for `anio` and `semestre`, cut off at the semester's last day. */
export async function buildSemiannualReport(db: Queryable, anio: number, semestre: 1 | 2): Promise<SemiannualReport> {
  const periodo = semesterDates(anio, semestre);
  const [avance, budget, gender, units, [unplaced], changes, milestones, manual, computed] = await Promise.all([
    planProgress(db, periodo.hasta),
    db.query<BudgetRow>(sql.budgetByYearSql),
    db.query<{ evaluado: boolean | null; proyectos: number; monto: number }>(sql.genderSql),
    db.query<{ codigo: string; nombre: string; area: string; proyectos: number; inversion: number }>(sql.territorySql),
    db.query<{ proyectos: number; inversion: number }>(sql.unplacedInvestmentSql),
    db.query<StatusChangeRow>(sql.statusChangesSql, [periodo.desde, periodo.hasta]),
    db.query<MilestoneRow>(sql.milestonesSql, [periodo.desde, periodo.hasta]),
    db.query<{
      codigo: string;
      programa: string;
      nombre: string;
      unidad: string;
      meta: number | null;
      valor: number | null;
      fecha: string;
    }>(sql.manualIndicatorsSql, [periodo.hasta]),
    computedIndicators(db),
  ]);
  const genderGroup = (value: boolean | null) => {
    const row = gender.find((candidate) => candidate.evaluado === value);
    return { proyectos: row?.proyectos ?? 0, monto: row?.monto ?? 0 };
  };
  return {
    titulo: `Informe semestral de avance del PLADECO 2022–2029 al Concejo Municipal — ${semestre === 1 ? 'primer' : 'segundo'} semestre ${anio}`,
    anio,
    semestre,
    periodo,
    reglaAvance: rollupRule,
    lineamientos: avance.map(({ hijos, ...node }) => ({ ...node, objetivos: hijos.length })),
    avance,
    cambiosEstado: changes,
    hitos: milestones,
    ejecucionPresupuestaria: {
      porAnioYFuente: budget,
      totales: { estimado: sum(budget, 'estimado'), aprobado: sum(budget, 'aprobado'), ejecutado: sum(budget, 'ejecutado') },
    },
    igualdadGenero: {
      nota: 'Proyectos evaluados con enfoque de igualdad de oportunidades entre mujeres y hombres (Ley 18.695, art. 21), según proyectos.evaluado_igualdad_genero. Monto: presupuesto aprobado, si falta, el estimado.',
      evaluados: genderGroup(true),
      noEvaluados: genderGroup(false),
      sinInformacion: genderGroup(null),
    },
    territorio: {
      regla:
        'Monto de cada proyecto (aprobado, si falta, el estimado) repartido en partes iguales entre las unidades vecinales que su geometría intersecta (más que un borde común).',
      unidades: units.map((unit) => ({ ...unit, inversion: Math.round(unit.inversion) })),
      sinUnidad: unplaced ?? { proyectos: 0, inversion: 0 },
    },
    indicadores: [
      ...computed,
      ...manual.map((row): Indicator => ({
        programa: row.codigo,
        nombrePrograma: row.programa,
        nombre: row.nombre,
        unidad: row.unidad,
        meta: row.meta,
        valor: row.valor,
        fuente: 'manual',
        fecha: row.fecha,
      })),
    ],
  };
}

/** The report's data annex: one row per project with its progress at the cut-off date. */
export async function reportAnnexCsv(db: Queryable, report: SemiannualReport): Promise<string> {
  const rows = await db.query<Record<string, unknown>>(sql.annexSql);
  const progress = new Map<string, RollupNode>();
  const walk = (node: RollupNode) => {
    if (node.nivel === 'proyecto') progress.set(node.codigo, node);
    node.hijos.forEach(walk);
  };
  report.avance.forEach(walk);
  const header = [
    'codigo',
    'nombre',
    'lineamiento',
    'programa',
    'estado_al_corte',
    'avance_fisico',
    'sin_informacion',
    'estimado_clp',
    'aprobado_clp',
    'ejecutado_clp',
    'evaluado_igualdad_genero',
    'unidades_vecinales',
  ];
  return csvTable(
    header,
    rows.map((row) => {
      const node = progress.get(String(row.codigo));
      const noData = node ? node.incluidos > 0 && node.sinInformacion > 0 : false;
      return [
        row.codigo,
        row.nombre,
        row.lineamiento_codigo,
        row.programa_codigo,
        node?.estado ?? null,
        node?.avance ?? null,
        noData ? 'sí' : 'no',
        row.estimado,
        row.aprobado,
        row.ejecutado,
        row.evaluado_igualdad_genero,
        row.unidades_vecinales,
      ];
    }),
    { bom: false },
  );
}

/** The report as the anonymous public may read it: the same figures, without the names of the staff who recorded changes. */
export function withoutStaffNames<T extends { cambiosEstado: StatusChangeRow[] }>(report: T): T {
  return { ...report, cambiosEstado: report.cambiosEstado.map((row) => ({ ...row, registrado_por: null })) };
}
