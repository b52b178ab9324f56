import type { Database, Queryable } from '../db/database.ts';
import { mirrorProjectsSql } from '../plan/project-mirror.ts';

/**
 * A labelled plan-tracking scenario for `npm run demo`: statuses, progress,
 * milestones, budgets by year and source and a few programme indicators for
 * a few dozen projects, so a newcomer sees the Tablero, the equity curve,
 * the 3D view and the reports at work. Every row is marked `demo`
 * (migration 0011): official documents leave it out or show it in a marked
 * box, and `npm run demo:remove` deletes it (server/db/remove-demo.ts).
 *
 * Only projects nobody has tracked are used (no status, progress, budget,
 * funding source or history), so the scenario never overwrites SECPLA's
 * records. Deterministic: the same database and day give the same rows.
 */

/** Who recorded the demo rows, as the reports print it. */
export const demoRecorder = 'Datos de demostración';

/** Projects per lineamiento (six lineamientos: 36 projects). */
const perLineamiento = 6;

const stages = ['idea', 'perfil', 'diseño', 'licitación', 'ejecución', 'terminado'] as const;
type Stage = (typeof stages)[number] | 'suspendido';

/** Where each project's story ends, cycled over the chosen projects: most in progress, a few done, one suspended. */
const endings: Stage[] = ['perfil', 'diseño', 'licitación', 'ejecución', 'ejecución', 'terminado', 'ejecución', 'diseño', 'suspendido'];

/** Funding sources by lineamiento (the plan's list, proyectos.fuentes_financiamiento). */
const sourcesOf: Record<string, string[]> = {
  L1: ['municipal', 'SUBDERE PMU'],
  L2: ['FNDR', 'municipal'],
  L3: ['MINVU/SERVIU', 'FNDR'],
  L4: ['MMA', 'municipal'],
  L5: ['FNDR', 'público-privado'],
  L6: ['MOP', 'FNDR'],
};

const milestoneNames: Array<[Stage, string]> = [
  ['diseño', 'Perfil aprobado'],
  ['licitación', 'Diseño aprobado'],
  ['ejecución', 'Contrato adjudicado'],
  ['terminado', 'Recepción provisoria'],
];

export interface DemoScenarioResult {
  /** False when demo tracking rows were already there (nothing loaded again). */
  cargado: boolean;
  proyectos: number;
  estados: number;
  avances: number;
  hitos: number;
  presupuestos: number;
  indicadores: number;
}

interface Candidate {
  codigo: string;
  lineamiento: string;
  programa: string | null;
}

interface Rows {
  estados: Array<{ codigo: string; estado: string; desde: string; nota: string }>;
  avances: Array<{ codigo: string; fecha: string; avance: number; nota: string }>;
  hitos: Array<{ codigo: string; nombre: string; prevista: string; real: string | null }>;
  presupuestos: Array<{
    codigo: string;
    anio: number;
    fuente: string;
    estimado: number;
    aprobado: number | null;
    ejecutado: number | null;
  }>;
  indicadores: Array<{ codigo: string; nombre: string; unidad: string; meta: number; valor: number; fecha: string }>;
}

/** A small deterministic generator (mulberry32) so the scenario is the same on every machine. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const parse = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Projects nobody has tracked, located ones first, spread over the lineamientos. */
const candidatesSql = `select p.codigo, pp.lineamiento_codigo as lineamiento, pp.programa_codigo as programa
from proyectos p join proyectos_plan pp on pp.codigo = p.codigo
where p.estado is null and p.avance_fisico is null and p.fuentes_financiamiento = '{}'
  and not exists (select 1 from proyecto_estados x where x.codigo = p.codigo)
  and not exists (select 1 from proyecto_avances x where x.codigo = p.codigo)
  and not exists (select 1 from proyecto_hitos x where x.codigo = p.codigo)
  and not exists (select 1 from proyecto_presupuestos x where x.codigo = p.codigo)
order by (p.geom is null), md5(p.codigo)`;

/** Picks up to `perLineamiento` candidates of each lineamiento, in the candidates' order. */
function choose(candidates: Candidate[]): Candidate[] {
  const taken = new Map<string, number>();
  return candidates.filter((candidate) => {
    const count = taken.get(candidate.lineamiento) ?? 0;
    if (count >= perLineamiento) return false;
    taken.set(candidate.lineamiento, count + 1);
    return true;
  });
}

