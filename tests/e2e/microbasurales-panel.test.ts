import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, showPanel, waitForIdleMap } from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

interface Summary {
  incluye_demo: boolean;
  datos_demo: Record<string, number>;
  por_estado: Record<string, number>;
  programa: { sitios_activos: number; sitios_cerrados: number };
  por_unidad: { codigo: string; total: number }[];
}

const summary = async (query = '') => (await (await fetch(`${server.baseUrl}/microbasurales/resumen${query}`)).json()) as Summary;

/** Statuses of the micro-dumps deck.gl draws in the whole view, read back from its picking buffer. */
async function drawnStatuses(): Promise<string[]> {
  await waitForIdleMap(page);
  return page.evaluate(() => {
    const { overlay, map } = (
      window as unknown as { sit: { overlay: import('@deck.gl/mapbox').MapboxOverlay; map: import('maplibre-gl').Map } }
    ).sit;
    const canvas = map.getCanvas();
    const picked = overlay.pickObjects({
      x: 0,
      y: 0,
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      layerIds: ['microbasurales'],
    });
    return [...new Set(picked.map((info) => (info.object as { properties: { estado: string } }).properties.estado))].sort();
  });
}

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server);
  await showPanel(page, '[data-panel-microbasurales]');
  await page.locator('[data-panel-microbasurales] [data-microbasurales-resumen][data-cargado="todo"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the micro-dumps panel of the workbench', () => {
  it("shows the programme's figures, sites by status and per neighbourhood unit as the API counts them", async () => {
    const expected = await summary();
    const panel = page.locator('[data-panel-microbasurales]');
    for (const [estado, count] of Object.entries(expected.por_estado))
      expect(Number(await panel.locator(`[data-por-estado] [data-estado="${estado}"]`).getAttribute('data-conteo'))).toBe(count);
    expect(await panel.locator('[data-cifra="sitios_activos"] dd').textContent()).toBe(String(expected.programa.sitios_activos));
    expect(await panel.locator('[data-cifra="sitios_cerrados"] dd').textContent()).toBe(String(expected.programa.sitios_cerrados));
    expect(await panel.locator('[data-por-unidad] tbody tr').count()).toBe(expected.por_unidad.filter((unit) => unit.total > 0).length);
    expect(Number(await panel.locator('[data-serie-mensual]').getAttribute('data-serie-mensual'))).toBeGreaterThan(0);
    // The shipped sites are demo data: the panel says so, with how many.
    expect(expected.incluye_demo).toBe(true);
    expect(await panel.locator('[data-microbasurales-demo]').textContent()).toContain(
      `${expected.datos_demo.microbasurales} microbasurales`,
    );
  });

  it('filters the summary and the map by status', async () => {
    expect((await drawnStatuses()).length).toBeGreaterThan(1);
    const panel = page.locator('[data-panel-microbasurales]');
    await panel.getByLabel('Estado').selectOption('limpiado');
    await panel.getByRole('button', { name: 'Aplicar' }).click();
    await panel.locator('[data-microbasurales-resumen][data-cargado="estado=limpiado"]').waitFor();
    const expected = await summary('?estado=limpiado');
    expect(Number(await panel.locator('[data-estado="limpiado"]').getAttribute('data-conteo'))).toBe(expected.por_estado.limpiado);
    expect(Number(await panel.locator('[data-estado="reportado"]').getAttribute('data-conteo'))).toBe(0);
    expect(await drawnStatuses()).toEqual(['limpiado']);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('microbasurales-filtro-limpiado') });
  });
});
