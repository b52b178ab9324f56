import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, waitForIdleMap } from '../support/workbench.ts';

/**
 * The workbench fits its screen: at a laptop, a tablet on its side and a
 * phone, signed in, every sidebar tab (and every analysis tool, after a
 * calculation) is opened and the page is looked at. It fails when something
 * is wider than its panel or the window, when English leaks into the
 * interface, or when the map is empty.
 */
const sizes = [
  { name: 'portatil', width: 1366, height: 768, phone: false },
  { name: 'tableta', width: 1024, height: 768, phone: false },
  { name: 'telefono', width: 390, height: 844, phone: true },
] as const;

/** English that leaks from browsers, libraries and templates; none is also a Spanish word. */
const englishWords = ['Choose', 'File', 'Loading', 'Submit', 'Cancel', 'Search', 'Error', 'mm/dd/yyyy', 'undefined', 'NaN', 'null'];
const englishPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${englishWords.map((word) => word.replace(/[/.]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])|\\[object Object\\]`,
  'u',
);

let server: TestServer;
let browser: Browser;
const person = { usuario: 'ana.encaje', nombre: 'Ana Encaje', rol: 'revisor' as const, clave: 'una clave larga para encajar 2026' };
/** A project with a line geometry in the seed, reviewed against the Plan Regulador. */
const reviewedProject = 'L6.O1.P1.G1.03';

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await createAccount(server.app.db, person);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSignedIn(size: (typeof sizes)[number]): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: size.width, height: size.height },
    locale: 'es-CL',
    isMobile: size.phone,
    hasTouch: size.phone,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${server.baseUrl}/#mapa=14/-28.5755/-70.7605`);
  const status = await page.evaluate(
    async ({ usuario, clave }) =>
      (
        await fetch('/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ usuario, clave }),
        })
      ).status,
    person,
  );
  expect(status).toBe(200);
  await page.reload();
  await page.waitForSelector('body[data-ready]', { timeout: 90_000 });
  expect(await page.getAttribute('body', 'data-ready'), errors.join(' ')).toBe('true');
  await page.waitForSelector('[data-persona]');
  return page;
}

/**
 * What does not fit: the page wider than the window, a tab panel wider than
 * itself, any visible element whose box leaves its scroll container or the
 * sidebar sideways, and header items cut by the window.
 */
function overflows(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).join('.')}` : ''} «${(element.textContent ?? '').trim().slice(0, 40)}»`;
    const root = document.documentElement;
    if (root.scrollWidth > window.innerWidth + 1) found.push(`página: ${root.scrollWidth} > ${window.innerWidth}`);
    const scrollers = [
      ...document.querySelectorAll<HTMLElement>('#sidebar [role="tabpanel"]:not([hidden]), #sidebar > #edit-panel:not([hidden])'),
    ];
    for (const scroller of scrollers) {
      if (!scroller.checkVisibility()) continue;
      if (scroller.scrollWidth > scroller.clientWidth + 1)
        found.push(`${describe(scroller)}: ancho ${scroller.scrollWidth} > ${scroller.clientWidth}`);
    }
    const sidebar = document.querySelector('#sidebar');
    if (sidebar?.checkVisibility()) {
      const bounds = sidebar.getBoundingClientRect();
      for (const element of sidebar.querySelectorAll('*')) {
        if (!element.checkVisibility({ checkVisibilityCSS: true })) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        // The nearest ancestor that clips or scrolls sideways bounds the element.
        let container: Element = sidebar;
        for (let parent = element.parentElement; parent && parent !== sidebar; parent = parent.parentElement) {
          const overflowX = getComputedStyle(parent).overflowX;
          if (overflowX !== 'visible') {
            container = parent;
            break;
          }
        }
        const limit = container === sidebar ? bounds : container.getBoundingClientRect();
        if (box.right > Math.min(limit.right, bounds.right) + 1 || box.left < Math.max(limit.left, bounds.left) - 1)
          found.push(
            `${describe(element)}: sale de ${describe(container).slice(0, 40)} (${Math.round(box.left)}–${Math.round(box.right)} fuera de ${Math.round(limit.left)}–${Math.round(limit.right)})`,
          );
      }
    }
    for (const element of document.querySelectorAll('.app-header > *')) {
      if (!element.checkVisibility()) continue;
      const box = element.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 1)
        found.push(`cabecera: ${describe(element)} cortado (${Math.round(box.right)} > ${window.innerWidth})`);
      if (
        element instanceof HTMLElement &&
        element.scrollWidth > element.clientWidth + 1 &&
        getComputedStyle(element).textOverflow !== 'ellipsis'
      )
        found.push(`cabecera: ${describe(element)} recortado sin puntos suspensivos`);
    }
    return found;
  });
}