/** The story of one project up to `today`: its status changes, measurements, milestones and budget lines. */
function story(project: Candidate, index: number, today: string, rows: Rows): void {
  const random = generator(20260603 + index * 7919);
  const ending = endings[index % endings.length] ?? 'diseño';
  const last = parse(today) - day;
  let date = parse('2022-03-01') + Math.floor(random() * 700) * day;
  const reached: Array<{ stage: Stage; from: number }> = [];
  const path: Stage[] = ending === 'suspendido' ? ['idea', 'perfil', 'diseño', 'licitación', 'ejecución', 'suspendido'] : [];
  if (ending !== 'suspendido') for (const stage of stages.slice(0, stages.indexOf(ending) + 1)) path.push(stage);
  for (const stage of path) {
    if (date > last) break;
    reached.push({ stage, from: date });
    rows.estados.push({ codigo: project.codigo, estado: stage, desde: iso(date), nota: `Demostración: ${stage}` });
    date += (60 + Math.floor(random() * 240)) * day;
  }
  const at = (stage: Stage) => reached.find((entry) => entry.stage === stage)?.from ?? null;

  // Progress is measured once works start: every three months, up to 100 % when finished.
  const works = at('ejecución');
  if (works !== null) {
    const finished = at('terminado');
    const until = finished ?? at('suspendido') ?? last;
    const target = finished !== null ? 100 : 20 + Math.floor(random() * 70);
    const count = Math.max(1, Math.min(6, Math.round((until - works) / (90 * day))));
    for (let step = 1; step <= count; step += 1) {
      const when = Math.min(last, works + Math.round(((until - works) * step) / count));
      const avance = step === count ? target : Math.round((target * step) / count);
      rows.avances.push({ codigo: project.codigo, fecha: iso(when), avance, nota: 'Demostración: medición de avance' });
    }
  }

  // Milestones met on the day their stage began (planned a little earlier), and the next one still planned.
  const current = reached.at(-1);
  const next = current && current.stage !== 'suspendido' ? stages[stages.indexOf(current.stage as (typeof stages)[number]) + 1] : undefined;
  for (const [stage, nombre] of milestoneNames) {
    const met = at(stage);
    if (met === null && stage !== next) continue;
    const prevista =
      met !== null ? met - (15 + Math.floor(random() * 60)) * day : (current?.from ?? last) + (120 + Math.floor(random() * 200)) * day;
    rows.hitos.push({ codigo: project.codigo, nombre, prevista: iso(prevista), real: met !== null ? iso(met) : null });
  }

  // Budget: estimated from the design on, approved from the tender, executed as progress goes.
  const design = at('diseño');
  if (design === null) return; // a project still in profile has no budget: "sin información"
  const sources = sourcesOf[project.lineamiento] ?? ['municipal'];
  const total = (20 + Math.floor(random() * 180)) * 10_000_000;
  const firstYear = new Date(design).getUTCFullYear();
  const lastYear = Math.max(firstYear, new Date(last).getUTCFullYear());
  const tender = at('licitación');
  const yearOf = (time: number | null) => (time === null ? Infinity : new Date(time).getUTCFullYear());
  const progress = rows.avances.filter((row) => row.codigo === project.codigo).at(-1)?.avance ?? 0;
  const years = Math.min(3, lastYear - firstYear + 1);
  for (let offset = 0; offset < years; offset += 1) {
    const anio = firstYear + offset;
    const source = sources[offset % sources.length] ?? 'municipal';
    const estimado = Math.round(total / years);
    // Approved from the tender's year on; executed, as far as works went, from the works' year on.
    const aprobado = anio >= yearOf(tender) ? Math.round(estimado * (0.9 + random() * 0.2)) : null;
    const ejecutado = aprobado !== null && anio >= yearOf(works) ? Math.round((aprobado * progress) / 100) : null;
    rows.presupuestos.push({ codigo: project.codigo, anio, fuente: source, estimado, aprobado, ejecutado });
  }
}

