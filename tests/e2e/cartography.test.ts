import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, settleForScreenshot, waitForIdleMap } from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Sit = { sit: { map: import('maplibre-gl').Map; overlay: import('@deck.gl/mapbox').MapboxOverlay } };

/** Labels deck.gl draws, with the screen box of each as the browser measures its text (not as the code estimated it). */
async function drawnLabelBoxes(page: Page) {
  return page.evaluate(() => {
    const { map, overlay } = (window as unknown as Sit).sit;
    const deck = (overlay as unknown as { _deck: { props: { layers: { id: string; props: Record<string, unknown> }[] } } })._deck;
    const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
    const boxes: { layer: string; text: string; corners: [number, number][] }[] = [];
    for (const layer of deck.props.layers) {
      if (!layer.id.startsWith('etiquetas-') || !layer.props.visible) continue;
      const size = layer.props.getSize as number;
      context.font = `${layer.props.fontWeight} ${size}px ${layer.props.fontFamily}`;
      for (const label of layer.props.data as { text: string; position: [number, number]; angle?: number }[]) {
        const centre = map.project(label.position);
        const halfWidth = context.measureText(label.text).width / 2;
        const halfHeight = size / 2;
        const radians = (-(label.angle ?? 0) * Math.PI) / 180;
        const corners = (
          [
            [-halfWidth, -halfHeight],
            [halfWidth, -halfHeight],
            [halfWidth, halfHeight],
            [-halfWidth, halfHeight],
          ] as [number, number][]
        ).map(
          ([x, y]) =>
            [centre.x + x * Math.cos(radians) - y * Math.sin(radians), centre.y + x * Math.sin(radians) + y * Math.cos(radians)] as [
              number,
              number,
            ],
        );
        boxes.push({ layer: layer.id, text: label.text, corners });
      }
    }
    return boxes;
  });
}

/** Separating-axis test for two convex quadrilaterals (the rotated label boxes). */
function overlap(a: [number, number][], b: [number, number][]): boolean {
  for (const polygon of [a, b]) {
    for (let index = 0; index < polygon.length; index += 1) {
      const [x1, y1] = polygon[index] as [number, number];
      const [x2, y2] = polygon[(index + 1) % polygon.length] as [number, number];
      const axis: [number, number] = [y1 - y2, x2 - x1];
      const project = (points: [number, number][]) => points.map(([x, y]) => x * axis[0] + y * axis[1]);
      const pa = project(a);
      const pb = project(b);
      if (Math.max(...pa) <= Math.min(...pb) || Math.max(...pb) <= Math.min(...pa)) return false;
    }
  }
  return true;
}

describe('the cartography', () => {
  it('opens framed on the town, with the whole comuna in an inset that follows the map', async () => {
    const page = await openWorkbench(browser, server);
    const view = await page.evaluate(() => {
      const { map } = (window as unknown as Sit).sit;
      const bounds = map.getBounds();
      return { zoom: map.getZoom(), west: bounds.getWest(), east: bounds.getEast(), south: bounds.getSouth(), north: bounds.getNorth() };
    });
    // The town (Plaza de Armas at −70.7616, −28.575) is in view, at a zoom where its blocks draw; not the whole comuna (1.2° wide).
    expect(view.zoom).toBeGreaterThanOrEqual(12);
    expect(view.west).toBeLessThan(-70.7616);
    expect(view.east).toBeGreaterThan(-70.7616);
    expect(view.south).toBeLessThan(-28.575);
    expect(view.north).toBeGreaterThan(-28.575);
    expect(view.east - view.west).toBeLessThan(0.3);
    const inset = page.locator('#overview svg');
    await expect.poll(() => inset.count()).toBe(1);
    expect(await inset.getAttribute('aria-label')).toContain('Vista general de la comuna');
    expect((await inset.locator('path').first().getAttribute('d'))?.length).toBeGreaterThan(100);
    const marker = async () =>
      page.evaluate(() => {
        const rect = document.querySelector<SVGRectElement>('#overview .overview-view');
        const dot = document.querySelector<SVGCircleElement>('#overview .overview-view-dot');
        const shown = rect && rect.style.display !== 'none' ? rect : dot;
        const box = shown?.getBBox();
        return box ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;
      });
    const before = await marker();
    expect(before).not.toBeNull();
    // A click on the inset's south-east moves the map there, and the marker follows.
    const box = (await inset.boundingBox()) as { x: number; y: number; width: number; height: number };
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.85);
    await waitForIdleMap(page);
    const after = await marker();
    expect(after && before && Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(10);
    await page.context().close();
  });

  it('names the streets at street zoom, and no name is written over another', async () => {
    // The west of the centre, where the street sample lies.
    const page = await openWorkbench(browser, server, { fragment: 'mapa=15.5/-28.5712/-70.7690' });
    await waitForIdleMap(page);
    const boxes = await drawnLabelBoxes(page);
    const streets = boxes.filter((box) => box.layer === 'etiquetas-calles');
    expect(streets.length).toBeGreaterThanOrEqual(4);
    // Written as a map writes them, not in the source's capitals.
    for (const street of streets) expect(street.text).not.toMatch(/^[A-ZÁÉÍÓÚÑ ]{6,}$/);
    const collisions: string[] = [];
    for (let i = 0; i < boxes.length; i += 1)
      for (let j = i + 1; j < boxes.length; j += 1)
        if (overlap((boxes[i] as (typeof boxes)[0]).corners, (boxes[j] as (typeof boxes)[0]).corners))
          collisions.push(`${boxes[i]?.text} × ${boxes[j]?.text}`);
    expect(collisions).toEqual([]);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('cartografia-calles') });
    await page.context().close();
  });

  it('draws no project in the blue of the water, and the project lines dashed over a white casing', async () => {
    const page = await openWorkbench(browser, server, { fragment: 'mapa=14/-28.5755/-70.7605' });
    const drawn = await page.evaluate(() => {
      const { overlay } = (window as unknown as Sit).sit;
      const deck = (overlay as unknown as { _deck: { props: { layers: { id: string; props: Record<string, unknown> }[] } } })._deck;
      const projects = deck.props.layers.find((layer) => layer.id === 'proyectos');
      const casing = deck.props.layers.find((layer) => layer.id === 'proyectos-borde');
      const features = (projects?.props.data ?? []) as { geometry: { type: string } | null }[];
      const colour = projects?.props.getLineColor as (feature: unknown) => number[];
      const dash = projects?.props.getDashArray as (feature: unknown) => number[];
      const lines = features.filter((feature) => feature.geometry?.type.includes('LineString'));
      return {
        lines: lines.length,
        casings: ((casing?.props.data ?? []) as unknown[]).length,
        dashes: lines.map((line) => dash(line)),
        colours: features.map((feature) => colour(feature).slice(0, 3)),
      };
    });
    expect(drawn.lines).toBeGreaterThan(0);
    expect(drawn.casings).toBe(drawn.lines);
    for (const dash of drawn.dashes) expect(dash[1]).toBeGreaterThan(0);
    // The blue family of the river (#3b8fd9, hue 208°), canals (#7ab8e8) and wetland (#2b9e8f, 173°): hues 165–255°.
    const hue = ([r = 0, g = 0, b = 0]: number[]) => {
      const max = Math.max(r, g, b);
      const delta = max - Math.min(r, g, b);
      if (delta === 0) return null;
      const h = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
      return (h * 60 + 360) % 360;
    };
    const watery = drawn.colours.filter((colour) => {
      const h = hue(colour);
      return h !== null && h >= 165 && h <= 255;
    });
    expect(watery).toEqual([]);
    await page.context().close();
  });
});
