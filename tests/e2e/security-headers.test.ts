import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { authHeaders } from '../support/auth.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { phoneContext, signIn, vallenar, waitForServiceWorker } from './campo-support.ts';

/**
 * Every kind of page the SIT serves, loaded in Chromium under the
 * Content-Security-Policy it is sent with: no violation reported, nothing
 * requested from another origin, and the page did what it is for.
 */
let server: TestServer;
let browser: Browser;
let revisor: { authorization: string };
let reviewId: number;
let unitId: number;
const field = { usuario: 'tomas.terreno', clave: 'clave de terreno 2026' };

beforeAll(async () => {
  server = await startTestServer();
  if (!existsSync(path.join(server.database.config.clientDir, 'index.html'))) {
    throw new Error('El cliente no está compilado: ejecute «npm run build» antes de las pruebas de navegador.');
  }
  browser = await launchBrowser();
  await createAccount(server.app.db, { ...field, nombre: 'Tomás Terreno', rol: 'terreno' });
  revisor = await authHeaders(server.app, 'revisor');
  const map = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 30, g: 120, b: 90 } } })
    .png()
    .toBuffer();
  const review = await server.app.inject({
    method: 'POST',
    url: '/analysis/revisiones-prc',
    headers: revisor,
    payload: {
      titulo: 'Plaza de Armas, pavimentos',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-70.7595, -28.576],
            [-70.758, -28.576],
            [-70.758, -28.5748],
            [-70.7595, -28.5748],
            [-70.7595, -28.576],
          ],
        ],
      },
      mapa_png: `data:image/png;base64,${map.toString('base64')}`,
    },
  });
  expect(review.statusCode, review.body).toBe(201);
  reviewId = review.json().id;
  const [unit] = await server.app.db.query<{ id: number }>('select id from unidades_vecinales order by id limit 1');
  unitId = unit!.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Watched {
  page: Page;
  /** Violations reported to the page, CSP errors in its console (workers included) and requests that left the SIT. */
  problems(): Promise<string[]>;
}

/** A page of `context` that records every sign of the policy getting in the way. */
async function watchedPage(context: BrowserContext, origin: string): Promise<Watched> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content.Security.Policy/i.test(message.text())) problems.push(`consola: ${message.text()}`);
  });
  page.on('pageerror', (error) => {
    if (/Content.Security.Policy|unsafe-eval|EvalError/i.test(error.message)) problems.push(`error: ${error.message}`);
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !/^(data|blob):/.test(url)) problems.push(`petición externa: ${url}`);
  });
  return {
    page,
    async problems() {
      const reported = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
      return [...problems, ...reported.map((violation) => `violación: ${violation}`)];
    },
  };
}

describe('pages under their Content-Security-Policy', () => {
  it('the workbench draws its map (MapLibre workers, tiles, deck.gl) with no violation', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    const { page, problems } = await watchedPage(context, server.baseUrl);
    await page.goto(`${server.baseUrl}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await page.locator('#map canvas.maplibregl-canvas').count()).toBe(1);
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.queryRenderedFeatures({ layers: ['comuna-relleno'] })
              .length,
        ),
      )
      .toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('csp-mesa-de-trabajo') });
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('the field app registers its service worker, signs in and shows its position map with no violation', async () => {
    const context = await phoneContext(browser, vallenar);
    const { page, problems } = await watchedPage(context, server.baseUrl);
    await page.goto(`${server.baseUrl}/campo`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    await page.locator('[data-ingreso]').waitFor();
    await waitForServiceWorker(page);
    await signIn(page, field.usuario, field.clave);
    await page.locator('[data-formulario-reporte] [data-gps="gps"]').waitFor();
    await page.locator('[data-mapa-reporte] canvas.maplibregl-canvas').waitFor();
    await page.screenshot({ path: screenshotPath('csp-campo') });
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('the printable reports render with their own styles and the review its map image', async () => {
    const context = await browser.newContext({ extraHTTPHeaders: revisor });
    const { page, problems } = await watchedPage(context, server.baseUrl);

    await page.goto(`${server.baseUrl}/reportes/semestral.html?anio=2026&semestre=1`);
    expect(await page.locator('h1').textContent()).toContain('Informe semestral de avance del PLADECO');
    // The inline <style> applies: the page is not laid out with the browser's default serif font.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).not.toBe('"Times New Roman"');

    await page.goto(`${server.baseUrl}/reportes/unidad-vecinal/${unitId}.html`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('svg path').count()).toBeGreaterThan(0);

    await page.goto(`${server.baseUrl}/analysis/revisiones-prc/${reviewId}.html`);
    expect(await page.locator('h1').textContent()).toContain('Plaza de Armas, pavimentos');
    await expect.poll(() => page.locator('figure img').evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(320);
    await page.screenshot({ path: screenshotPath('csp-revision-prc'), fullPage: true });
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('the API documentation lists the operations with no violation', async () => {
    const context = await browser.newContext();
    const { page, problems } = await watchedPage(context, server.baseUrl);
    await page.goto(`${server.baseUrl}/api.html`);
    expect(await page.locator('details.operacion').count()).toBeGreaterThan(20);
    expect(await page.locator('h1').textContent()).toContain('SIT Vallenar');
    await page.screenshot({ path: screenshotPath('csp-api') });
    expect(await problems()).toEqual([]);
    await context.close();
  });

  it('the error pages: a missing resource, and the page shown while the client is not built', async () => {
    const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'sit-sin-cliente-'));
    let unbuilt: FastifyInstance | undefined;
    try {
      unbuilt = await buildApp({ config: { ...server.database.config, clientDir: emptyDir }, database: server.app.db, logger: false });
      await unbuilt.listen({ port: 0, host: '127.0.0.1' });
      const unbuiltUrl = `http://127.0.0.1:${(unbuilt.server.address() as AddressInfo).port}`;
      const context = await browser.newContext();
      const { page, problems } = await watchedPage(context, unbuiltUrl);
      const notBuilt = await page.goto(`${unbuiltUrl}/`);
      expect(notBuilt?.status()).toBe(503);
      expect(await page.locator('body').textContent()).toContain('El cliente no está compilado');
      const missing = await page.goto(`${unbuiltUrl}/no-existe`);
      expect(missing?.status()).toBe(404);
      expect(await page.locator('body').textContent()).toContain('No existe el recurso GET /no-existe');
      expect(await problems()).toEqual([]);
      await context.close();
    } finally {
      await unbuilt?.close();
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});
