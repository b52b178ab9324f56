import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import {
  apiProjects,
  assertClientBuilt,
  codesOf,
  fitToDrawnProjects,
  locatedCodesOf,
  openWorkbench,
  pickedProjectCodes,
  settleForScreenshot,
  workbenchProjects,
  showPanel,
} from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

/**
 * The PLADECO as published records no status, funding, unit or years, so
 * every such filter would match nothing. SECPLA records them as projects
 * advance; this fixture does that for a few projects, located and not.
 */
async function recordProgress(server: TestServer) {
  const updates: [string, string, string[], string, number | null, number | null][] = [
    ['L6.O1.P1.G1.03', 'diseño', ['MOP', 'FNDR'], 'SECPLA', 2025, 2027],
    ['L6.O1.P1.G1.04', 'perfil', ['SUBDERE PMU'], 'SECPLA', 2024, null],
    ['L6.O1.P1.G3.03', 'ejecución', ['MMA'], 'Medio Ambiente', 2022, 2023],
    ['L2.O1.P1.G9.01', 'idea', ['FNDR'], 'Medio Ambiente', null, 2029],
    ['L1.O1.P1.G1.01', 'terminado', ['municipal'], 'SECPLA', 2022, 2022],
  ];
  for (const [codigo, estado, fuentes, unidad, inicio, fin] of updates) {
    await server.database.db.query(
      'update proyectos set estado = $2, fuentes_financiamiento = $3::text[], unidad_responsable = $4, anio_inicio = $5, anio_fin = $6 where codigo = $1',
      [codigo, estado, `{${fuentes.map((fuente) => `"${fuente}"`).join(',')}}`, unidad, inicio, fin],
    );
  }
  await server.database.db.query(`update layer_version set version = version + 1, changed_at = now() where layer_id = 'proyectos'`);
}

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await recordProgress(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server);
  await showPanel(page, '#filters-panel');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The PLADECO filters panel: other panels (micro-dumps) have fields with the same labels. */
const filters = () => page.getByRole('region', { name: 'Filtros del PLADECO' });

/** Chooses a value in the filter select labelled `label` and waits for the counts to follow. */
async function choose(label: string, value: string) {
  await filters().getByLabel(label, { exact: true }).selectOption(value);
  await page.waitForFunction(() => document.querySelector('[data-counts]')?.textContent !== '');
}

async function clearFilters() {
  await page.click('[data-action="limpiar-filtros"]');
}

/** The workbench shows exactly the API's answer: the list and counts, the deck.gl layer's data, and what it picks. */
async function expectSameAsApi(query: string) {
  const expected = await apiProjects(server, query);
  const shown = await workbenchProjects(page);
  expect(shown.filtered, query).toEqual(codesOf(expected));
  expect(shown.shown, query).toBe(expected.length);
  expect(shown.drawn, query).toEqual(locatedCodesOf(expected));
  await fitToDrawnProjects(page);
  const picked = await pickedProjectCodes(page);
  for (const code of picked) expect(shown.drawn, `${query}: ${code} drawn but not in the answer`).toContain(code);
  if (shown.drawn.length > 0) expect(picked.length, query).toBeGreaterThan(0);
  return expected;
}