/** Visible text, placeholders, titles and labels that match the English list. */
function english(page: Page): Promise<string[]> {
  return page
    .evaluate(() => {
      const texts: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        const text = node.textContent?.trim();
        if (!text || !parent || ['SCRIPT', 'STYLE'].includes(parent.tagName) || !parent.checkVisibility()) continue;
        if (parent.closest('code, kbd, samp, [translate="no"]')) continue;
        texts.push(text);
      }
      for (const element of document.querySelectorAll('[placeholder], [title], [aria-label], [alt]')) {
        if (!element.checkVisibility()) continue;
        for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
          const value = element.getAttribute(name);
          if (value) texts.push(`${value} [${name}]`);
        }
      }
      for (const input of document.querySelectorAll('input')) {
        const box = input.getBoundingClientRect();
        if (!input.checkVisibility() || box.width <= 2 || box.height <= 2) continue;
        if (input.type === 'file') texts.push(`Choose File [native input ${input.id}]`);
        if (['date', 'datetime-local', 'month', 'week'].includes(input.type)) texts.push(`mm/dd/yyyy [native input ${input.id}]`);
      }
      return texts;
    })
    .then((texts) => texts.filter((text) => englishPattern.test(text)));
}

/** The map drew something: its data and style are loaded and it renders features over the background. */
async function mapDrawn(page: Page): Promise<{ features: number; projects: number; styleLoaded: boolean; painted: number }> {
  await waitForIdleMap(page);
  return page.evaluate(() => {
    const sit = (window as unknown as { sit: { map: import('maplibre-gl').Map; data: { projects: unknown[] } } }).sit;
    const canvas = sit.map.getCanvas();
    const copy = document.createElement('canvas');
    copy.width = 64;
    copy.height = 64;
    const context = copy.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(canvas, 0, 0, 64, 64);
    const pixels = context.getImageData(0, 0, 64, 64).data;
    const colours = new Set<number>();
    for (let index = 0; index < pixels.length; index += 4)
      colours.add(((pixels[index]! >> 3) << 10) | ((pixels[index + 1]! >> 3) << 5) | (pixels[index + 2]! >> 3));
    return {
      features: sit.map.queryRenderedFeatures().length,
      projects: sit.data.projects.length,
      styleLoaded: sit.map.isStyleLoaded() ?? false,
      painted: colours.size,
    };
  });
}

/** Opens a tab by its visible name, as a person does. */
async function openTab(page: Page, tablist: string, name: string): Promise<void> {
  const tab = page.locator(`${tablist} [role="tab"]`, { hasText: name });
  await tab.click();
  expect(await tab.getAttribute('aria-selected')).toBe('true');
}

/** Runs what each tab computes, so the results are measured too. */
const runners: Record<string, (page: Page) => Promise<void>> = {
  Buscar: async (page) => {
    await page.locator('#search-panel input').fill('puente');
    await page.locator('#search-panel').getByRole('button', { name: 'Buscar' }).click();
    await page.locator('#search-panel .search-hit').first().waitFor({ timeout: 30_000 });
  },
  Filtros: async (page) => {
    await page.locator('#filters-panel [data-counts]').waitFor();
  },
  Tablero: async (page) => {
    await page.locator('[data-panel-tablero][data-loaded]').waitFor({ timeout: 30_000 });
  },
  Microbasurales: async (page) => {
    await page.locator('[data-microbasurales-resumen][data-cargado]').waitFor({ timeout: 30_000 });
  },
};

