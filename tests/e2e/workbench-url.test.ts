import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import {
  assertClientBuilt,
  openWorkbench,
  waitForIdleMap,
  workbenchProjects,
  settleForScreenshot,
  showPanel,
} from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Everything a person sees that a link must restore. */
async function visibleState(target: Page) {
  await target.waitForSelector('#project-card[data-loaded="true"]');
  return target.evaluate(() => {
    const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
    const value = (selector: string) => (document.querySelector(selector) as HTMLInputElement | HTMLSelectElement | null)?.value;
    const checked = (layer: string) => (document.querySelector(`input[data-layer="${layer}"]`) as HTMLInputElement).checked;
    const selects = [...document.querySelectorAll('#filters-panel select')].map((select) => (select as HTMLSelectElement).value);
    return {
      center: map
        .getCenter()
        .toArray()
        .map((value) => Number(value.toFixed(4))),
      zoom: Number(map.getZoom().toFixed(2)),
      pitch: Math.round(map.getPitch()),
      bearing: Math.round(map.getBearing()),
      selects,
      manzanas: checked('manzanas_censales'),
      densidad: checked('microbasurales_densidad'),
      inversion: checked('inversion_3d'),
      opacity: value('input[data-opacity="proyectos"]'),
      metric: value('[data-metrica]'),
      card: document.querySelector<HTMLElement>('#project-card')?.dataset.codigo,
      lineage: [...document.querySelectorAll<HTMLElement>('#project-card .lineage li')].map((item) => item.dataset.codigo),
    };
  });
}

describe('the URL keeps the state', () => {
  let before: Awaited<ReturnType<typeof visibleState>>;

  it('writes view, layers, filters and selection into the address as they change', async () => {
    await showPanel(page, '#filters-panel');
    await page.getByLabel('Lineamiento', { exact: true }).selectOption('L6');
    await page.getByLabel('Programa', { exact: true }).selectOption('L6.O1.P1.G3');
    await showPanel(page, '#layers-panel');
    await page.uncheck('input[data-layer="manzanas_censales"]');
    await page.check('input[data-layer="microbasurales_densidad"]');
    await page.fill('input[data-opacity="proyectos"]', '60');
    await showPanel(page, '#filters-panel');
    await page.locator('.project-details summary').click();
    await page.locator('[data-project="L6.O1.P1.G3.03"]').click();
    await page.click('[data-tool="3d"]');
    await page.selectOption('[data-metrica]', 'proyectos');
    await page.evaluate(() => {
      const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
      map.jumpTo({ center: [-70.7512, -28.5811], zoom: 13.75, bearing: -15, pitch: 40 });
    });
    await page.waitForFunction(() => location.hash.includes('proyecto=L6.O1.P1.G3.03') && location.hash.includes('13.75'));
    const hash = await page.evaluate(() => decodeURIComponent(location.hash));
    for (const part of [
      'mapa=13.75/-28.5811/-70.7512/-15/40',
      'lineamiento=L6',
      'programa=L6.O1.P1.G3',
      'metrica=proyectos',
      'opacidad=',
      'capas=',
    ]) {
      expect(hash).toContain(part);
    }
    await waitForIdleMap(page);
    before = await visibleState(page);
    expect(before.card).toBe('L6.O1.P1.G3.03');
  });

  it('reopens the same view, layers, filters, selection and 3D metric on reload', async () => {
    const projectsBefore = await workbenchProjects(page);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
    await waitForIdleMap(page);
    expect(await visibleState(page)).toEqual(before);
    expect(await workbenchProjects(page)).toEqual(projectsBefore);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-recargada') });
  });

  it('applies a link pasted into the same tab', async () => {
    await page.evaluate(() => {
      location.hash = 'mapa=12/-28.57/-70.76&proyecto=L6.O1.P1.G1.01';
    });
    await page.waitForSelector('#project-card[data-codigo="L6.O1.P1.G1.01"][data-loaded="true"]');
    const state = await visibleState(page);
    expect(state.zoom).toBe(12);
    expect(state.selects.every((value) => value === '')).toBe(true);
    expect(state.manzanas).toBe(true);
  });

  it('opens a damaged link anyway, ignoring what it cannot read', async () => {
    const damaged = await openWorkbench(browser, server, { fragment: 'mapa=nada&lineamiento=%27;drop&proyecto=<b>&capas=xx' });
    const shown = await workbenchProjects(damaged);
    expect(shown.shown).toBe(133);
    expect(await damaged.locator('#project-card').isHidden()).toBe(true);
    await damaged.context().close();
  });
});
