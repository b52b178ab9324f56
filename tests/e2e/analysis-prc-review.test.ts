import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, Polygon } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { loadAnalysisFixture, readInput, toLonLat } from '../http/analysis-fixture.ts';
import { artifactsDir, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, showPanel, waitForIdleMap } from '../support/workbench.ts';

/**
 * The Plan Regulador check in Chromium on the analysis fixture territory
 * (tests/fixtures/analysis, built in UTM 19S): heritage H2 at
 * (357 500, 6 804 500), H3 at (358 530, 6 804 500); the current wetland is
 * x ∈ [357 000, 358 000], the proposed one x ∈ [357 000, 359 000], both
 * y ∈ [6 804 000, 6 805 000].
 */
let server: TestServer;
let browser: Browser;
let page: Page;
const reviewer = { usuario: 'revisora.prc', nombre: 'Revisora Plan Regulador', clave: 'una clave larga de prueba 2026' };

function poppler(tool: 'pdftoppm' | 'pdftotext'): string {
  const found = ['/usr/bin', '/usr/local/bin'].map((dir) => path.join(dir, tool)).find((file) => existsSync(file));
  if (!found) throw new Error(`Falta ${tool}: instale el paquete Debian «poppler-utils».`);
  return found;
}

/** A rectangle given in UTM 19S metres, as lon/lat. */
const rectangleUtm = (west: number, south: number, east: number, north: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
      [west, south],
    ],
  ],
});

/** Values the page shows as data attributes: preview and server, keyed by wetland version or heritage id. */
async function shownValues(selector: string, key: string, value: string): Promise<Record<string, number>> {
  return page.$$eval(
    selector,
    (elements, [keyName, valueName]) =>
      Object.fromEntries(elements.map((element) => [element.getAttribute(keyName!)!, Number(element.getAttribute(valueName!))])),
    [key, value],
  );
}

/** Preview and server agree within 0.5 % (or 1 cm / 1 m² near zero). */
function expectAgreement(preview: Record<string, number>, serverValues: Record<string, number>) {
  expect(Object.keys(preview).sort()).toEqual(Object.keys(serverValues).sort());
  for (const [key, value] of Object.entries(serverValues)) {
    expect(Math.abs(preview[key]! - value), key).toBeLessThanOrEqual(Math.max(0.01, Math.abs(value) * 0.005));
  }
}

