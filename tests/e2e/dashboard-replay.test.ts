import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, settleForScreenshot, showPanel } from '../support/workbench.ts';

const bridges = 'L6.O1.P1.G1.03';
let server: TestServer;
let browser: Browser;
let page: Page;
let located: number;

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  const db = server.app.db;
  await db.query(
    `insert into proyecto_estados (codigo, estado, desde, registrado_por) values ($1, 'licitación', '2024-05-01', 'SECPLA'), ($1, 'ejecución', '2025-09-01', 'SECPLA')`,
    [bridges],
  );
  await db.query(`insert into proyecto_avances (codigo, fecha, avance_fisico, registrado_por) values ($1, '2025-10-01', 35, 'SECPLA')`, [
    bridges,
  ]);
  await db.query(
    `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp) values ($1, 2025, 'MOP', 5000000000, 4000000000, 1000000000)`,
    [bridges],
  );
  located = (await db.query<{ n: number }>(`select count(*)::int as n from proyectos where geom is not null`))[0]!.n;
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, { fragment: 'mapa=13/-28.58/-70.757' });
  await showPanel(page, '[data-panel-tablero]');
  await page.waitForSelector('[data-panel-tablero][data-loaded="true"]');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Moves the time slider to the first day of `month` ('YYYY-MM'), as dragging it would. */
async function slideTo(month: string) {
  const index = (Number(month.slice(0, 4)) - 2022) * 12 + Number(month.slice(5, 7)) - 1;
  await page.$eval(
    '[data-tablero-fecha]',
    (slider, value) => {
      (slider as HTMLInputElement).value = String(value);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    },
    index,
  );
}

describe('PLADECO dashboard', () => {
  it('shows progress per lineamiento, "sin información" where nothing was recorded, and execution against budget', async () => {
    const l6 = await page.textContent('[data-tablero-lineamientos] [data-lineamiento="L6"] [data-avance]');
    // One L6 project has progress: the figure is its progress, over 1 of the lineamiento's projects (docs/cifras.md).
    expect(l6).toMatch(/^35 % \(1 de \d+ proyectos con avance registrado\)$/);
    expect(await page.textContent('[data-tablero-lineamientos] [data-lineamiento="L1"] [data-avance]')).toBe('sin información');
    expect(await page.textContent('[data-tablero-ejecucion]')).toMatch(
      /Ejecutado \$\s?1\.000\.000\.000 de \$\s?4\.000\.000\.000 aprobado \(25 %\)/,
    );
  });

  it('replays the projects status on the map from 2022 to 2029, counting the ones with no status as "sin información"', async () => {
    await page.selectOption('[data-tablero-modo]', 'estado');
    await slideTo('2023-01');
    expect(await page.textContent('[data-tablero-fecha-texto]')).toBe('Estado al 2023-01-01');
    expect(await page.textContent('[data-tablero-conteo]')).toBe(`0 con estado registrado; ${located} sin información.`);
    await slideTo('2025-10');
    expect(await page.textContent('[data-tablero-conteo]')).toBe(`1 con estado registrado; ${located - 1} sin información.`);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('dashboard-replay-2025-10') });
  });

  it('switches the map to investment and progress per neighbourhood unit', async () => {
    await page.selectOption('[data-tablero-modo]', 'unidades');
    expect(await page.isHidden('[data-tablero-fecha]')).toBe(true);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('dashboard-units') });
  });
});
