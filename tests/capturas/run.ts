/**
 * `npm run capturas`: screenshots of every screen a person reviews, written
 * to docs/img/capturas/ (PNG): the workbench at 1366×768, 1024×768 and on a
 * phone (390×844), each sidebar panel opened on its own, the field app on a
 * phone and the API page. For looking at, not asserting: the browser tests
 * assert; these images are what a reviewer compares with QGIS or Lizmap.
 * Runs on its own embedded database with Vallenar's data (created on the
 * first run under .tmp/capturas) and needs the built client.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../server/app.ts';
import { loadConfig, projectRoot } from '../../server/config.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { launchBrowser } from '../support/browser.ts';

const outputDir = path.join(projectRoot, 'docs', 'img', 'capturas');
const sizes = {
  portatil: { width: 1366, height: 768 },
  tableta: { width: 1024, height: 768 },
  telefono: { width: 390, height: 844 },
} as const;
/** The town centre at city zoom, the view a planner opens most. */
const cityView = 'mapa=14/-28.5755/-70.7605';

async function open(browser: Browser, url: string, size: { width: number; height: number }, phone = false): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'es-CL', isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

async function workbenchReady(page: Page): Promise<void> {
  await page.waitForSelector('body[data-ready]', { timeout: 120_000 });
  // Let tiles and labels finish drawing after the ready mark.
  await page.waitForTimeout(1_500);
}

/** «Indicadores por unidad» → indicadores-por-unidad (file names without accents or spaces). */
const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

async function capture(page: Page, name: string, fullPage = false): Promise<void> {
  const file = path.join(outputDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  console.log(`  ${path.relative(projectRoot, file)}`);
}

async function main() {
  const config = loadConfig({}, { dataDir: path.join(projectRoot, '.tmp', 'capturas', 'pglite'), logLevel: 'silent', port: 0 });
  if (!existsSync(path.join(config.clientDir, 'index.html'))) throw new Error('El cliente no está compilado: ejecute «npm run build».');
  const database = await prepareDatabase(config, { info: () => {}, warn: console.warn }, { seed: true });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  await rm(outputDir, { recursive: true, force: true });
  await mkdir(outputDir, { recursive: true });
  const browser = await launchBrowser();
  try {
    console.log('Capturas en docs/img/capturas/:');
    for (const [name, size] of Object.entries(sizes)) {
      const page = await open(browser, `${baseUrl}/#${cityView}`, size, name === 'telefono');
      await workbenchReady(page);
      await capture(page, `mesa-${name}`);
      await page.context().close();
    }

    // Each sidebar panel on its own, as the full height a planner scrolls through.
    const page = await open(browser, `${baseUrl}/#${cityView}`, sizes.portatil);
    await workbenchReady(page);
    const panels = page.locator('#sidebar > section.panel:not([hidden])');
    const count = await panels.count();
    for (let index = 0; index < count; index += 1) {
      const panel = panels.nth(index);
      const heading = (await panel.locator('h2, h3, summary').first().textContent()) ?? '';
      const name = `${String(index + 1).padStart(2, '0')}-${slug(heading) || 'panel'}`;
      await panel.evaluate((section) => section.querySelectorAll('details').forEach((details) => (details.open = true)));
      await panel.scrollIntoViewIfNeeded();
      await panel.screenshot({ path: path.join(outputDir, `panel-${name}.png`) });
      console.log(`  docs/img/capturas/panel-${name}.png`);
    }
    await page.context().close();

    const campo = await open(browser, `${baseUrl}/campo`, sizes.telefono, true);
    await campo.waitForLoadState('networkidle');
    await campo.waitForTimeout(1_500);
    await capture(campo, 'campo-telefono');
    await campo.context().close();

    const api = await open(browser, `${baseUrl}/api.html`, sizes.portatil);
    await api.waitForLoadState('networkidle');
    await capture(api, 'api-portatil');
    await api.context().close();
  } finally {
    await browser.close();
    await app.close();
  }
}

main().catch((error: Error) => {
  console.error(`Las capturas fallaron: ${error.message}`);
  process.exit(1);
});