const analysisRunners: Record<string, (page: Page) => Promise<void>> = {
  Indicadores: async (page) => {
    const panel = page.locator('[data-analisis]');
    await panel.getByRole('button', { name: 'Calcular' }).click();
    await panel.locator('[data-analisis-tabla] tbody tr').first().waitFor({ timeout: 60_000 });
    await panel.locator('[data-analisis-indicador]').selectOption('inversion_por_habitante');
    await panel.locator('[data-analisis-leyenda] li').first().waitFor();
  },
  Equidad: async (page) => {
    const panel = page.locator('[data-analisis-equidad]');
    await panel.getByRole('button', { name: 'Calcular equidad' }).click();
    await panel.locator('svg[data-lorenz], [data-gini]').first().waitFor({ timeout: 60_000 });
  },
  'Plan Regulador': async (page) => {
    const panel = page.locator('[data-revision-prc]');
    await panel.getByLabel('Código de proyecto del PLADECO').fill(reviewedProject);
    await panel.getByRole('button', { name: 'Usar proyecto' }).click();
    await panel.locator('[data-prc-vista-previa]').waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Revisar con el servidor' }).click();
    await panel.locator('[data-prc-hallazgos]').waitFor({ timeout: 60_000 });
  },
};

describe('the workbench fits its screen, in Spanish, with a map drawn', () => {
  for (const size of sizes) {
    it(`${size.name} (${size.width}×${size.height}): every tab and analysis result fits`, { timeout: 300_000 }, async () => {
      const page = await openSignedIn(size);
      const drawn = await mapDrawn(page);
      expect(drawn.styleLoaded).toBe(true);
      expect(drawn.projects).toBeGreaterThan(0);
      expect(drawn.features).toBeGreaterThan(0);
      expect(drawn.painted, 'colores distintos en el mapa').toBeGreaterThan(8);
      expect(await overflows(page)).toEqual([]);
      expect(await english(page)).toEqual([]);

      if (size.phone) {
        await page.locator('#panels-toggle').click();
        expect(await page.getAttribute('#panels-toggle', 'aria-expanded')).toBe('true');
      }
      const tabNames = await page.locator('#sidebar-tabs [role="tab"]').allTextContents();
      expect(tabNames).toEqual(['Buscar', 'Filtros', 'Capas', 'Análisis', 'Tablero', 'Informes', 'Microbasurales']);
      const problems: Record<string, string[]> = {};
      const heights: Record<string, number> = {};
      const look = async (name: string) => {
        const found = [...(await overflows(page)), ...(await english(page)).map((text) => `inglés: ${text}`)];
        if (found.length > 0) problems[name] = found;
        // The innermost tab panel shown is what scrolls: its full height is what a person scrolls through.
        heights[name] = await page.evaluate(() => {
          const shown = [...document.querySelectorAll<HTMLElement>('#sidebar [role="tabpanel"]')].filter((panel) =>
            panel.checkVisibility(),
          );
          return shown.at(-1)?.scrollHeight ?? 0;
        });
      };
      for (const name of tabNames) {
        await openTab(page, '#sidebar-tabs', name);
        if (name === 'Análisis') {
          for (const tool of await page.locator('#analysis-tabs [role="tab"]').allTextContents()) {
            await openTab(page, '#analysis-tabs', tool);
            await analysisRunners[tool]?.(page);
            await look(`${name} › ${tool}`);
            await page
              .locator('#sidebar')
              .screenshot({ path: screenshotPath(`layout-fit-${size.name}-analisis-${tool.toLowerCase().replace(/\s+/g, '-')}`) });
          }
          continue;
        }
        await runners[name]?.(page);
        await look(name);
        await page.locator('#sidebar').screenshot({ path: screenshotPath(`layout-fit-${size.name}-${name.toLowerCase()}`) });
      }
      console.log(`Altura de cada pestaña (${size.name}):`, JSON.stringify(heights));
      expect(problems).toEqual({});

      // The results moved the map to their subject and the map still draws.
      expect((await mapDrawn(page)).features).toBeGreaterThan(0);
      // Keyboard: the arrow keys move along the tabs and the choice is kept across a reload.
      await page.locator('#sidebar-tabs [role="tab"][aria-selected="true"]').focus();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      expect(await page.locator('#sidebar-tabs [role="tab"][aria-selected="true"]').textContent()).toBe('Filtros');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Filtros');
      await page.reload();
      await page.waitForSelector('body[data-ready]', { timeout: 90_000 });
      expect(await page.locator('#sidebar-tabs [role="tab"][aria-selected="true"]').textContent()).toBe('Filtros');
      await page.screenshot({ path: screenshotPath(`layout-fit-${size.name}`) });
      await page.context().close();
    });
  }
});
