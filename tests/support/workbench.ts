import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from './test-server.ts';

/** A viewport the workbench must work at: a common laptop, a tablet on its side and upright. */
export const viewports = {
  laptop: { width: 1366, height: 768 },
  tabletLandscape: { width: 1024, height: 768 },
  tabletPortrait: { width: 768, height: 1024 },
} as const;

export function assertClientBuilt(server: TestServer): void {
  if (!existsSync(path.join(server.database.config.clientDir, 'index.html'))) {
    throw new Error('El cliente no está compilado: ejecute «npm run build» antes de las pruebas de navegador.');
  }
}

/** Opens the workbench at `fragment` (the part after #) and waits for its first complete render. */
export async function openWorkbench(
  browser: Browser,
  server: TestServer,
  options: { fragment?: string; viewport?: { width: number; height: number }; permissions?: string[] } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: options.viewport ?? viewports.laptop,
    acceptDownloads: true,
    permissions: options.permissions ?? [],
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/${options.fragment ? `#${options.fragment}` : ''}`);
  await page.waitForSelector('body[data-ready]', { timeout: 90_000 });
  const ready = await page.getAttribute('body', 'data-ready');
  if (ready !== 'true') throw new Error(`La mesa de trabajo no cargó (${ready}): ${await page.textContent('#status')} ${errors.join(' ')}`);
  return page;
}

/** Waits until the map has drawn everything it asked for (tiles, sources) after a change. */
export async function waitForIdleMap(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
        map.triggerRepaint();
        map.once('idle', () => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      }),
  );
}

/**
 * Waits for the map to be idle and makes the browser composite the whole
 * page again before a screenshot: with software WebGL, Chromium's
 * compositor sometimes keeps a stale patch (a white box) over the canvases
 * after a panel opens, although the canvases themselves are right.
 */
export async function settleForScreenshot(page: Page): Promise<void> {
  await waitForIdleMap(page);
  const frames = () =>
    page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  await page.evaluate(() => {
    document.body.style.opacity = '0.99';
  });
  await frames();
  await page.evaluate(() => {
    document.body.style.opacity = '';
  });
  await frames();
  await page.waitForTimeout(300);
}

/** Codes of the projects deck.gl actually renders in the viewport, read back from its picking buffer. */
export async function pickedProjectCodes(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { overlay, map } = (
      window as unknown as { sit: { overlay: import('@deck.gl/mapbox').MapboxOverlay; map: import('maplibre-gl').Map } }
    ).sit;
    const canvas = map.getCanvas();
    const picked = overlay.pickObjects({
      x: 0,
      y: 0,
      width: canvas.clientWidth,
      height: canvas.clientHeight,
      layerIds: ['proyectos'],
      maxObjects: 5000,
    });
    return [...new Set(picked.map((info) => (info.object as { properties: { codigo: string } }).properties.codigo))].sort();
  });
}

/** What the workbench says about the projects: those passing the filters and those drawn. */
export async function workbenchProjects(page: Page): Promise<{ filtered: string[]; drawn: string[]; shown: number }> {
  return page.evaluate(() => {
    const sit = (window as unknown as { sit: { filteredProjects(): string[]; drawnProjects(): string[] } }).sit;
    const shown = Number(document.querySelector<HTMLElement>('[data-counts]')?.dataset.shown ?? NaN);
    return { filtered: [...sit.filteredProjects()].sort(), drawn: [...sit.drawnProjects()].sort(), shown };
  });
}

interface ApiProject {
  id: number;
  geometry: unknown;
  properties: Record<string, unknown> & { codigo: string };
}

/** Every project the API answers for `/collections/proyectos/items?<query>`, all pages. */
export async function apiProjects(server: TestServer, query = ''): Promise<ApiProject[]> {
  const features: ApiProject[] = [];
  let next: string | undefined = `${server.baseUrl}/collections/proyectos/items?limit=1000${query ? `&${query}` : ''}`;
  while (next) {
    const response = await fetch(next);
    if (!response.ok) throw new Error(`${next}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { features: ApiProject[]; links: { rel: string; href: string }[] };
    features.push(...body.features);
    next = body.links.find((link) => link.rel === 'next')?.href;
  }
  return features;
}

export const codesOf = (projects: ApiProject[]) => projects.map((project) => project.properties.codigo).sort();
export const locatedCodesOf = (projects: ApiProject[]) => codesOf(projects.filter((project) => project.geometry !== null));

/** Fits the map to every drawn project, so picking sees all of them. */
export async function fitToDrawnProjects(page: Page): Promise<void> {
  await page.evaluate(() => {
    const sit = (
      window as unknown as {
        sit: {
          map: import('maplibre-gl').Map;
          drawnProjects(): string[];
          data: { projects: { geometry: { type: string; coordinates: unknown } | null; properties: { codigo: string } }[] };
        };
      }
    ).sit;
    const drawn = new Set(sit.drawnProjects());
    const positions: number[][] = [];
    const collect = (value: unknown) => {
      if (Array.isArray(value) && typeof value[0] === 'number') positions.push(value as number[]);
      else if (Array.isArray(value)) value.forEach(collect);
    };
    for (const project of sit.data.projects) if (drawn.has(project.properties.codigo)) collect(project.geometry?.coordinates);
    if (positions.length === 0) return;
    const xs = positions.map((position) => position[0] as number);
    const ys = positions.map((position) => position[1] as number);
    sit.map.fitBounds(
      [
        [Math.min(...xs), Math.min(...ys)],
        [Math.max(...xs), Math.max(...ys)],
      ],
      { padding: 60, duration: 0, maxZoom: 15 },
    );
  });
  await waitForIdleMap(page);
}

/**
 * Opens the sidebar tab (and the analysis sub-tab) holding `selector`, as a
 * person clicks them: the panels live in tabs and a hidden one cannot be used.
 * On a narrow screen the sidebar drawer is opened first.
 */
export async function showPanel(page: Page, selector: string): Promise<void> {
  if (await page.evaluate(() => document.body.classList.contains('panels-closed'))) await page.locator('#panels-toggle').click();
  const tabs = await page.evaluate((target) => {
    const element = document.querySelector(target);
    const ids: string[] = [];
    for (let panel = element?.closest('[role="tabpanel"]'); panel; panel = panel.parentElement?.closest('[role="tabpanel"]') ?? null)
      ids.unshift(panel.getAttribute('aria-labelledby') ?? '');
    return ids;
  }, selector);
  for (const id of tabs) await page.locator(`#${id}`).click();
}
