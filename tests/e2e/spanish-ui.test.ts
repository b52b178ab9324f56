import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, showPanel, viewports } from '../support/workbench.ts';
import { signIn as signInToCampo, vallenar } from './campo-support.ts';

/**
 * Words of English interfaces (browsers' own widgets, Swagger UI, MapLibre's
 * defaults, common buttons) that a Spanish screen never needs. Only words
 * that are not also Spanish: «Error», «No», «Total» or «Normal» are left out.
 */
const englishWords = [
  'Choose File',
  'Choose Files',
  'No file chosen',
  'No files chosen',
  'mm/dd/yyyy',
  'dd/mm/yyyy',
  'Submit',
  'Cancel',
  'Loading',
  'Search',
  'Close',
  'Download',
  'Upload',
  'Failed',
  'Show',
  'Hide',
  'Select',
  'Explore',
  'Schemas',
  'Parameters',
  'Responses',
  'Try it out',
  'Execute',
  'Default Response',
  'Request body',
  'Example Value',
  'Media type',
  'Save',
  'Delete',
  'Edit',
  'Clear',
  'Reset',
  'Zoom in',
  'Zoom out',
  'Toggle',
  'Previous',
  'Next',
  'Back',
  'Layers',
  'Legend',
  'Required',
  'Invalid',
  'Sign in',
  'Sign out',
  'Log in',
  'Please',
  'Browse',
  'Today',
];
const englishPattern = new RegExp(
  `(?<![\\p{L}\\p{N}])(${englishWords.map((word) => word.replace(/[/.]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

let server: TestServer;
let browser: Browser;
const usuario = 'ines.espanol';
const clave = 'una clave larga 2026';

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await createAccount(server.app.db, { usuario, nombre: 'Inés Planificadora', rol: 'planificador', clave });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A browser whose language is English, as many municipal PCs are set up. */
function englishContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: viewports.laptop, locale: 'en-US', ...options });
}

/**
 * What a person can read on the page: visible text, and the placeholders,
 * titles, labels and values shown on hover or to screen readers. Native
 * file and date inputs are reported by what the browser draws in them
 * («Choose File», «mm/dd/yyyy»), which the DOM does not hold.
 */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const shown = (element: Element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!text || !parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || !shown(parent)) continue;
      // Code (a path, a parameter, `next`) and what the page marks translate="no" (HTTP methods) are values, not words.
      if (parent.closest('code, kbd, samp, [translate="no"]')) continue;
      texts.push(text);
    }
    for (const element of document.querySelectorAll(
      '[placeholder], [title], [aria-label], [alt], input[type="button"], input[type="submit"]',
    )) {
      if (!shown(element) && !element.closest('[role="dialog"], dialog')) continue;
      for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
        const value = element.getAttribute(name);
        if (value) texts.push(`${value} [${name}]`);
      }
      if (element instanceof HTMLInputElement && (element.type === 'button' || element.type === 'submit')) texts.push(element.value);
    }
    for (const input of document.querySelectorAll('input')) {
      const box = input.getBoundingClientRect();
      if (!shown(input) || box.width <= 2 || box.height <= 2) continue;
      if (input.type === 'file') texts.push(`Choose File / No file chosen [native input ${input.id || input.name}]`);
      if (['date', 'datetime-local', 'month', 'week'].includes(input.type))
        texts.push(`mm/dd/yyyy [native input ${input.id || input.name}]`);
    }
    return texts;
  });
}

async function englishOn(page: Page): Promise<string[]> {
  return (await visibleTexts(page)).filter((text) => englishPattern.test(text));
}

/** English on each sidebar tab and analysis tool in turn (a hidden tab's text is not on screen). */
async function englishInEveryTab(page: Page): Promise<string[]> {
  const found = new Set(await englishOn(page));
  for (const tab of await page.locator('#sidebar-tabs [role="tab"]').all()) {
    await tab.click();
    await openEverything(page);
    for (const text of await englishOn(page)) found.add(text);
    if ((await tab.getAttribute('aria-controls')) !== 'tab-analisis') continue;
    for (const tool of await page.locator('#analysis-tabs [role="tab"]').all()) {
      await tool.click();
      await openEverything(page);
      for (const text of await englishOn(page)) found.add(text);
    }
  }
  return [...found];
}

/** Opens every collapsed part (details, the tracking forms) so its text is on screen. */
async function openEverything(page: Page): Promise<void> {
  await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
}

describe('the SIT speaks Spanish in a browser set to English', () => {
  it('the English word list catches English and lets Spanish through', () => {
    for (const text of ['Choose File', 'No file chosen', 'Try it out', 'mm/dd/yyyy', 'Loading…', 'Zoom in [title]']) {
      expect(englishPattern.test(text), text).toBe(true);
    }
    for (const text of [
      'Cancelar',
      'Buscar',
      'Error al guardar',
      'Mostrar capas',
      'Seleccionado: Casa',
      'Descargar anexo CSV',
      'dd-mm-aaaa',
    ]) {
      expect(englishPattern.test(text), text).toBe(false);
    }
  });

  it('the workbench: every panel, the project card and the tracking forms of a planner', async () => {
    const context = await englishContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/#mapa=13.5/-28.58/-70.757&proyecto=L6.O1.P1.G1.03`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
    await page.waitForSelector('#project-card[data-loaded="true"]', { timeout: 30_000 });
    await openEverything(page);
    expect(await englishInEveryTab(page)).toEqual([]);
    await page.locator('#account-menu').getByRole('button', { name: 'Iniciar sesión' }).click();
    await page.waitForSelector('dialog[open]');
    expect(await englishOn(page)).toEqual([]);
    // Closed without Escape, which would also drop the selected project from the view.
    await page.evaluate(() => document.querySelector<HTMLDialogElement>('dialog[open]')?.close());
    const status = await page.evaluate(
      async ({ usuario, clave }) =>
        (
          await fetch('/auth/login', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ usuario, clave }),
          })
        ).status,
      { usuario, clave },
    );
    expect(status).toBe(200);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]', { timeout: 90_000 });
    await page.waitForSelector('#project-card[data-loaded="true"] [data-tracking-forms]', { timeout: 30_000 });
    await showPanel(page, '[data-panel-microbasurales]');
    await page.waitForSelector('[data-microbasurales-resumen][data-cargado]', { timeout: 30_000 });
    await openEverything(page);
    await page.waitForSelector('#project-card [data-tracking-history][data-loaded="true"]', { timeout: 30_000 });

    expect(await englishInEveryTab(page)).toEqual([]);
    await showPanel(page, '[data-panel-microbasurales]');
    // The check sees what the browser draws in its own widgets: a native date input is caught.
    await page.evaluate(() =>
      document.querySelector('#sidebar')?.prepend(Object.assign(document.createElement('input'), { type: 'date', id: 'nativa' })),
    );
    expect(await englishOn(page)).toEqual(['mm/dd/yyyy [native input nativa]']);
    await page.evaluate(() => document.querySelector('#nativa')?.remove());
    // The new controls fit their panels (two date fields share a row in the micro-dumps panel).
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('.sit-date-input, .sit-date-calendar-button, .sit-file-button, .sit-file-chosen')]
        .filter((element) => element.checkVisibility())
        .filter((element) => {
          const panel = element.closest('.panel, #project-card');
          const box = element.getBoundingClientRect();
          const bounds = panel?.getBoundingClientRect();
          return bounds !== undefined && (box.right > bounds.right + 1 || box.left < bounds.left - 1);
        })
        .map((element) => `${element.className} ${(element as HTMLInputElement).name ?? ''}`),
    );
    expect(overflowing).toEqual([]);
    await page.locator('[data-panel-microbasurales]').screenshot({ path: screenshotPath('spanish-ui-microbasurales') });
    // The date fields read dd-mm-aaaa and the file picker speaks Spanish.
    expect(await page.locator('#project-card [data-tracking-form="estado"] input[name="desde"]').getAttribute('placeholder')).toBe(
      'dd-mm-aaaa',
    );
    expect(await page.locator('#project-card [data-tracking-form="estado"] input[name="desde"]').inputValue()).toMatch(
      /^\d{2}-\d{2}-\d{4}$/,
    );
    await showPanel(page, '[data-revision-prc]');
    const picker = page.locator('[data-revision-prc] [data-file-picker]');
    expect(await picker.textContent()).toContain('Elegir archivo…');
    await picker.locator('input[type="file"]').setInputFiles({
      name: 'intervencion.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(JSON.stringify({ type: 'Point', coordinates: [-70.758, -28.576] })),
    });
    await page.waitForFunction(() =>
      document.querySelector('[data-revision-prc] [data-archivo-elegido]')?.textContent?.includes('intervencion.geojson'),
    );
    expect(await picker.locator('[data-archivo-elegido]').textContent()).toMatch(/^intervencion\.geojson \(\d+ B\)$/);

    // A date typed the American way is refused in Spanish before anything is sent.
    const form = page.locator('#project-card [data-tracking-form="avance"]');
    await form.locator('input[name="fecha"]').fill('02/16/2026');
    await form.locator('input[name="avanceFisico"]').fill('10');
    await form.locator('button[type="submit"]').click();
    expect(await form.locator('.sit-date-message').textContent()).toBe(
      'El día va primero y el mes después: escriba dd-mm-aaaa, p. ej. 16-02-2026.',
    );
    expect(await form.locator('input[name="fecha"]').getAttribute('aria-invalid')).toBe('true');

    // The calendar opens in Spanish and fills the field day first.
    await form.locator('.sit-date-calendar-button').click();
    const calendar = form.locator('.sit-calendar');
    expect(await calendar.locator('.sit-calendar-title').textContent()).toMatch(
      /^(enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre) de \d{4}$/,
    );
    expect(await englishOn(page)).toEqual([]);
    await form.screenshot({ path: screenshotPath('spanish-ui-calendar') });
    await picker.screenshot({ path: screenshotPath('spanish-ui-file-picker') });
    await calendar.locator('.sit-calendar-day:not(.sit-calendar-other)').first().click();
    expect(await form.locator('input[name="fecha"]').inputValue()).toMatch(/^01-\d{2}-\d{4}$/);
    expect(await form.locator('.sit-date-message').isHidden()).toBe(true);
    await page.screenshot({ path: screenshotPath('spanish-ui-workbench'), fullPage: true });
    await context.close();
  });

  it('the field app (/campo) on a phone, signed in, with its report form', async () => {
    const context = await englishContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      geolocation: vallenar,
      permissions: ['geolocation'],
    });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/campo`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(await englishOn(page)).toEqual([]);
    await createAccount(server.app.db, { usuario: 'tomas.terreno', nombre: 'Tomás Terreno', rol: 'terreno', clave });
    await signInToCampo(page, 'tomas.terreno', clave);
    await page.waitForSelector('[data-formulario-reporte]');
    expect(await englishOn(page)).toEqual([]);
    expect(await page.locator('[data-formulario-reporte] [data-file-picker]').textContent()).toContain('Tomar o elegir fotos');
    await page.click('[data-tab="cola"]');
    expect(await englishOn(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('spanish-ui-campo'), fullPage: true });
    await context.close();
  });

  it('the printable documents: the semiannual report and a unit sheet', async () => {
    const [unit] = await server.app.db.query<{ id: number }>('select id from unidades_vecinales order by id limit 1');
    const context = await englishContext();
    const page = await context.newPage();
    for (const url of ['/reportes/semestral.html?anio=2026&semestre=1', `/reportes/unidad-vecinal/${unit!.id}.html`]) {
      const answer = await page.goto(`${server.baseUrl}${url}`);
      expect(answer?.status(), url).toBe(200);
      expect(await englishOn(page), url).toEqual([]);
    }
    await context.close();
  });

  it('the API documentation (/api.html), every operation open', async () => {
    const context = await englishContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/api.html`);
    expect(await page.title()).toBe('SIT Vallenar – Documentación de la API');
    await openEverything(page);
    expect(await englishOn(page)).toEqual([]);
    expect(await page.locator('img, svg, script').count()).toBe(0);
    expect(await page.locator('a[href="/api"]').first().textContent()).toBe('/api');
    await page.screenshot({ path: screenshotPath('spanish-ui-api') });
    await context.close();
  });
});
