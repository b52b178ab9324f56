import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { waitForIdleMap } from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  server = await startTestServer();
  if (!existsSync(path.join(server.database.config.clientDir, 'index.html'))) {
    throw new Error('El cliente no está compilado: ejecute «npm run build» antes de las pruebas de navegador.');
  }
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`${server.baseUrl}/`);
  await page.waitForSelector('body[data-ready]', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the map page', () => {
  it('loads in Spanish and reports no error', async () => {
    expect(await page.getAttribute('body', 'data-ready')).toBe('true');
    expect(await page.getAttribute('html', 'lang')).toBe('es-CL');
    expect(await page.textContent('#app-subtitle')).toContain('Municipalidad de Vallenar');
  });

  it('renders the comuna polygon on the map (rendered features and pixels)', async () => {
    // The first view frames the town; the comuna's west lies out of it, so the map goes to the whole comuna.
    await page.evaluate(() =>
      (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.jumpTo({ center: [-70.75, -28.7], zoom: 8.5 }),
    );
    await waitForIdleMap(page);
    const rendered = await page.evaluate(() => {
      const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
      const features = map.queryRenderedFeatures({ layers: ['comuna-relleno'] });
      const center = map.project([-70.9, -28.7]);
      return { count: features.length, codigo: features[0]?.properties?.codigo, center: [center.x, center.y] };
    });
    expect(rendered.count).toBeGreaterThan(0);
    expect(rendered.codigo).toBe('03301');
    await page.screenshot({ path: screenshotPath('mapa-comuna') });
    // A point well inside the comuna shows the comuna fill, not the background.
    const [x, y] = rendered.center as [number, number];
    const pixel = await page.evaluate(
      ({ x, y }) => {
        const canvas = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.getCanvas();
        const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        context.canvas.width = canvas.width;
        context.canvas.height = canvas.height;
        context.drawImage(canvas, 0, 0);
        const ratio = canvas.width / canvas.clientWidth;
        return Array.from(context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data);
      },
      { x, y },
    );
    expect(pixel.slice(0, 3)).not.toEqual([0xee, 0xf1, 0xec]);
    expect(pixel[1]).toBeGreaterThan(pixel[2] as number);
  });

  it('asks nothing from outside this server (works offline)', () => {
    const foreign = requests.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
  });
});