/** Two manual indicators of the programme of the first chosen project that hangs from a programa. */
function indicators(chosen: Candidate[], today: string, rows: Rows): void {
  const programa = chosen.find((project) => project.programa)?.programa;
  if (!programa) return;
  const year = Number(today.slice(0, 4));
  for (const [offset, valor] of [
    [2, 3],
    [1, 7],
  ] as const) {
    const fecha = `${year - offset}-12-15`;
    if (fecha >= today) continue;
    rows.indicadores.push({
      codigo: programa,
      nombre: 'Beneficiarios atendidos (demostración)',
      unidad: 'familias',
      meta: 20,
      valor,
      fecha,
    });
  }
}

/** The rows of the scenario for the given candidates and day; pure, for the loader and its test. */
export function demoScenarioRows(candidates: Candidate[], today: string): Rows {
  const rows: Rows = { estados: [], avances: [], hitos: [], presupuestos: [], indicadores: [] };
  const chosen = choose(candidates);
  chosen.forEach((project, index) => story(project, index, today, rows));
  indicators(chosen, today, rows);
  return rows;
}

async function insertRows(tx: Queryable, rows: Rows): Promise<void> {
  const json = (value: unknown) => JSON.stringify(value);
  await tx.query(
    `insert into proyecto_estados (codigo, estado, desde, nota, registrado_por, demo)
     select x.codigo, x.estado, x.desde, x.nota, $2, true from jsonb_to_recordset($1::jsonb) as x(codigo text, estado text, desde date, nota text)`,
    [json(rows.estados), demoRecorder],
  );
  await tx.query(
    `insert into proyecto_avances (codigo, fecha, avance_fisico, nota, registrado_por, demo)
     select x.codigo, x.fecha, x.avance, x.nota, $2, true from jsonb_to_recordset($1::jsonb) as x(codigo text, fecha date, avance numeric, nota text)`,
    [json(rows.avances), demoRecorder],
  );
  await tx.query(
    `insert into proyecto_hitos (codigo, nombre, fecha_prevista, fecha_real, cumplido, demo)
     select x.codigo, x.nombre, x.prevista, x.real, x.real is not null, true
     from jsonb_to_recordset($1::jsonb) as x(codigo text, nombre text, prevista date, real date)`,
    [json(rows.hitos)],
  );
  await tx.query(
    `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp, demo)
     select x.codigo, x.anio, x.fuente, x.estimado, x.aprobado, x.ejecutado, true
     from jsonb_to_recordset($1::jsonb) as x(codigo text, anio integer, fuente text, estimado bigint, aprobado bigint, ejecutado bigint)`,
    [json(rows.presupuestos)],
  );
  await tx.query(
    `insert into indicadores_programa (codigo, nombre, unidad, meta, valor, fuente, fecha, demo)
     select x.codigo, x.nombre, x.unidad, x.meta, x.valor, 'manual', x.fecha, true
     from jsonb_to_recordset($1::jsonb) as x(codigo text, nombre text, unidad text, meta numeric, valor numeric, fecha date)`,
    [json(rows.indicadores)],
  );
  // proyectos mirrors the latest entry of each history, and lists the funding sources of its budget lines.
  const codes = [...new Set(rows.estados.map((row) => row.codigo))];
  await tx.query(mirrorProjectsSql, [codes]);
}

/**
 * Loads the scenario (one transaction) unless demo tracking rows are already
 * there. `today` ('YYYY-MM-DD') bounds every date: nothing is recorded in
 * the future.
 */
export async function loadDemoScenario(db: Database, today: string): Promise<DemoScenarioResult> {
  return db.transaction(async (tx) => {
    const [present] = await tx.query<{ n: number }>(
      `select ((select count(*) from proyecto_estados where demo) + (select count(*) from proyecto_presupuestos where demo)
         + (select count(*) from proyecto_avances where demo) + (select count(*) from proyecto_hitos where demo))::int as n`,
    );
    const empty = { proyectos: 0, estados: 0, avances: 0, hitos: 0, presupuestos: 0, indicadores: 0 };
    if (Number(present?.n ?? 0) > 0) return { cargado: false, ...empty };
    const rows = demoScenarioRows(await tx.query<Candidate>(candidatesSql), today);
    await insertRows(tx, rows);
    return {
      cargado: true,
      proyectos: new Set(rows.estados.map((row) => row.codigo)).size,
      estados: rows.estados.length,
      avances: rows.avances.length,
      hitos: rows.hitos.length,
      presupuestos: rows.presupuestos.length,
      indicadores: rows.indicadores.length,
    };
  });
}