async function reviewOnServer(): Promise<void> {
  const panel = page.locator('[data-revision-prc]');
  await panel.getByRole('button', { name: 'Revisar con el servidor' }).click();
  await panel.locator('[data-prc-hallazgos]').waitFor();
  await expect.poll(() => panel.locator('[data-prc-acuerdo]').textContent()).toContain('coincide con el servidor');
}

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await loadAnalysisFixture(server.database.db);
  await createAccount(server.database.db, { ...reviewer, rol: 'revisor' });
  browser = await launchBrowser();
  page = await openWorkbench(browser, server);
  // Sign in the way the login form does; the session cookie then authenticates the page.
  const status = await page.evaluate(
    async (credentials) => {
      const response = await fetch('/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(credentials),
      });
      return response.status;
    },
    { usuario: reviewer.usuario, clave: reviewer.clave },
  );
  expect(status).toBe(200);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
  await showPanel(page, '[data-revision-prc]');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Plan Regulador check in the workbench', () => {
  it('previews an uploaded intervention in the browser within 0.5 % of the server', async () => {
    // The 1000 × 200 m rectangle of the HTTP golden test: H2 on its edge, H3 30 m away, 10 ha and 20 ha of wetland.
    const rectangle = await toLonLat(server.database.db, readInput<Feature>('revision-prc-utm.geojson').geometry);
    const file = path.join(artifactsDir, 'intervencion-prc.geojson');
    writeFileSync(
      file,
      JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: rectangle }] }),
    );
    const panel = page.locator('[data-revision-prc]');
    await panel.getByLabel('Cargar GeoJSON (EPSG:4326)').setInputFiles(file);
    await panel.locator('[data-prc-vista-previa]').waitFor();
    const previewWetland = await shownValues('[data-preview-humedal]', 'data-preview-humedal', 'data-area-m2');
    expect(previewWetland.vigente).toBeCloseTo(100_000, -1);
    expect(previewWetland.ampliacion_propuesta).toBeCloseTo(200_000, -1);

    await reviewOnServer();
    const serverWetland = await shownValues('[data-humedal]', 'data-humedal', 'data-area-m2');
    expect(serverWetland).toEqual({ vigente: 100_000, ampliacion_propuesta: 200_000 });
    expectAgreement(previewWetland, serverWetland);
    const previewHeritage = await shownValues('[data-preview-patrimonio]', 'data-preview-patrimonio', 'data-distancia-m');
    const serverHeritage = await shownValues('[data-patrimonio]', 'data-patrimonio', 'data-distancia-m');
    expect(Object.values(serverHeritage).sort((a, b) => a - b)).toEqual([0, 30]);
    expectAgreement(previewHeritage, serverHeritage);
  });

  it('checks a drawn polygon touching a heritage building and the wetland, stores it and prints the report', async () => {
    // Drawn: x ∈ [357 450, 358 450], y ∈ [6 804 420, 6 804 580]. H2 inside; H3 80 m east; 550 × 160 m of the
    // current wetland (88 000 m²) and the whole 1000 × 160 m (160 000 m²) of the proposed one.
    const drawn = (await toLonLat(server.database.db, rectangleUtm(357_450, 6_804_420, 358_450, 6_804_580))) as Polygon;
    const corners = drawn.coordinates[0]!.slice(0, 4);
    await page.evaluate(
      (center) => {
        const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
        map.jumpTo({ center: center as [number, number], zoom: 15, bearing: 0, pitch: 0 });
      },
      [(corners[0]![0]! + corners[2]![0]!) / 2, (corners[0]![1]! + corners[2]![1]!) / 2],
    );
    await waitForIdleMap(page);

    const panel = page.locator('[data-revision-prc]');
    await panel.getByLabel('Distancia al patrimonio (m)').fill('100');
    await panel.getByRole('button', { name: 'Dibujar polígono' }).click();
    const box = (await page.locator('#map').boundingBox())!;
    const pixels = await page.evaluate((positions) => {
      const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
      return positions.map((position) => map.project(position as [number, number])).map(({ x, y }) => [x, y]);
    }, corners);
    for (const [x, y] of pixels) {
      await page.mouse.move(box.x + x!, box.y + y!);
      await page.mouse.click(box.x + x!, box.y + y!);
    }
    // The preview follows the drawing before it is finished.
    await panel.locator('[data-prc-vista-previa]').waitFor();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-preview-patrimonio]').count()).toBe(2);

    await reviewOnServer();
    const serverHeritage = await page.$$eval('[data-patrimonio]', (items) => items.map((item) => item.textContent ?? ''));
    expect(serverHeritage[0]).toContain('H2 borde de la revisión (Inmueble de Conservación Histórica): dentro o en el borde');
    const distances = await shownValues('[data-patrimonio]', 'data-patrimonio', 'data-distancia-m');
    const sorted = Object.values(distances).sort((a, b) => a - b);
    expect(sorted[0]).toBe(0);
    // One screen pixel at zoom 15 is about 4 m here: the drawn corners land within a pixel of the intended ones.
    expect(Math.abs(sorted[1]! - 80)).toBeLessThan(6);
    const wetland = await shownValues('[data-humedal]', 'data-humedal', 'data-area-m2');
    expect(Math.abs(wetland.vigente! - 88_000) / 88_000).toBeLessThan(0.03);
    expect(Math.abs(wetland.ampliacion_propuesta! - 160_000) / 160_000).toBeLessThan(0.03);
    expectAgreement(await shownValues('[data-preview-humedal]', 'data-preview-humedal', 'data-area-m2'), wetland);
    expectAgreement(await shownValues('[data-preview-patrimonio]', 'data-preview-patrimonio', 'data-distancia-m'), distances);

    await panel.getByLabel('Título de la revisión').fill('Mirador del humedal, sector poniente');
    await panel.getByRole('button', { name: 'Guardar revisión e informe' }).click();
    const report = panel.locator('[data-prc-informe]');
    await report.waitFor({ state: 'visible', timeout: 30_000 });
    await panel.screenshot({ path: screenshotPath('analysis-prc-panel') });
    const href = (await report.getAttribute('href'))!;
    expect(href).toMatch(/^\/analysis\/revisiones-prc\/\d+\.html$/);

    const [stored] = await server.database.db.query<{ autor: string; mapa: number; audit: number }>(
      `select r.autor, length(r.mapa_png) as mapa,
         (select count(*) from auditoria a where a.recurso = 'revisiones_prc' and a.objeto_id = r.id::text)::int as audit
       from revisiones_prc r order by id desc limit 1`,
    );
    expect(stored).toMatchObject({ autor: reviewer.nombre, audit: 1 });
    expect(stored!.mapa).toBeGreaterThan(10_000);

    // The printed report: the page the link opens, printed by Chromium to an A4 PDF.
    const reportPage = await page.context().newPage();
    await reportPage.goto(`${server.baseUrl}${href}`);
    expect(await reportPage.locator('img[src^="data:image/png;base64,"]').count()).toBe(1);
    const output = path.join(artifactsDir, 'revision-prc.pdf');
    writeFileSync(output, await reportPage.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
    await reportPage.close();
    const prefix = path.join(artifactsDir, 'revision-prc-p1');
    execFileSync(poppler('pdftoppm'), ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', output, prefix]);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
    const text = execFileSync(poppler('pdftotext'), [output, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of [
      'Mirador del humedal, sector poniente',
      `Revisado por ${reviewer.nombre}`,
      'H2 borde de la revisión',
      'Inmueble de Conservación Histórica',
      'Dentro o en el borde',
      'H3 a 30 m',
      'Humedal vigente',
      'Ampliación propuesta',
      'ZT1',
      'Área verde',
      'R1 a 150 m',
    ]) {
      expect(text, expected).toContain(expected);
    }
  });

  it('reviews a project picked on the map by its code', async () => {
    const position = await page.evaluate(() => {
      const { map, data } = (
        window as unknown as {
          sit: {
            map: import('maplibre-gl').Map;
            data: { projects: { geometry: { type: string; coordinates: number[] } | null; properties: { codigo: string } }[] };
          };
        }
      ).sit;
      const project = data.projects.find((candidate) => candidate.properties.codigo === 'L6.O1.P1.G1.03');
      if (project?.geometry?.type !== 'Point') return null;
      map.jumpTo({ center: project.geometry.coordinates as [number, number], zoom: 15 });
      return project.geometry.coordinates;
    });
    expect(position).not.toBeNull();
    await waitForIdleMap(page);
    const point = await page.evaluate((lonLat) => {
      const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
      return map.project(lonLat as [number, number]);
    }, position);
    const panel = page.locator('[data-revision-prc]');
    await panel.getByRole('button', { name: 'Elegir proyecto en el mapa' }).click();
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect.poll(() => panel.getByLabel('Código de proyecto del PLADECO').inputValue()).toBe('L6.O1.P1.G1.03');
    await panel.getByRole('button', { name: 'Revisar con el servidor' }).click();
    await panel.locator('[data-prc-hallazgos]').waitFor();
    // The bridges project sits at (600, 600) in UV-A, far from every PRC fixture: no zone, no heritage.
    expect(await panel.locator('[data-zona]').count()).toBe(0);
    expect(await panel.locator('[data-patrimonio]').count()).toBe(0);
  });
});
