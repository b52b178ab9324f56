import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench } from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the indicators panel', () => {
  it('computes the indicators per census zone and offers the CSV of the same query', async () => {
    const panel = page.locator('[data-analisis]');
    await panel.getByLabel('Unidades').selectOption('zonas_censales');
    await panel.getByRole('button', { name: 'Calcular' }).click();
    const rows = panel.locator('[data-analisis-tabla] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(13);
    // No budget is recorded in the seed: the panel says so instead of showing 0 CLP.
    await expect.poll(() => panel.locator('tbody').textContent()).toContain('sin dato');
    expect(await panel.locator('[data-analisis-csv]').getAttribute('href')).toBe(
      '/analysis/indicadores?unidad=zonas_censales&distancia_ciclovia=300&f=csv',
    );
    await panel.screenshot({ path: screenshotPath('analysis-panel') });
  });
});
