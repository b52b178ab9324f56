import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { officialPrecisions } from '../../server/catalog/precision.ts';
import { escapeXml } from '../../server/routes/reports/bar-chart.ts';
import { renderReportHtml } from '../../server/routes/reports/report-html.ts';
import { buildSemiannualReport } from '../../server/routes/reports/semiannual.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Issue #14, part 1: what nobody recorded is «sin información», never 0, in
 * every place a figure is shown or printed, and a figure over partly known
 * projects says over how many. The seed records no status, progress or
 * budget, so the shipped data is the case of "nothing known".
 */
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t?.close());

interface Line {
  codigo: string;
  avance: number | null;
  incluidos: number;
  conAvance: number;
}

/** The text a reader of the printed page sees: what Chromium prints from the HTML (tags out, spaces collapsed). */
const printedText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');

const lineamientos = async () =>
  t.database.db.query<{ codigo: string; nombre: string }>(
    `select codigo, nombre from plan_nodos where nivel = 'lineamiento' order by orden`,
  );

/** A project located with an official precision inside a neighbourhood unit, and that unit. */
async function placedProject(): Promise<{ codigo: string; lineamiento: string; unidad: number }> {
  const [row] = await t.database.db.query<{ codigo: string; lineamiento: string; unidad: number }>(
    `select p.codigo, pp.lineamiento_codigo as lineamiento, uv.id as unidad
     from proyectos p join proyectos_plan pp on pp.codigo = p.codigo
     join unidades_vecinales uv on ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)
     where p."precision" = any($1::text[]) order by p.codigo, uv.id limit 1`,
    [[...officialPrecisions]],
  );
  expect(row, 'the seed has a project located with official precision in a unit').toBeDefined();
  return row!;
}

describe('nothing recorded: «sin información», never 0', () => {
  it('prints «sin información» for every lineamiento in the semiannual report HTML and in the text of its PDF', async () => {
    const response = await t.app.inject('/reportes/semestral.html?anio=2026&semestre=1');
    expect(response.statusCode).toBe(200);
    for (const line of await lineamientos()) {
      expect(response.body, line.codigo).toContain(`<td>${line.codigo}</td><td>${escapeXml(line.nombre)}</td><td>sin información</td>`);
    }
    expect(response.body).not.toMatch(/>0 %</);
    // $0 only where there is nothing to count (a group of 0 projects), never for projects without a budget.
    expect(response.body).not.toMatch(/<td>[1-9]\d*<\/td><td>\$0<\/td>/);
    expect(response.body).toMatch(/<td>sin información<\/td><td>\d+<\/td><td>sin información<\/td>/);
    // The PDF is Chromium's print of this same HTML (server/cli/report-pdf.ts): its text says the same.
    const printed = printedText(renderReportHtml(await buildSemiannualReport(t.database.db, 2026, 1)));
    for (const line of await lineamientos()) expect(printed).toContain(`${line.codigo} ${line.nombre} sin información`);
    expect(printed).not.toMatch(/ 0 % /);
    expect(printed).toContain('No hay presupuestos registrados: sin información.');
  });

  it('writes «sin información» in the CSV annex for each lineamiento and each unrecorded project, not an empty cell', async () => {
    const response = await t.app.inject('/reportes/semestral?anio=2026&semestre=1&f=csv');
    const rows = response.body.trim().split('\r\n');
    for (const line of await lineamientos()) {
      const row = rows.find((candidate) => candidate.startsWith(`lineamiento,${line.codigo},`));
      expect(row, line.codigo).toMatch(/,sin información,\d+,0,/);
    }
    const projects = rows.filter((row) => row.startsWith('proyecto,'));
    expect(projects.length).toBeGreaterThan(100);
    for (const row of projects) expect(row).toMatch(/^proyecto,[^,]+,.*,sin información,sin información,/);
  });

  it('gives null («sin información») in the Tablero and the unit sheet, and the sheet never headlines $0', async () => {
    const board = (await t.app.inject('/plan/tablero?hasta=2026-06-30')).json<{
      lineamientos: Line[];
      ejecucion: { estimado: number | null; aprobado: number | null; ejecutado: number | null };
      unidades: Array<{ proyectos: number; inversion: number | null; avance: number | null }>;
    }>();
    for (const line of board.lineamientos) expect(line).toMatchObject({ avance: null, conAvance: 0 });
    expect(board.ejecucion).toMatchObject({ estimado: null, aprobado: null, ejecutado: null });
    // A unit with projects and no budget is unknown; one with no project has nothing attributed (a real 0).
    for (const unit of board.unidades) expect(unit).toMatchObject({ inversion: unit.proyectos === 0 ? 0 : null, avance: null });
    expect(board.unidades.some((unit) => unit.proyectos > 0)).toBe(true);

    const { unidad } = await placedProject();
    const sheet = (await t.app.inject(`/reportes/unidad-vecinal/${unidad}`)).json<{
      presupuesto: { inversionAtribuida: number | null; aprobado: number | null };
    }>();
    expect(sheet.presupuesto).toMatchObject({ inversionAtribuida: null, aprobado: null });
    const html = (await t.app.inject(`/reportes/unidad-vecinal/${unidad}.html`)).body;
    expect(html).toContain('<b>sin información</b><span>inversión atribuida a la unidad');
    expect(html).not.toMatch(/>\$0</);
  });
});

