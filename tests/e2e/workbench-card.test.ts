import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, settleForScreenshot, showPanel, waitForIdleMap } from '../support/workbench.ts';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, { fragment: 'mapa=14/-28.5775/-70.757' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Describes the focused element: tag, id or data attribute, and its accessible text. */
const focused = () =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement;
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? ''}`;
  });

describe('keyboard use', () => {
  it('starts the tab order with the skip link, the panels button, the header (API, sign in), the chosen tab, the search and its button', async () => {
    await page.focus('body');
    const stops: string[] = [];
    for (let index = 0; index < 7; index += 1) {
      await page.keyboard.press('Tab');
      stops.push(await focused());
    }
    expect(stops[0]).toMatch(/^a#skip-link Saltar al mapa/);
    expect(stops[1]).toMatch(/^button#panels-toggle/);
    expect(stops[2]).toMatch(/^a#api-link/);
    expect(stops[3]).toMatch(/^button.* Iniciar sesión/);
    // The tab list is one stop (the chosen tab); the arrow keys move along it.
    expect(stops[4]).toMatch(/^button#pestana-buscar Buscar/);
    expect(stops[5]).toMatch(/^input#buscar/);
    expect(stops[6]).toMatch(/^button Buscar/);
  });

  it('shows where the focus is', async () => {
    await page.focus('[data-tool="distancia"]');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('gives every control a name a screen reader can read, in Spanish', async () => {
    const unnamed = await page.evaluate(() =>
      [...document.querySelectorAll('button, input, select, a[href]')]
        .filter((element) => (element as HTMLElement).offsetParent !== null)
        .filter((element) => {
          const label = element.id ? document.querySelector(`label[for="${element.id}"]`) : null;
          const name = element.getAttribute('aria-label') ?? label?.textContent ?? element.getAttribute('title') ?? element.textContent;
          return !name || name.trim() === '';
        })
        .map((element) => element.outerHTML.slice(0, 120)),
    );
    expect(unnamed).toEqual([]);
  });

  it('searches with Enter, opens a result with Enter, and Esc closes the card back to the result', async () => {
    await page.getByLabel('Buscar proyectos, unidades vecinales, patrimonio, calles y lugares').focus();
    await page.keyboard.type('san ambrosio');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.search-hit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toMatch(/^button Restauración Iglesia San Ambrosio|^button Iglesia San Ambrosio/);
    const project = page.locator('.search-hit[data-capa="proyectos"]');
    await project.focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('#project-card[data-loaded="true"]');
    expect(await focused()).toMatch(/^h2#ficha-titulo/);
    expect(await page.textContent('#project-card h2')).toBe('Restauración Iglesia San Ambrosio');
    await page.keyboard.press('Escape');
    expect(await page.locator('#project-card').isHidden()).toBe(true);
    expect(await focused()).toMatch(/^button Restauración Iglesia San Ambrosio/);
  });
});

describe('the project card', () => {
  it('opens when a project is clicked on the map, with its lineage, status and budget', async () => {
    // The Iglesia San Ambrosio restoration is a point project: click right on it.
    const point = await page.evaluate(() => {
      const sit = (
        window as unknown as {
          sit: {
            map: import('maplibre-gl').Map;
            data: { projects: { geometry: { type: string; coordinates: number[] } | null; properties: { codigo: string } }[] };
          };
        }
      ).sit;
      const project = sit.data.projects.find((candidate) => candidate.properties.codigo === 'L6.O1.P1.G4.01');
      const [longitude, latitude] = project?.geometry?.coordinates ?? [];
      sit.map.jumpTo({ center: [longitude as number, latitude as number], zoom: 16 });
      return sit.map.project([longitude as number, latitude as number]);
    });
    await waitForIdleMap(page);
    const box = await page.locator('#map canvas.maplibregl-canvas').boundingBox();
    await page.mouse.click((box?.x ?? 0) + point.x, (box?.y ?? 0) + point.y);
    await page.waitForSelector('#project-card[data-codigo="L6.O1.P1.G4.01"][data-loaded="true"]');
    const levels = await page
      .locator('#project-card .lineage li')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.nivel));
    expect(levels).toEqual(['lineamiento', 'objetivo', 'plan', 'programa', 'proyecto']);
    const text = await page.textContent('#project-card');
    expect(text).toContain('Plan Ciudad Bicentenario Vallenar 2034');
    expect(text).toContain('sin estado registrado');
    expect(text).toContain('sin presupuesto registrado');
    expect(text).toContain('aproximada');
    await settleForScreenshot(page);
    await page.screenshot({ path: screenshotPath('workbench-ficha') });
  });

  it('links to the project in the API, which answers the same project', async () => {
    const href = await page.getAttribute('#project-card [data-api-link]', 'href');
    const response = await fetch(`${server.baseUrl}${href}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { properties: { codigo: string } }).properties.codigo).toBe('L6.O1.P1.G4.01');
  });

  it('tells honestly when a project has no location, so no neighbourhood unit can be named', async () => {
    await showPanel(page, '.project-details');
    await page.locator('.project-details summary').click();
    await page.locator('[data-project="L1.O1.P1.G1.01"]').click();
    await page.waitForSelector('#project-card[data-codigo="L1.O1.P1.G1.01"][data-loaded="true"]');
    const text = await page.textContent('#project-card');
    expect(text).toContain('sin ubicación registrada');
    expect(text).toContain('no tiene ubicación registrada');
    await page.click('#project-card .card-close');
    expect(await page.locator('#project-card').isHidden()).toBe(true);
    await page.waitForFunction(() => !location.hash.includes('proyecto='));
  });

  it('shows what the PLADECO text says along the lineage and what it mentions, apart from what SECPLA records', async () => {
    // The project list may be open or closed from an earlier step: open it.
    await page.evaluate(() => document.querySelector('.project-details')?.setAttribute('open', ''));
    await showPanel(page, '.project-details');
    await page.locator('[data-project="L2.O1.P1.G9.01"]').click();
    await page.waitForSelector('#project-card[data-codigo="L2.O1.P1.G9.01"][data-loaded="true"]');
    const texts = await page.locator('#project-card [data-texto-pladeco]').allTextContents();
    expect(texts.some((text) => text.includes('Humedal Urbano está en revisión jurídica'))).toBe(true);
    expect(await page.textContent('#project-card [data-mencionado-pladeco]')).toBe('FNDR');
    const card = await page.textContent('#project-card');
    expect(card).toContain('Mencionado en el PLADECO');
    expect(card).toContain('no es un financiamiento ni un plazo registrado por la SECPLA');
    expect(await page.textContent('#project-card [data-nota-tipo]')).toMatch(/lectura del equipo SIT/);
    await page.click('#project-card .card-close');
  });

  it('lists each lineamiento definition and the ten ejes transversales in the filters panel', async () => {
    await showPanel(page, '[data-textos-plan]');
    const panel = page.locator('[data-textos-plan]');
    await panel.locator('summary').click();
    expect(await panel.locator('[data-definicion]').count()).toBe(6);
    expect(await panel.locator('[data-ejes-transversales] dt').count()).toBe(10);
    expect(await panel.locator('[data-definicion="L1"]').textContent()).toMatch(
      /^Contribuir al establecimiento de un modelo de gestión municipal/,
    );
    await panel.locator('summary').click();
  });
});
