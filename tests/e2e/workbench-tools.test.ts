import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureArea } from '../../client/src/analysis/measure-area.ts';
import { measureDistance } from '../../client/src/analysis/measure-distance.ts';
import { utmZone19sFromLonLat } from '../../client/src/analysis/utm-zone-19s.ts';
import { formatArea, formatDistance } from '../../client/src/i18n/format.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, waitForIdleMap, settleForScreenshot } from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;
let canvasBox: { x: number; y: number; width: number; height: number };

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, { fragment: 'mapa=14/-28.5775/-70.757' });
  canvasBox = (await page.locator('#map canvas.maplibregl-canvas').boundingBox()) as typeof canvasBox;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Lon/lat under a pixel of the map (relative to the canvas). */
const lonLatAt = (x: number, y: number) =>
  page.evaluate(
    ({ x, y }) =>
      (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.unproject([x, y]).toArray() as [number, number],
    { x, y },
  );

describe('measuring', () => {
  it('measures a distance clicked on the map, as the pure function computes it', async () => {
    await page.click('[data-tool="distancia"]');
    expect(await page.getAttribute('[data-tool="distancia"]', 'aria-pressed')).toBe('true');
    const pixels: [number, number][] = [
      [300, 300],
      [500, 320],
      [620, 450],
    ];
    for (const [x, y] of pixels) await page.mouse.click(canvasBox.x + x, canvasBox.y + y);
    await page.keyboard.press('Enter');
    const positions = await Promise.all(pixels.map(([x, y]) => lonLatAt(x, y)));
    const expected = formatDistance(measureDistance(positions));
    expect(await page.textContent('[data-measure]')).toBe(`Distancia: ${expected}`);
    expect(await page.getAttribute('[data-tool="distancia"]', 'aria-pressed')).toBe('false');
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-medicion') });
    await page.click('[data-tool="borrar"]');
  });

  it('measures an area with the keyboard only, adding the map centre as each vertex', async () => {
    await page.focus('[data-tool="area"]');
    await page.keyboard.press('Enter');
    const centres: [number, number][] = [];
    for (const [dx, dy] of [
      [0, 0],
      [250, 0],
      [0, 200],
    ]) {
      await page.evaluate(
        ({ dx, dy }) =>
          (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.panBy([dx as number, dy as number], { duration: 0 }),
        { dx, dy },
      );
      centres.push(
        await page.evaluate(
          () => (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.getCenter().toArray() as [number, number],
        ),
      );
      await page.focus('[data-tool="agregar-centro"]');
      await page.keyboard.press('Enter');
    }
    await page.focus('[data-tool="terminar"]');
    await page.keyboard.press('Enter');
    expect(await page.textContent('[data-measure]')).toBe(`Área: ${formatArea(measureArea(centres))}`);
    await page.keyboard.press('Escape');
    expect(await page.locator('.measure-panel').isHidden()).toBe(true);
  });
});

describe('coordinates and scale', () => {
  it('shows the pointer in WGS 84 and UTM 19S (EPSG:32719)', async () => {
    await page.mouse.move(canvasBox.x + 400, canvasBox.y + 250);
    const [longitude, latitude] = await lonLatAt(400, 250);
    const shown = await page.evaluate(() => ({ ...(document.querySelector('#coordinates') as HTMLElement).dataset }));
    expect(Number(shown.lon)).toBeCloseTo(longitude, 5);
    expect(Number(shown.lat)).toBeCloseTo(latitude, 5);
    const utm = utmZone19sFromLonLat(longitude, latitude);
    expect(Number(shown.easting)).toBeCloseTo(utm.easting, 0);
    expect(Number(shown.northing)).toBeCloseTo(utm.northing, 0);
    expect(await page.textContent('#coordinates')).toMatch(/UTM 19S: \d{3}\.\d{3} E 6\.\d{3}\.\d{3} N/);
  });

  it('has a metric scale bar', async () => {
    expect(await page.textContent('.maplibregl-ctrl-scale')).toMatch(/^\d+\s(m|km)$/);
  });
});

describe('exporting the view', () => {
  it('saves a PNG with both the map and the deck.gl layers composed', async () => {
    // A located point project in the middle of the view, so its colour must be in the image.
    const target = await page.evaluate(() => {
      const sit = (
        window as unknown as {
          sit: {
            map: import('maplibre-gl').Map;
            data: { projects: { geometry: { coordinates: number[] } | null; properties: { codigo: string } }[] };
          };
        }
      ).sit;
      const project = sit.data.projects.find((candidate) => candidate.properties.codigo === 'L6.O1.P1.G4.01');
      const [longitude, latitude] = project?.geometry?.coordinates ?? [];
      sit.map.jumpTo({ center: [longitude as number, latitude as number], zoom: 16, pitch: 0, bearing: 0 });
      const canvas = sit.map.getCanvas();
      return {
        x: canvas.clientWidth / 2,
        y: canvas.clientHeight / 2,
        width: canvas.width,
        height: canvas.height,
        ratio: canvas.width / canvas.clientWidth,
      };
    });
    await waitForIdleMap(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-tool="exportar"]')]);
    expect(download.suggestedFilename()).toMatch(/^sit-vallenar-.*\.png$/);
    const bytes = await readFile((await download.path()) as string);
    expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    // The map, then a legend column beside it; the footer below.
    expect(width).toBeGreaterThan(target.width);
    expect(height).toBeGreaterThan(target.height);
    // Decode the PNG in the page: the pixel at the project is the L6 purple of deck.gl, not the map below; the legend
    // column holds ink (its text and swatches), and among its swatches the same purple.
    const image = await page.evaluate(
      async ({ base64, x, y, mapWidth }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${base64}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = image.width;
        canvas.height = image.height;
        const context = canvas.getContext('2d') as CanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const legend = context.getImageData(mapWidth, 0, image.width - mapWidth, image.height).data;
        let ink = 0;
        let purple = 0;
        for (let index = 0; index < legend.length; index += 4) {
          const [r, g, b] = [legend[index] as number, legend[index + 1] as number, legend[index + 2] as number];
          if (r < 100 && g < 100 && b < 100) ink += 1;
          if (Math.abs(r - 0x6a) < 16 && Math.abs(g - 0x3d) < 16 && Math.abs(b - 0x9a) < 16) purple += 1;
        }
        return { pixel: Array.from(context.getImageData(x, y, 1, 1).data), ink, purple };
      },
      {
        base64: bytes.toString('base64'),
        x: Math.round(target.x * target.ratio),
        y: Math.round(target.y * target.ratio),
        mapWidth: target.width,
      },
    );
    const [red, green, blue] = image.pixel as [number, number, number];
    expect(Math.abs(red - 0x6a)).toBeLessThan(30);
    expect(Math.abs(green - 0x3d)).toBeLessThan(30);
    expect(Math.abs(blue - 0x9a)).toBeLessThan(30);
    expect(image.ink).toBeGreaterThan(500);
    expect(image.purple).toBeGreaterThan(20);
  });
});

describe('the 3D view of investment per neighbourhood unit', () => {
  it('raises the view, and says honestly that no project has a budget', async () => {
    await page.evaluate(() =>
      (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.jumpTo({ center: [-70.757, -28.578], zoom: 12.5 }),
    );
    await page.click('[data-tool="3d"]');
    await page.waitForFunction(() => (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.getPitch() > 45);
    await waitForIdleMap(page);
    expect(await page.textContent('[data-sin-presupuesto]')).toContain('Ningún proyecto filtrado tiene presupuesto registrado');
    await page.selectOption('[data-metrica]', 'proyectos');
    await waitForIdleMap(page);
    expect(await page.locator('[data-sin-presupuesto]').isHidden()).toBe(true);
    const picked = await page.evaluate(() => {
      const { overlay, map } = (
        window as unknown as { sit: { overlay: import('@deck.gl/mapbox').MapboxOverlay; map: import('maplibre-gl').Map } }
      ).sit;
      const canvas = map.getCanvas();
      return overlay
        .pickObjects({ x: 0, y: 0, width: canvas.clientWidth, height: canvas.clientHeight, layerIds: ['inversion-3d'], maxObjects: 100 })
        .map((info) => (info.object as { properties: { codigo: string; proyectos: number } }).properties);
    });
    const units = (
      (await (await fetch(`${server.baseUrl}/plan/unidades-vecinales`)).json()) as { unidades: { codigo: string; proyectos: string[] }[] }
    ).unidades;
    expect(picked.length).toBeGreaterThan(3);
    for (const unit of picked)
      expect(unit.proyectos, unit.codigo).toBe(units.find((candidate) => candidate.codigo === unit.codigo)?.proyectos.length);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-3d') });
    await page.click('[data-tool="3d"]');
    await page.waitForFunction(() => (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.getPitch() < 1);
  });
});
