import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, pickedProjectCodes, settleForScreenshot, waitForIdleMap } from '../support/workbench.ts';

/**
 * The "done": a new user finds the bridge projects of the Plan
 * Ciudad Bicentenario, sees which neighbourhood units they touch, and shares
 * a link to that view — using only what the screen shows.
 */
let server: TestServer;
let browser: Browser;
let page: Page;

const bridges = 'L6.O1.P1.G1.03';
const footbridges = 'L6.O1.P1.G1.04';

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, { permissions: ['clipboard-read', 'clipboard-write'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The units the API computes for a project (PostGIS), by name. */
async function unitsFromApi(codigo: string): Promise<string[]> {
  const card = (await (await fetch(`${server.baseUrl}/plan/proyectos/${codigo}`)).json()) as { unidadesVecinales: { nombre: string }[] };
  return card.unidadesVecinales.map((unit) => unit.nombre);
}

/** The units the open card lists, and the units the map highlights. */
async function unitsOnScreen(target: Page) {
  await target.waitForSelector('#project-card[data-loaded="true"]');
  const listed = await target.locator('#project-card [data-unidad]').allTextContents();
  const highlighted = await target.evaluate(() =>
    (window as unknown as { sit: { selection: { touchedUnits: { properties: { nombre: string } }[] } } }).sit.selection.touchedUnits.map(
      (unit) => unit.properties.nombre,
    ),
  );
  return { listed: listed.map((text) => text.replace(/ \([^()]*\)$/, '')), highlighted };
}

async function lineage(target: Page) {
  return target
    .locator('#project-card .lineage li')
    .evaluateAll((items) =>
      items.map(
        (item) =>
          `${(item as HTMLElement).dataset.nivel} ${(item as HTMLElement).dataset.codigo}: ${item.querySelector('.lineage-name')?.textContent}`,
      ),
    );
}

describe('finding the bridges of the Plan Ciudad Bicentenario and sharing them', () => {
  let shared = '';

  it('finds both bridge projects by typing "puentes" and pressing Enter', async () => {
    const search = page.getByLabel('Buscar proyectos, unidades vecinales, patrimonio, calles y lugares');
    await search.fill('puentes');
    await search.press('Enter');
    await page.waitForSelector('.search-hit');
    const titles = await page.locator('.search-hit .hit-title').allTextContents();
    expect(titles).toEqual(
      expect.arrayContaining([
        'Puentes peatonales acorde a las rutas inclusivas',
        expect.stringMatching(/^Construcción de 4 puentes sobre el río Huasco \(Matta, Ampliación Puente Brasil/),
      ]),
    );
  });

  it('opens the 4 bridges: its whole lineage, the units it touches, and the map goes there', async () => {
    await page.locator('.search-hit', { hasText: 'Construcción de 4 puentes' }).click();
    const shownUnits = await unitsOnScreen(page);
    expect(await lineage(page)).toEqual([
      'lineamiento L6: Vallenar impulsora de una ciudad más amable, mejor organizada y conectada.',
      expect.stringMatching(/^objetivo L6\.O1: Fortalecer, mejorar y proponer proyectos/),
      'plan L6.O1.P1: Plan Ciudad Bicentenario Vallenar 2034',
      expect.stringMatching(/^programa L6\.O1\.P1\.G1: MOVILIDAD URBANA/),
      expect.stringMatching(/^proyecto L6\.O1\.P1\.G1\.03: Construcción de 4 puentes/),
    ]);
    const expectedUnits = await unitsFromApi(bridges);
    expect(expectedUnits.length).toBeGreaterThanOrEqual(2);
    expect(shownUnits.listed).toEqual(expectedUnits);
    expect(shownUnits.highlighted).toEqual(expectedUnits);
    expect(await page.textContent('#project-card')).toContain('sin presupuesto registrado');
    await waitForIdleMap(page);
    expect(await pickedProjectCodes(page)).toContain(bridges);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-puentes') });
  });

  it('opens the footbridges next and sees the units they touch', async () => {
    await page.locator('.search-hit', { hasText: 'Puentes peatonales' }).click();
    await page.waitForSelector(`#project-card[data-codigo="${footbridges}"][data-loaded="true"]`);
    const shownUnits = await unitsOnScreen(page);
    expect(shownUnits.listed).toEqual(await unitsFromApi(footbridges));
    expect(shownUnits.highlighted).toEqual(shownUnits.listed);
    expect(await page.getAttribute('#project-card [data-api-link]', 'href')).toMatch(/^\/collections\/proyectos\/items\/\d+$/);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-pasarelas') });
  });

  it('shares the view: the link is copied and shown', async () => {
    await page.click('[data-tool="compartir"]');
    shared = await page.inputValue('[data-share-url]');
    expect(shared).toContain(`proyecto=${footbridges}`);
    expect(shared).toMatch(/#.*mapa=/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shared);
  });

  it('whoever opens the link sees the same project, lineage, units and view', async () => {
    const view = (target: Page) =>
      target.evaluate(() => {
        const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
        return { center: map.getCenter().toArray(), zoom: map.getZoom() };
      });
    const before = await view(page);
    const colleague = await openWorkbench(browser, server, { fragment: shared.split('#')[1] });
    await colleague.waitForSelector(`#project-card[data-codigo="${footbridges}"][data-loaded="true"]`);
    expect(await lineage(colleague)).toEqual(await lineage(page));
    expect(await unitsOnScreen(colleague)).toEqual(await unitsOnScreen(page));
    const after = await view(colleague);
    expect(after.zoom).toBeCloseTo(before.zoom, 1);
    expect(after.center[0]).toBeCloseTo(before.center[0] as number, 4);
    expect(after.center[1]).toBeCloseTo(before.center[1] as number, 4);
    await settleForScreenshot(colleague);
    await colleague.screenshot({ path: screenshotPath('workbench-enlace-compartido') });
    if (process.env.SIT_UPDATE_README_IMAGE) {
      await mkdir(path.join(projectRoot, 'docs', 'img'), { recursive: true });
      await copyFile(screenshotPath('workbench-puentes'), path.join(projectRoot, 'docs', 'img', 'workbench.png'));
    }
    await colleague.context().close();
  });
});
