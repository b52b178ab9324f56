import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, viewports, settleForScreenshot } from '../support/workbench.ts';

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

describe.each(Object.entries(viewports))('at %s size', (name, viewport) => {
  it('fits the screen: map, tools and panels reachable, nothing wider than the window', async () => {
    const page = await openWorkbench(browser, server, { viewport, fragment: 'mapa=13.5/-28.58/-70.757&proyecto=L6.O1.P1.G1.03' });
    await page.waitForSelector('#project-card[data-loaded="true"]');
    const layout = await page.evaluate(() => {
      const rect = (selector: string) => (document.querySelector(selector) as HTMLElement).getBoundingClientRect().toJSON() as DOMRect;
      return {
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        map: rect('#map canvas.maplibregl-canvas'),
        tools: [...document.querySelectorAll('.tool-buttons button')].map((button) => button.getBoundingClientRect().toJSON() as DOMRect),
        card: rect('#project-card'),
      };
    });
    expect(layout.scrollWidth).toBeLessThanOrEqual(layout.innerWidth);
    expect(layout.map.width).toBeGreaterThan(viewport.width * 0.6);
    for (const tool of layout.tools) {
      expect(tool.right).toBeLessThanOrEqual(viewport.width);
      expect(tool.bottom).toBeLessThanOrEqual(viewport.height);
    }
    expect(layout.card.right).toBeLessThanOrEqual(viewport.width + 1);
    expect(layout.card.bottom).toBeLessThanOrEqual(viewport.height + 1);
    expect(layout.card.height).toBeGreaterThan(150);
    const toggle = page.locator('#panels-toggle');
    if (viewport.width < 900) {
      // Narrow: the panels are a drawer, closed at first so the map is visible.
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await page.locator('#sidebar').isHidden()).toBe(true);
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    }
    expect(await page.locator('#sidebar').isVisible()).toBe(true);
    const search = page.getByLabel('Buscar proyectos, unidades vecinales, patrimonio, calles y lugares');
    await search.fill('domeyko');
    await search.press('Enter');
    await page.waitForSelector('.search-hit');
    expect(await page.locator('.search-hit').first().isVisible()).toBe(true);
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath(`workbench-${name}`) });
    await page.context().close();
  });
});
