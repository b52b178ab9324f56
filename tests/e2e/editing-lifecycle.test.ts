import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench } from '../support/workbench.ts';
import { centreOn, clickMapAt, signIn } from './editing-support.ts';

/**
 * A micro-dump's lifecycle from the workbench: each person is offered only
 * the next steps their role may record, the server's refusals appear next
 * to the field, and each step lands in the database with who recorded it.
 */
let server: TestServer;
let browser: Browser;
let site: { id: number; lon: number; lat: number };
const clave = 'una clave larga de prueba 2026';
const field = { usuario: 'terreno.ciclo', nombre: 'Inspectora del Ciclo', rol: 'terreno' as const };
const planner = { usuario: 'secpla.ciclo', nombre: 'Planificador del Ciclo', rol: 'planificador' as const };

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  for (const person of [field, planner]) await createAccount(server.database.db, { ...person, clave });
  // A site of its own, away from the seeded ones, so the click picks it and nothing else.
  const [row] = await server.database.db.query<{ id: number; lon: number; lat: number }>(
    `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", primer_reporte, geom)
     values ('MB-CICLO-E2E', 'reportado', 'publica', 'prueba', 'demo', '2026-01-05', ST_SetSRID(ST_MakePoint(-70.7702, -28.5703), 4326))
     returning id, ST_X(geom) as lon, ST_Y(geom) as lat`,
  );
  site = row!;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openSite(usuario: string): Promise<Page> {
  const page = await openWorkbench(browser, server);
  await signIn(page, usuario, clave);
  const panel = page.locator('[data-edicion]');
  await panel.waitFor();
  await panel.locator('[data-capa-edicion]').selectOption('microbasurales');
  await centreOn(page, [site.lon, site.lat], 17);
  await clickMapAt(page, [site.lon, site.lat]);
  await panel.locator('[data-ciclo-de-vida]').waitFor();
  return page;
}

const offered = (page: Page) =>
  page
    .locator('[data-formulario-ciclo] [data-field="hacia"] option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));

async function record(page: Page, step: string, fill?: (page: Page) => Promise<unknown>) {
  const form = page.locator('[data-formulario-ciclo]');
  await form.locator('[data-field="hacia"] select').selectOption(step);
  await fill?.(page);
  await form.locator('[data-registrar-paso]').click();
}

const stored = async () =>
  (
    await server.database.db.query<{ estado: string; cierre: string | null }>('select estado, cierre from microbasurales where id = $1', [
      site.id,
    ])
  )[0]!;

describe('the micro-dump lifecycle in the workbench', () => {
  it('takes a site from reportado to cerrado, each step offered only to its roles', async () => {
    let page = await openSite(field.usuario);
    expect(await offered(page)).toEqual(['verificado']);
    await record(page, 'verificado');
    await expect.poll(() => page.locator('[data-ciclo-de-vida]').getAttribute('data-estado-actual')).toBe('verificado');
    // verificado → programado is the planners' step: field staff are told so, with no form.
    expect(await page.locator('[data-formulario-ciclo]').count()).toBe(0);
    expect(await page.locator('[data-ciclo-de-vida]').textContent()).toMatch(/Su rol no registra el paso siguiente/);
    expect(await stored()).toEqual({ estado: 'verificado', cierre: null });
    await page.context().close();

    page = await openSite(planner.usuario);
    expect(await offered(page)).toEqual(['programado', 'duplicado', 'descartado']);
    // Discarding without a reason: the server's message appears next to the note.
    await record(page, 'descartado');
    await expect.poll(() => page.locator('[data-error-de="nota"]').textContent()).toMatch(/por qué se descarta/);
    expect((await stored()).estado).toBe('verificado');
    await record(page, 'programado');
    await expect.poll(() => page.locator('[data-ciclo-de-vida]').getAttribute('data-estado-actual')).toBe('programado');
    await page.context().close();

    page = await openSite(field.usuario);
    await record(page, 'limpiado');
    await expect.poll(() => page.locator('[data-ciclo-de-vida]').getAttribute('data-estado-actual')).toBe('limpiado');
    await record(page, 'cerrado', (p) => p.locator('[data-formulario-ciclo] [data-field="como"] select').selectOption('señalizado'));
    await expect.poll(() => page.locator('[data-ciclo-de-vida]').getAttribute('data-estado-actual')).toBe('cerrado');
    expect(await page.locator('[data-ciclo-de-vida]').textContent()).toMatch(/El ciclo de este sitio terminó/);
    await page.screenshot({ path: screenshotPath('editing-lifecycle') });
    await page.context().close();

    expect(await stored()).toEqual({ estado: 'cerrado', cierre: 'señalizado' });
    const steps = await server.database.db.query<{ hacia: string; por: string }>(
      'select hacia, por from microbasural_transiciones where microbasural_id = $1 order by id',
      [site.id],
    );
    expect(steps).toEqual([
      { hacia: 'verificado', por: field.usuario },
      { hacia: 'programado', por: planner.usuario },
      { hacia: 'limpiado', por: field.usuario },
      { hacia: 'cerrado', por: field.usuario },
    ]);
  });
});