describe('filters of the plan', () => {
  it('starts with every project of the plan, as the API lists them', async () => {
    const all = await expectSameAsApi('');
    expect(all).toHaveLength(133);
  });

  it('filters by lineamiento, objetivo, plan and programa like /collections/proyectos/items does', async () => {
    await choose('Lineamiento', 'L6');
    await expectSameAsApi('lineamiento_codigo=L6');
    await choose('Objetivo estratégico', 'L6.O1');
    await expectSameAsApi('objetivo_codigo=L6.O1');
    await choose('Plan', 'L6.O1.P1');
    await expectSameAsApi('plan_codigo=L6.O1.P1');
    await choose('Programa', 'L6.O1.P1.G1');
    const movilidad = await expectSameAsApi('programa_codigo=L6.O1.P1.G1');
    expect(codesOf(movilidad)).toEqual(expect.arrayContaining(['L6.O1.P1.G1.03', 'L6.O1.P1.G1.04']));
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-filtro-programa') });
    await clearFilters();
    await choose('Lineamiento', 'L2');
    await expectSameAsApi('lineamiento_codigo=L2');
    await clearFilters();
  });

  it('filters by status and responsible unit like the API', async () => {
    await choose('Estado', 'diseño');
    await expectSameAsApi(`estado=${encodeURIComponent('diseño')}`);
    await choose('Estado', 'ejecución');
    await expectSameAsApi(`estado=${encodeURIComponent('ejecución')}`);
    await clearFilters();
    await choose('Unidad responsable', 'SECPLA');
    const secpla = await expectSameAsApi('unidad_responsable=SECPLA');
    expect(secpla).toHaveLength(3);
    await choose('Estado', 'perfil');
    await expectSameAsApi(`unidad_responsable=SECPLA&estado=perfil`);
    await clearFilters();
  });

  it('filters by funding source: the projects whose sources, as the API lists them, include it', async () => {
    await choose('Fuente de financiamiento', 'FNDR');
    const all = await apiProjects(server);
    const withFndr = all.filter((project) =>
      String(project.properties.fuentes_financiamiento ?? '')
        .split(', ')
        .includes('FNDR'),
    );
    const shown = await workbenchProjects(page);
    expect(shown.filtered).toEqual(codesOf(withFndr));
    expect(shown.drawn).toEqual(locatedCodesOf(withFndr));
    expect(shown.filtered).toEqual(['L2.O1.P1.G9.01', 'L6.O1.P1.G1.03']);
    await clearFilters();
  });

  it('filters by a year range: the projects whose years, as the API gives them, overlap it', async () => {
    const all = await apiProjects(server);
    const overlapping = (from: number, to: number, withoutYears: boolean) =>
      all.filter(({ properties }) => {
        const start = properties.anio_inicio as number | null;
        const end = properties.anio_fin as number | null;
        if (start === null && end === null) return withoutYears;
        return (start ?? -Infinity) <= to && (end ?? Infinity) >= from;
      });
    await filters().getByLabel('Incluir proyectos sin años registrados').uncheck();
    await filters().getByLabel('Desde', { exact: true }).fill('2026');
    await filters().getByLabel('Desde', { exact: true }).press('Enter');
    await filters().getByLabel('Hasta', { exact: true }).fill('2029');
    await filters().getByLabel('Hasta', { exact: true }).press('Tab');
    let shown = await workbenchProjects(page);
    expect(shown.filtered).toEqual(codesOf(overlapping(2026, 2029, false)));
    expect(shown.filtered).toEqual(['L2.O1.P1.G9.01', 'L6.O1.P1.G1.03', 'L6.O1.P1.G1.04']);
    await filters().getByLabel('Desde', { exact: true }).fill('2022');
    await filters().getByLabel('Desde', { exact: true }).press('Tab');
    await filters().getByLabel('Hasta', { exact: true }).fill('2022');
    await filters().getByLabel('Hasta', { exact: true }).press('Tab');
    shown = await workbenchProjects(page);
    expect(shown.filtered).toEqual(codesOf(overlapping(2022, 2022, false)));
    expect(shown.drawn).toEqual(locatedCodesOf(overlapping(2022, 2022, false)));
    await filters().getByLabel('Incluir proyectos sin años registrados').check();
    shown = await workbenchProjects(page);
    expect(shown.filtered).toEqual(codesOf(overlapping(2022, 2022, true)));
    await clearFilters();
    expect((await workbenchProjects(page)).shown).toBe(133);
  });

  it('counts beside each option what choosing it would leave, and the counts follow the filters', async () => {
    await choose('Lineamiento', 'L6');
    const options = await filters().getByLabel('Estado', { exact: true }).locator('option').allTextContents();
    expect(options).toContain('diseño (1)');
    expect(options).toContain('ejecución (1)');
    expect(options).toContain('terminado (0)');
    const counts = await page.textContent('[data-counts]');
    const l6 = await apiProjects(server, 'lineamiento_codigo=L6');
    expect(counts).toContain(`${l6.length} de 133 proyectos`);
    expect(counts).toContain(`${locatedCodesOf(l6).length} con ubicación`);
    await clearFilters();
  });
});
