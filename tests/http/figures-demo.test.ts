import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { officialPrecisions } from '../../server/catalog/precision.ts';
import { removeDemoData } from '../../server/db/remove-demo.ts';
import { loadDemoScenario } from '../../server/figures/demo-scenario.ts';
import type { SemiannualReport } from '../../server/routes/reports/semiannual.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/**
 * Issue #14, parts 2 and 7: demo data never in an official figure, a report
 * covers its period only, printed links are absolute, and the labelled demo
 * scenario of `npm run demo` loads, shows in the workbench's figures (marked)
 * and in a marked box of the documents, and goes away with demo:remove.
 * The app is built with a public address, as SIT_PUBLIC_URL would give it.
 */
const publicUrl = 'https://sit.vallenar.cl';
const today = '2026-12-03';
let database: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ config: { ...database.config, publicUrl }, database: database.db, logger: false });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.dispose();
});

const json = async <T>(url: string): Promise<T> => {
  const response = await app.inject(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<T>();
};
const count = async (sql: string, params: unknown[] = []) => (await database.db.query<{ n: number }>(sql, params))[0]!.n;

interface Line {
  codigo: string;
  avance: number | null;
  conAvance: number;
  incluidos: number;
}
interface Board {
  incluye_demo: boolean;
  datos_demo: Record<string, number>;
  lineamientos: Line[];
  ejecucion: { aprobado: number | null; ejecutado: number | null };
  unidades: Array<{ id: number; proyectos: number; avance: number | null; inversion: number | null }>;
}
const figures = (lines: Line[]) => lines.map(({ codigo, avance, conAvance, incluidos }) => ({ codigo, avance, conAvance, incluidos }));

describe('demo micro-dumps and the period of a report', () => {
  it('leaves the demo sites out of the official indicator and counts only sites eradicated within the semester', async () => {
    const demoSites = await count(`select count(*)::int as n from microbasurales where "precision" = 'demo'`);
    expect(demoSites).toBeGreaterThan(0);
    const official = await json<SemiannualReport>('/reportes/semestral?anio=2026&semestre=1');
    const eradicated = () => official.indicadores.find((indicator) => indicator.nombre === 'Microbasurales erradicados en el semestre')!;
    // Only demo sites exist: officially there is nothing to count, which is not 0 nor 27.
    expect(eradicated()).toMatchObject({ valor: null, fecha: '2026-06-30' });
    // The marked box counts the demo sites cleaned within the semester, by their dates.
    const demoInPeriod = await count(
      `select count(*)::int as n from microbasurales where estado in ('limpiado', 'cerrado')
       and coalesce(limpiado_en, cerrado_en) between '2026-01-01' and '2026-06-30'`,
    );
    expect(official.datosDemo?.indicadores.find((indicator) => indicator.nombre === eradicated().nombre)?.valor).toBe(demoInPeriod);
    expect(official.datosDemo?.datos_demo.microbasurales).toBe(demoSites);

    await database.db.query(
      `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", limpiado_en, cerrado_en, cierre, geom) values
         ('MB-PERIODO-1', 'limpiado', 'publica', 'SECPLA', 'aproximada', '2026-03-10', null, null, ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326)),
         ('MB-PERIODO-2', 'cerrado', 'publica', 'SECPLA', 'aproximada', '2026-08-02', '2026-09-01', 'cercado', ST_SetSRID(ST_MakePoint(-70.75, -28.57), 4326)),
         ('MB-PERIODO-3', 'limpiado', 'publica', 'SECPLA', 'oficial', null, null, null, ST_SetSRID(ST_MakePoint(-70.74, -28.57), 4326))`,
    );
    const first = await json<SemiannualReport>('/reportes/semestral?anio=2026&semestre=1');
    const second = await json<SemiannualReport>('/reportes/semestral?anio=2026&semestre=2');
    const valueIn = (report: SemiannualReport) => report.indicadores.find((indicator) => indicator.nombre === eradicated().nombre)!;
    expect(valueIn(first)).toMatchObject({ valor: 1 });
    expect(valueIn(second)).toMatchObject({ valor: 1, fecha: '2026-12-31' });
    expect(valueIn(first).nota).toMatch(/1 sitio\(s\) erradicado\(s\) sin fecha/);
    await database.db.query(`delete from microbasurales where codigo like 'MB-PERIODO-%'`);
  });

  it('says in every API summary that demo sites are in its figures, and leaves them out when asked for official data', async () => {
    const demoSites = await count(`select count(*)::int as n from microbasurales where "precision" = 'demo'`);
    const summary = await json<{
      incluye_demo: boolean;
      datos_demo: Record<string, number>;
      serie_mensual: Array<{ limpiados: number; cerrados: number }>;
      programa: { limpiados_sin_fecha: number; sitios_activos: number };
    }>('/microbasurales/resumen');
    expect(summary).toMatchObject({ incluye_demo: true, datos_demo: { microbasurales: demoSites } });
    // The demo sites carry their dates: the monthly series shows every cleaning, and none is left undated.
    const cleaned = await count(`select count(*)::int as n from microbasurales where limpiado_en is not null`);
    expect(summary.serie_mensual.reduce((sum, month) => sum + month.limpiados, 0)).toBe(cleaned);
    expect(summary.serie_mensual.reduce((sum, month) => sum + month.cerrados, 0)).toBeGreaterThan(0);
    expect(summary.programa.limpiados_sin_fecha).toBe(0);
    const official = await json<{ incluye_demo: boolean; programa: { sitios_activos: number } }>('/microbasurales/resumen?oficial=true');
    expect(official).toMatchObject({ incluye_demo: false, programa: { sitios_activos: 0 } });

    const indicators = await json<{ incluye_demo: boolean; datos_demo: Record<string, number> }>('/analysis/indicadores');
    expect(indicators.incluye_demo).toBe(true);
    expect(indicators.datos_demo.microbasurales).toBe(demoSites);
    const forConcejo = await json<{ incluye_demo: boolean; unidades: Array<{ microbasurales_activos: number | null }> }>(
      '/analysis/indicadores?oficial=true',
    );
    expect(forConcejo.incluye_demo).toBe(false);
    for (const unit of forConcejo.unidades) expect(unit.microbasurales_activos).toBeNull();
  });
});

describe('absolute links from the public address', () => {
  it('prints the annex and the sheet at SIT_PUBLIC_URL, not as bare relative paths', async () => {
    const html = (await app.inject('/reportes/semestral.html?anio=2026&semestre=1')).body;
    expect(html).toContain(`href="${publicUrl}/reportes/semestral?anio=2026&amp;semestre=1&amp;f=csv"`);
    expect(html).not.toMatch(/>\/reportes\//);
    const report = await json<SemiannualReport>('/reportes/semestral?anio=2026&semestre=1');
    expect(report.enlaces.anexoCsv).toBe(`${publicUrl}/reportes/semestral?anio=2026&semestre=1&f=csv`);
    const [unit] = await database.db.query<{ id: number }>('select id from unidades_vecinales order by id limit 1');
    const sheet = (await app.inject(`/reportes/unidad-vecinal/${unit!.id}.html`)).body;
    expect(sheet).toContain(`${publicUrl}/reportes/unidad-vecinal/${unit!.id}`);
  });
});

describe('the labelled demo scenario', () => {
  it('loads statuses, progress, milestones and budgets for a few dozen projects, every row marked demo, once', async () => {
    const loaded = await loadDemoScenario(database.db, today);
    expect(loaded.cargado).toBe(true);
    expect(loaded.proyectos).toBeGreaterThanOrEqual(24);
    expect(loaded.avances).toBeGreaterThan(0);
    expect(loaded.hitos).toBeGreaterThan(0);
    expect(loaded.presupuestos).toBeGreaterThan(0);
    expect(await count(`select count(*)::int as n from proyecto_estados where not demo`)).toBe(0);
    expect(await count(`select count(*)::int as n from proyecto_estados where desde > $1::date`, [today])).toBe(0);
    const years = await database.db.query<{ anio: number; fuente: string }>(
      `select distinct anio, fuente_financiamiento as fuente from proyecto_presupuestos where demo`,
    );
    expect(new Set(years.map((row) => row.anio)).size).toBeGreaterThan(1);
    expect(new Set(years.map((row) => row.fuente)).size).toBeGreaterThan(1);
    expect((await loadDemoScenario(database.db, today)).cargado).toBe(false);
  });

  it('shows in the Tablero, marked, while the official Tablero and the report keep to official data and agree', async () => {
    const board = await json<Board>('/plan/tablero?hasta=2026-06-30');
    const tracked = await count(`select count(distinct codigo)::int as n from proyecto_estados where demo`);
    expect(board.incluye_demo).toBe(true);
    expect(board.datos_demo.proyectos_con_seguimiento_demo).toBe(tracked);
    expect(board.lineamientos.some((line) => line.avance !== null)).toBe(true);
    expect(board.ejecucion.aprobado).toBeGreaterThan(0);

    const officialBoard = await json<Board>('/plan/tablero?hasta=2026-06-30&oficial=true');
    expect(officialBoard.incluye_demo).toBe(false);
    for (const line of officialBoard.lineamientos) expect(line.avance).toBeNull();
    expect(officialBoard.ejecucion.aprobado).toBeNull();

    const report = await json<SemiannualReport>('/reportes/semestral?anio=2026&semestre=1');
    expect(figures(report.lineamientos)).toEqual(figures(officialBoard.lineamientos));
    expect(report.ejecucionPresupuestaria.totales.aprobado).toBeNull();
    expect(report.cambiosEstado).toEqual([]);
    // The marked box holds the figures the Tablero shows, and the database's sums.
    expect(figures(report.datosDemo!.lineamientos)).toEqual(figures(board.lineamientos));
    const [sums] = await database.db.query<{ aprobado: number; ejecutado: number }>(
      `select sum(aprobado_clp)::bigint as aprobado, sum(ejecutado_clp)::bigint as ejecutado from proyecto_presupuestos where demo`,
    );
    expect(report.datosDemo!.ejecucionPresupuestaria.totales).toMatchObject(sums!);
    expect(report.datosDemo!.cambiosEstado.length).toBe(
      await count(`select count(*)::int as n from proyecto_estados where demo and desde between '2026-01-01' and '2026-06-30'`),
    );

    const html = (await app.inject('/reportes/semestral.html?anio=2026&semestre=1')).body;
    expect(html).toContain('data-aviso-demo');
    expect(html).toMatch(/<section class="demo" data-datos-demo>\s*<h2>Recuadro de demostración — no son datos de Vallenar<\/h2>/);
    const official = html.slice(0, html.indexOf('<section class="demo"'));
    expect(official).not.toContain('Datos de demostración');
    const csv = await app.inject('/reportes/semestral?anio=2026&semestre=1&f=csv');
    expect(csv.headers['x-sit-excluye']).toMatch(/datos de demostracion/);
    expect(csv.body).not.toMatch(/Demostración/);
  });

  it('agrees between the unit sheet and the Tablero, officially and with the demo data', async () => {
    const [unit] = await database.db.query<{ id: number }>(
      `select uv.id from unidades_vecinales uv
       join proyectos p on p."precision" = any($1::text[]) and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)
       where exists (select 1 from proyecto_presupuestos b where b.codigo = p.codigo and b.demo)
       order by uv.id limit 1`,
      [[...officialPrecisions]],
    );
    expect(unit, 'a unit holds a demo-tracked project located with official precision').toBeDefined();
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago' }).format(new Date());
    const sheet = await json<{
      avance: { avance: number | null };
      presupuesto: { inversionAtribuida: number | null };
      datosDemo: { avance: { avance: number | null }; presupuesto: { inversionAtribuida: number | null } } | null;
    }>(`/reportes/unidad-vecinal/${unit!.id}`);
    const board = await json<Board>(`/plan/tablero?hasta=${day}`);
    const official = await json<Board>(`/plan/tablero?hasta=${day}&oficial=true`);
    const row = (body: Board) => body.unidades.find((candidate) => candidate.id === unit!.id)!;
    expect(sheet.avance.avance).toBe(row(official).avance);
    expect(sheet.presupuesto.inversionAtribuida).toBeNull();
    expect(sheet.datosDemo?.avance.avance).toBe(row(board).avance);
    // The sheet adds the shares rounded to the peso; the Tablero rounds the sum.
    expect(Math.abs((sheet.datosDemo?.presupuesto.inversionAtribuida ?? 0) - (row(board).inversion ?? -1e12))).toBeLessThanOrEqual(
      row(board).proyectos,
    );
    const html = (await app.inject(`/reportes/unidad-vecinal/${unit!.id}.html`)).body;
    expect(html).toContain('data-datos-demo');
  });

  it('is removed by demo:remove, leaving the projects as SECPLA had them', async () => {
    const tracked = await database.db.query<{ codigo: string }>(`select distinct codigo from proyecto_estados where demo`);
    const rows = await count(
      `select ((select count(*) from proyecto_estados where demo) + (select count(*) from proyecto_avances where demo)
         + (select count(*) from proyecto_hitos where demo) + (select count(*) from proyecto_presupuestos where demo)
         + (select count(*) from indicadores_programa where demo))::int as n`,
    );
    const removed = await removeDemoData(database.db);
    expect(removed).toMatchObject({ seguimiento_proyectos: tracked.length, seguimiento_filas: rows });
    const left = await database.db.query<{ estado: string | null; avance_fisico: number | null; fuentes: string[] }>(
      `select estado, avance_fisico::float8 as avance_fisico, fuentes_financiamiento as fuentes from proyectos where codigo = any($1::text[])`,
      [tracked.map((row) => row.codigo)],
    );
    for (const project of left) expect(project).toEqual({ estado: null, avance_fisico: null, fuentes: [] });
    const board = await json<Board>('/plan/tablero?hasta=2026-06-30');
    expect(board.incluye_demo).toBe(false);
    for (const line of board.lineamientos) expect(line.avance).toBeNull();
  });
});
