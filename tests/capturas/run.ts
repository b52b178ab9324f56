/**
 * `npm run capturas`: screenshots of every screen a person reviews, written
 * to docs/img/capturas/ (PNG): the workbench at 1366×768, 1024×768 and on a
 * phone (390×844), signed in, each sidebar tab and analysis tool after its
 * calculation (the whole window, so the map shows where the result took it),
 * a project card, the field app on a phone and the API page. For looking at, not asserting: the browser tests
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
import { createAccount } from '../../server/auth/accounts.ts';
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

const reviewer = {
  usuario: 'capturas.revisor',
  nombre: 'Revisora de capturas',
  rol: 'revisor' as const,
  clave: 'capturas de pantalla 2026',
};

/** Signs in the way the sign-in form does and reloads, so the page starts signed in. */
async function signIn(page: Page): Promise<void> {
  await page.evaluate(
    async ({ usuario, clave }) =>
      fetch('/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ usuario, clave }) }),
    reviewer,
  );
  await page.reload();
}

/** What each tab computes before its picture, as a planner would. */
const tabActions: Record<string, (page: Page) => Promise<void>> = {
  Buscar: async (page) => {
    await page.locator('#search-panel input').fill('puente');
    await page.locator('#search-panel input').press('Enter');
    await page.locator('#search-panel .search-hit').first().waitFor({ timeout: 30_000 });
  },
  Tablero: async (page) => {
    await page.locator('[data-panel-tablero][data-loaded]').waitFor({ timeout: 30_000 });
  },
  Microbasurales: async (page) => {
    await page.locator('[data-microbasurales-resumen][data-cargado]').waitFor({ timeout: 30_000 });
  },
};

const analysisActions: Record<string, (page: Page) => Promise<void>> = {
  Indicadores: async (page) => {
    const panel = page.locator('[data-analisis]');
    await panel.getByRole('button', { name: 'Calcular' }).click();
    await panel.locator('[data-analisis-tabla] tbody tr').first().waitFor({ timeout: 120_000 });
  },
  Equidad: async (page) => {
    const panel = page.locator('[data-analisis-equidad]');
    await panel.getByRole('button', { name: 'Calcular equidad' }).click();
    await panel.locator('[data-gini]').waitFor({ timeout: 120_000 });
  },
  'Plan Regulador': async (page) => {
    const panel = page.locator('[data-revision-prc]');
    await panel.getByLabel('Código de proyecto del PLADECO').fill('L6.O1.P1.G1.03');
    await panel.getByRole('button', { name: 'Usar proyecto' }).click();
    await panel.getByRole('button', { name: 'Revisar con el servidor' }).click();
    await panel.locator('[data-prc-hallazgos]').waitFor({ timeout: 120_000 });
  },
};

async function main() {
  const config = loadConfig({}, { dataDir: path.join(projectRoot, '.tmp', 'capturas', 'pglite'), logLevel: 'silent', port: 0 });
  if (!existsSync(path.join(config.clientDir, 'index.html'))) throw new Error('El cliente no está compilado: ejecute «npm run build».');
  const database = await prepareDatabase(config, { info: () => {}, warn: console.warn }, { seed: true });
  const app = await buildApp({ config, database, logger: false });
  await createAccount(app.db, reviewer).catch(() => undefined); // already there from an earlier run
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
      if (name === 'telefono') {
        await page.locator('#panels-toggle').click();
        await page.waitForTimeout(500);
        await capture(page, 'mesa-telefono-paneles');
      }
      await page.context().close();
    }

    // Signed in as a reviewer, each sidebar tab and analysis tool as a planner sees it, after its calculation:
    // the whole window, so the map shows where each result took it.
    const page = await open(browser, `${baseUrl}/#${cityView}`, sizes.portatil);
    await signIn(page);
    await workbenchReady(page);
    let index = 0;
    const shoot = async (name: string) => {
      index += 1;
      await page.waitForTimeout(800);
      await capture(page, `pestana-${String(index).padStart(2, '0')}-${slug(name)}`);
    };
    for (const tab of await page.locator('#sidebar-tabs [role="tab"]').all()) {
      const name = (await tab.textContent()) ?? '';
      await tab.click();
      if (name !== 'Análisis') {
        await tabActions[name]?.(page);
        await shoot(name);
        continue;
      }
      for (const tool of await page.locator('#analysis-tabs [role="tab"]').all()) {
        const toolName = (await tool.textContent()) ?? '';
        await tool.click();
        await analysisActions[toolName]?.(page);
        await shoot(`${name} ${toolName}`);
        // Each tool's picture shows its own result: the choropleth leaves the map after its own.
        if (toolName === 'Indicadores') await page.locator('[data-analisis]').getByLabel('Mostrar en el mapa').uncheck();
      }
    }
    // The project card beside the project it describes: the four bridges, chosen from a search as a planner does.
    await page.locator('#sidebar-tabs [role="tab"]', { hasText: 'Buscar' }).click();
    await page.locator('#search-panel input').fill('puentes');
    await page.locator('#search-panel input').press('Enter');
    await page.locator('.search-hit', { hasText: 'Construcción de 4 puentes' }).click();
    await page.waitForSelector('#project-card[data-loaded="true"]', { timeout: 30_000 });
    await page.waitForTimeout(1_500);
    await capture(page, 'tarjeta-proyecto');
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