describe('some projects recorded: the figure says over how many', () => {
  it('gives 25 % over 1 of n projects, the same in the report, its CSV, /plan/avance, the Tablero and the unit sheet', async () => {
    const project = await placedProject();
    await t.database.db.query(
      `insert into proyecto_avances (codigo, fecha, avance_fisico, registrado_por) values ($1, '2026-03-01', 25, 'SECPLA')`,
      [project.codigo],
    );
    await t.database.db.query(`update proyectos set avance_fisico = 25 where codigo = $1`, [project.codigo]);

    const progress = (await t.app.inject('/plan/avance?hasta=2026-06-30&oficial=true')).json<{ lineamientos: Line[] }>();
    const line = progress.lineamientos.find((candidate) => candidate.codigo === project.lineamiento)!;
    expect(line).toMatchObject({ avance: 25, conAvance: 1 });
    expect(line.incluidos).toBeGreaterThan(1);
    const phrase = `25 % (1 de ${line.incluidos} proyectos con avance registrado)`;

    const html = (await t.app.inject('/reportes/semestral.html?anio=2026&semestre=1')).body;
    expect(printedText(html)).toContain(phrase);
    const csv = (await t.app.inject('/reportes/semestral?anio=2026&semestre=1&f=csv')).body.split('\r\n');
    expect(csv.find((row) => row.startsWith(`lineamiento,${project.lineamiento},`))).toMatch(new RegExp(`,25,${line.incluidos},1,`));
    expect(csv.find((row) => row.startsWith(`proyecto,${project.codigo},`))).toContain(',25,');

    const board = (await t.app.inject('/plan/tablero?hasta=2026-06-30')).json<{ lineamientos: Line[] }>();
    expect(board.lineamientos.find((candidate) => candidate.codigo === project.lineamiento)).toMatchObject({
      avance: 25,
      conAvance: 1,
      incluidos: line.incluidos,
    });
    // Before the measurement, the same lineamiento is back to «sin información».
    const before = (await t.app.inject('/plan/tablero?hasta=2026-02-28')).json<{ lineamientos: Line[] }>();
    expect(before.lineamientos.find((candidate) => candidate.codigo === project.lineamiento)?.avance).toBeNull();

    const sheet = (await t.app.inject(`/reportes/unidad-vecinal/${project.unidad}`)).json<{
      avance: { avance: number | null; conAvance: number; incluidos: number };
    }>();
    expect(sheet.avance).toMatchObject({ avance: 25, conAvance: 1 });
  });
});
