import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { artifactsDir, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, showPanel } from '../support/workbench.ts';

const codigo = 'L6.O1.P1.G1.03';
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await createAccount(server.app.db, {
    usuario: 'ana.seguimiento',
    nombre: 'Ana Seguimiento',
    rol: 'planificador',
    clave: 'una clave larga 2026',
  });
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, { fragment: `mapa=13.5/-28.58/-70.757&proyecto=${codigo}` });
  // The login form is another panel's: sign in as it would, then reload so the page starts signed in.
  const status = await page.evaluate(async () => {
    const response = await fetch('/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ usuario: 'ana.seguimiento', clave: 'una clave larga 2026' }),
    });
    return response.status;
  });
  expect(status).toBe(200);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
  await page.waitForSelector(`#project-card[data-loaded="true"] [data-tracking-forms="${codigo}"]`, { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const form = (key: string) => `#project-card [data-tracking-form="${key}"]`;

/** Submits a tracking form and waits until the card reloads with the write (or the form shows an error). */
async function submit(key: string): Promise<void> {
  // The note of an earlier write must not count as this one's.
  await page.evaluate(() => document.querySelectorAll('#project-card [data-tracking-saved]').forEach((element) => element.remove()));
  await page.click(`${form(key)} button[type="submit"]`);
  await page.waitForFunction(
    (selector) =>
      document.querySelector('#project-card [data-tracking-saved]') !== null ||
      [...document.querySelectorAll(`${selector} [data-error-for]`)].some((element) => !(element as HTMLElement).hidden) ||
      (document.querySelector(`${selector} [data-form-status]`)?.textContent ?? '').startsWith('No se guardó'),
    form(key),
  );
}

describe('a planner records tracking and produces the first-semester report from the interface', () => {
  it('records a status change from the project card, signed with the planner name', async () => {
    await page.click(`${form('estado')} summary`);
    await page.selectOption(`${form('estado')} select[name="estado"]`, 'ejecución');
    // Dates are typed day first (dd-mm-aaaa) and sent as ISO.
    await page.fill(`${form('estado')} input[name="desde"]`, '16-02-2026');
    await page.fill(`${form('estado')} input[name="nota"]`, 'Obras iniciadas en el puente Brasil');
    await submit('estado');
    await page.waitForSelector('#project-card[data-loaded="true"] [data-tracking-saved]');
    const [row] = await server.app.db.query<{ estado: string; registrado_por: string }>(
      `select estado, registrado_por from proyecto_estados where codigo = $1 and desde = '2026-02-16'`,
      [codigo],
    );
    expect(row).toEqual({ estado: 'ejecución', registrado_por: 'Ana Seguimiento' });
    expect(await page.textContent('#project-card .card-facts')).toContain('ejecución');
  });

  it('shows the server validation message next to the field, and then records the corrected progress', async () => {
    await page.click(`${form('avance')} summary`);
    await page.fill(`${form('avance')} input[name="fecha"]`, '2026-05-29');
    await page.fill(`${form('avance')} input[name="avanceFisico"]`, '150');
    await submit('avance');
    const error = await page.textContent(`${form('avance')} [data-error-for="avanceFisico"]`);
    expect(error).toMatch(/«avance físico».*100/);
    expect(await page.getAttribute(`${form('avance')} input[name="avanceFisico"]`, 'aria-invalid')).toBe('true');
    const [{ n }] = (await server.app.db.query<{ n: number }>(`select count(*)::int as n from proyecto_avances where codigo = $1`, [
      codigo,
    ])) as [{ n: number }];
    expect(n).toBe(0);
    await page.screenshot({ path: screenshotPath('tracking-form-error') });

    await page.fill(`${form('avance')} input[name="avanceFisico"]`, '42,5');
    await submit('avance');
    await page.waitForSelector('#project-card[data-loaded="true"] [data-tracking-saved]');
    await page.waitForFunction(() => document.querySelector('#project-card .card-facts')?.textContent?.includes('42,5 %'));
  });

  it('creates a milestone and marks it met from the recorded history', async () => {
    await page.click(`${form('hito')} summary`);
    await page.fill(`${form('hito')} input[name="nombre"]`, 'Recepción provisoria puente Brasil');
    await page.fill(`${form('hito')} input[name="fechaPrevista"]`, '15/06/2026');
    await submit('hito');
    await page.waitForSelector('#project-card[data-loaded="true"] [data-tracking-saved]');

    await page.click('#project-card [data-tracking-history] summary');
    const item = '#project-card [data-tracking-history][data-loaded="true"] [data-hito="Recepción provisoria puente Brasil"]';
    await page.waitForSelector(item);
    await page.evaluate(() => document.querySelectorAll('#project-card [data-tracking-saved]').forEach((element) => element.remove()));
    await page.fill(`${item} input[name="fechaReal"]`, '2026-06-10');
    await page.locator(item).getByRole('button', { name: 'Registrar cumplimiento' }).click();
    await page.waitForSelector('#project-card[data-loaded="true"] [data-tracking-saved]');
    const [row] = await server.app.db.query<{ fecha_real: string; cumplido: boolean }>(
      `select fecha_real::text as fecha_real, cumplido from proyecto_hitos where codigo = $1 and nombre = 'Recepción provisoria puente Brasil'`,
      [codigo],
    );
    expect(row).toEqual({ fecha_real: '2026-06-10', cumplido: true });
  });

  it('opens the printable report of 2026, first semester, with the change in it', async () => {
    await showPanel(page, '[data-panel-informes]');
    await page.selectOption('[data-informe-anio]', '2026');
    await page.selectOption('[data-informe-semestre]', '1');
    const href = await page.getAttribute('[data-informe-html]', 'href');
    expect(href).toBe('/reportes/semestral.html?anio=2026&semestre=1');
    const [report] = await Promise.all([page.context().waitForEvent('page'), page.click('[data-informe-html]')]);
    await report.waitForLoadState('load');
    const text = (await report.textContent('body')) ?? '';
    expect(text).toContain('primer semestre 2026');
    expect(text).toContain('Obras iniciadas en el puente Brasil');
    expect(text).toContain('Ana Seguimiento');
    expect(text).toContain('Recepción provisoria puente Brasil');
    await report.screenshot({ path: screenshotPath('tracking-report-2026-s1'), fullPage: false });
    await report.close();
  });

  it('downloads the CSV annex, whose figures for the project equal the database at the semester end', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-informe-csv]')]);
    expect(download.suggestedFilename()).toBe('anexo-informe-2026-s1.csv');
    const file = path.join(artifactsDir, 'anexo-informe-2026-s1.csv');
    await download.saveAs(file);
    const lines = (await readFile(file, 'utf8')).trim().split(/\r\n/);
    const header = lines[0]!.split(',');
    const line = lines.find((candidate) => candidate.startsWith(`proyecto,${codigo},`));
    expect(line).toBeDefined();
    // The project's name has commas and is quoted: read the columns from the end, which never are.
    const cells = line!.split(',');
    const fromEnd = (name: string) => cells[cells.length - (header.length - header.indexOf(name))];

    const [expected] = await server.app.db.query<{ estado: string; avance: number }>(
      `select (select estado from proyecto_estados where codigo = $1 and desde <= '2026-06-30' order by desde desc limit 1) as estado,
              (select avance_fisico::double precision from proyecto_avances where codigo = $1 and fecha <= '2026-06-30' order by fecha desc limit 1) as avance`,
      [codigo],
    );
    expect(fromEnd('estado_al_corte')).toBe(expected!.estado);
    expect(Number(fromEnd('avance_fisico'))).toBe(expected!.avance);
    expect(expected!.avance).toBe(42.5);
  });
});
