import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt } from '../support/workbench.ts';
import { openCampo, phoneContext, signIn } from './campo-support.ts';

let server: TestServer;
let browser: Browser;
const clave = 'clave-de-prueba-segura';

/** The urban area of Vallenar (extent of limite_urbano), WGS 84. */
const town = { west: -70.7962, south: -28.5963, east: -70.7351, north: -28.5586 };

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await createAccount(server.app.db, { usuario: 'terreno-vista-e2e', nombre: 'Terreno Vista', rol: 'terreno', clave });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The report map's view as the page states it: zoom, and centre lon/lat. */
async function view(page: Page): Promise<{ zoom: number; lon: number; lat: number }> {
  const map = page.locator('[data-mapa-reporte]');
  const [lon, lat] = ((await map.getAttribute('data-centro')) ?? '').split(',').map(Number);
  return { zoom: Number(await map.getAttribute('data-zoom')), lon: lon ?? NaN, lat: lat ?? NaN };
}

/** Boxes of the names shown on the report map; none may cover another. */
async function shownNames(page: Page): Promise<Array<{ text: string; box: { x: number; y: number; width: number; height: number } }>> {
  return page.locator('[data-mapa-reporte] [data-nombre-mapa]').evaluateAll((elements) =>
    elements
      .filter((element) => (element as HTMLElement).style.visibility === 'visible')
      .map((element) => {
        const rect = element.getBoundingClientRect();
        return { text: element.textContent ?? '', box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height } };
      }),
  );
}

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('the field map frames the place before anything is chosen', () => {
  it('opens on the town of Vallenar at a zoom with blocks and streets, named, when there is no GPS', async () => {
    const context = await phoneContext(browser, null);
    const page = await openCampo(context, server);
    await signIn(page, 'terreno-vista-e2e', clave);
    await page.locator('[data-formulario-reporte] [data-gps="denegado"]').waitFor();
    const first = await view(page);
    expect(first.zoom).toBeGreaterThanOrEqual(13);
    expect(first.zoom).toBeLessThanOrEqual(14.5);
    expect(first.lon).toBeGreaterThan(town.west);
    expect(first.lon).toBeLessThan(town.east);
    expect(first.lat).toBeGreaterThan(town.south);
    expect(first.lat).toBeLessThan(town.north);
    await page.locator('[data-mapa-reporte] [data-nombre-mapa="lugar"]', { hasText: 'Vallenar' }).waitFor({ state: 'visible' });
    // The tiles, for the screenshot kept for review.
    await page.waitForTimeout(2500);
    await page.screenshot({ path: screenshotPath('campo-primera-vista'), fullPage: true });
    await context.close();
  });

  it('centres on the GPS fix close enough to read the street names there, none covering another', async () => {
    // Standing half-way along a street of the sample (the sample does not reach the Plaza de Armas).
    const [street] = await server.app.db.query<{ nombre: string; longitude: number; latitude: number }>(
      `select nombre, ST_X(p) as longitude, ST_Y(p) as latitude
       from (select nombre, ST_LineInterpolatePoint(ST_GeometryN(geom, 1), 0.5) as p from calles
             where nombre is not null order by ST_Length(geom::geography) desc limit 1) s`,
    );
    const standing = { longitude: street!.longitude, latitude: street!.latitude, accuracy: 8 };
    const context = await phoneContext(browser, standing);
    const page = await openCampo(context, server);
    await signIn(page, 'terreno-vista-e2e', clave);
    await page.locator('[data-formulario-reporte] [data-gps="gps"]').waitFor();
    const fix = await view(page);
    expect(fix.zoom).toBeGreaterThanOrEqual(15);
    expect(fix.zoom).toBeLessThanOrEqual(16);
    expect(fix.lon).toBeCloseTo(standing.longitude, 4);
    expect(fix.lat).toBeCloseTo(standing.latitude, 4);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: screenshotPath('campo-vista-gps'), fullPage: true });
    const streetName = page.locator('[data-mapa-reporte] [data-nombre-mapa="calle"]:visible');
    await streetName.first().waitFor();
    const names = await shownNames(page);
    expect(names.map((name) => name.text.toLocaleUpperCase('es-CL'))).toContain(street!.nombre);
    for (const [index, a] of names.entries())
      for (const b of names.slice(index + 1)) expect(overlap(a.box, b.box), `${a.text} / ${b.text}`).toBe(false);
    await context.close();
  });
});
