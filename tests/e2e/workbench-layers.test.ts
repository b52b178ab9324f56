import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import {
  apiProjects,
  assertClientBuilt,
  locatedCodesOf,
  openWorkbench,
  pickedProjectCodes,
  waitForIdleMap,
  settleForScreenshot,
  showPanel,
} from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];

/** The centre of Vallenar at a zoom where every context layer draws (calles from 13, manzanas from 12). */
const cityView = 'mapa=14.5/-28.5775/-70.7605';

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, { fragment: cityView });
  page.on('request', (request) => requests.push(request.url()));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Features MapLibre rendered in the viewport, per style layer, with one property of each. */
async function rendered(layerIds: string[], property: string): Promise<Record<string, string[]>> {
  return page.evaluate(
    ({ layerIds, property }) => {
      const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
      const result: Record<string, string[]> = {};
      for (const id of layerIds) {
        result[id] = map.queryRenderedFeatures({ layers: [id] }).map((feature) => String(feature.properties?.[property] ?? ''));
      }
      return result;
    },
    { layerIds, property },
  );
}

describe('the workbench map', () => {
  it('draws the SIT context layers from its own vector tiles (rendered features, not the DOM)', async () => {
    expect(await page.evaluate(() => (window as unknown as { sit: { baseSource: string } }).sit.baseSource)).toBe('tiles');
    // The Plan Regulador zoning is off at first (a quiet base); a reviewer turns it on.
    await showPanel(page, '#layers-panel');
    await page.check('input[data-layer="zonificacion_prc"]');
    await waitForIdleMap(page);
    const layers = await rendered(
      ['comuna-relleno', 'manzanas-relleno', 'zonificacion-relleno', 'uv-borde', 'calles', 'rio', 'canales', 'limite-urbano'],
      'nombre',
    );
    for (const [id, features] of Object.entries(layers)) expect(features.length, id).toBeGreaterThan(0);
    expect(layers['rio']).toContain('Río Huasco');
    expect((await rendered(['comuna-relleno'], 'codigo'))['comuna-relleno']).toContain('03301');
    expect((await rendered(['zonificacion-relleno'], 'codigo'))['zonificacion-relleno']?.some((code) => code.startsWith('Z'))).toBe(true);
    const tileRequests = requests.filter((url) => url.includes('/tiles/WebMercatorQuad/'));
    expect(tileRequests.length).toBeGreaterThan(0);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-ciudad') });
  });

  it('draws the plan projects with deck.gl: what it picks is what the API locates in view', async () => {
    const picked = await pickedProjectCodes(page);
    const located = new Set(locatedCodesOf(await apiProjects(server)));
    expect(picked.length).toBeGreaterThan(3);
    for (const code of picked) expect(located.has(code), code).toBe(true);
  });

  it('draws micro-dumps as points and, on demand, as a density of hexagons', async () => {
    const pick = (layerId: string) =>
      page.evaluate((layerId) => {
        const { overlay, map } = (
          window as unknown as { sit: { overlay: import('@deck.gl/mapbox').MapboxOverlay; map: import('maplibre-gl').Map } }
        ).sit;
        const canvas = map.getCanvas();
        return overlay.pickObjects({
          x: 0,
          y: 0,
          width: canvas.clientWidth,
          height: canvas.clientHeight,
          layerIds: [layerId],
          maxObjects: 500,
        }).length;
      }, layerId);
    expect(await pick('microbasurales')).toBeGreaterThan(0);
    expect(await pick('microbasurales-densidad')).toBe(0);
    await showPanel(page, '#layers-panel');
    await page.check('input[data-layer="microbasurales_densidad"]');
    await waitForIdleMap(page);
    expect(await pick('microbasurales-densidad')).toBeGreaterThan(0);
    await page.uncheck('input[data-layer="microbasurales_densidad"]');
  });

  it('writes place and street names offline with deck.gl text (no glyph server)', async () => {
    const labels = await page.evaluate(() => {
      const sit = (
        window as unknown as {
          sit: { overlay: { _deck: { props: { layers: { id: string; props: { data: { text: string }[]; visible: boolean } }[] } } } };
        }
      ).sit;
      const layers = sit.overlay._deck.props.layers;
      const texts = (id: string) => {
        const layer = layers.find((candidate) => candidate.id === id);
        return layer?.props.visible ? layer.props.data.map((label) => label.text) : [];
      };
      return { places: texts('etiquetas-lugares'), streets: texts('etiquetas-calles'), units: texts('etiquetas-unidades') };
    });
    expect(labels.places).toContain('Vallenar');
    expect(labels.streets.length).toBeGreaterThan(0);
    expect(labels.units.some((name) => name.startsWith('Zona censal'))).toBe(true);
    // The name "Vallenar" is really painted: dark text pixels on deck.gl's canvas around its position.
    const inkPixels = await page.evaluate(() => {
      const { overlay, map } = (
        window as unknown as { sit: { overlay: import('@deck.gl/mapbox').MapboxOverlay; map: import('maplibre-gl').Map } }
      ).sit;
      const deckCanvas = overlay.getCanvas() as HTMLCanvasElement;
      const ratio = deckCanvas.width / deckCanvas.clientWidth;
      const point = map.project([-70.755686, -28.575354]);
      const copy = document.createElement('canvas');
      copy.width = deckCanvas.width;
      copy.height = deckCanvas.height;
      const context = copy.getContext('2d') as CanvasRenderingContext2D;
      context.drawImage(deckCanvas, 0, 0);
      const box = context.getImageData(
        Math.round((point.x - 40) * ratio),
        Math.round((point.y - 12) * ratio),
        Math.round(80 * ratio),
        Math.round(24 * ratio),
      ).data;
      let dark = 0;
      for (let index = 0; index < box.length; index += 4) {
        if ((box[index + 3] as number) > 200 && (box[index] as number) < 90 && (box[index + 1] as number) < 90) dark += 1;
      }
      return dark;
    });
    expect(inkPixels).toBeGreaterThan(30);
  });

  it('hides a layer and fades another from the layers panel, and lists each with its legend', async () => {
    await showPanel(page, '#layers-panel');
    await page.uncheck('input[data-layer="manzanas_censales"]');
    await waitForIdleMap(page);
    expect((await rendered(['manzanas-relleno'], 'manzent'))['manzanas-relleno']).toEqual([]);
    await page.check('input[data-layer="manzanas_censales"]');
    await page.fill('input[data-opacity="zonificacion_prc"]', '40');
    await waitForIdleMap(page);
    const opacity = await page.evaluate(() =>
      (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.getPaintProperty('zonificacion-relleno', 'fill-opacity'),
    );
    expect(opacity).toBeCloseTo(0.45 * 0.4, 5);
    const legend = await page.locator('[data-layer-row="proyectos"] .legend-items li').allTextContents();
    expect(legend.some((text) => text.startsWith('L6 · Vallenar impulsora'))).toBe(true);
    expect(await page.locator('[data-layer-row="microbasurales"]').textContent()).toContain('demostración');
  });

  it('asks nothing from outside this server (works offline, no external basemap by default)', () => {
    const foreign = requests.filter((url) => !url.startsWith(server.baseUrl) && !url.startsWith('data:') && !url.startsWith('blob:'));
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
