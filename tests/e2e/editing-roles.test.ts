import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench } from '../support/workbench.ts';
import { centreOn, clickMapAt, signIn } from './editing-support.ts';

/**
 * Each role sees in the workbench exactly what the catalogue's editing
 * matrix lets it do: the public nothing, field staff micro-dumps without
 * delete, the Plan Regulador reviewer nothing, the administrator every
 * editable layer.
 */
let server: TestServer;
let browser: Browser;
const clave = 'una clave larga de prueba 2026';
const people = {
  terreno: { usuario: 'terreno.e2e', nombre: 'Inspector de Terreno' },
  revisor: { usuario: 'revisor.e2e', nombre: 'Revisora PRC' },
  admin: { usuario: 'admin.e2e', nombre: 'Administradora' },
} as const;

const editableLayers = (page: Page) =>
  page
    .locator('[data-capa-edicion] option')
    .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  for (const [rol, person] of Object.entries(people)) {
    await createAccount(server.database.db, { ...person, clave, rol: rol as keyof typeof people });
  }
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('what each role sees of editing', () => {
  it('shows the public a sign-in button and no editing; a wrong password and too many attempts are explained', async () => {
    const page = await openWorkbench(browser, server);
    expect(await page.locator('[data-edicion]').isHidden()).toBe(true);
    expect(await page.locator('[data-nuevo]').isVisible()).toBe(false);
    await page.locator('[data-iniciar-sesion]').click();
    const dialog = page.locator('[data-dialogo-sesion]');
    await dialog.getByLabel('Usuario').fill('nadie.e2e');
    await dialog.getByLabel('Contraseña').fill('no es la clave');
    await dialog.getByRole('button', { name: 'Entrar' }).click();
    await expect.poll(() => dialog.locator('[role="alert"]').textContent()).toBe('Usuario o contraseña incorrectos.');
    // Sign-in attempts are limited per address and account: the server's 429 message is shown as it is.
    await page.evaluate(async (usuario) => {
      for (let attempt = 0; attempt < 10; attempt += 1) {
        await fetch('/auth/login', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ usuario, clave: 'otra clave equivocada' }),
        });
      }
    }, 'nadie.e2e');
    await dialog.getByRole('button', { name: 'Entrar' }).click();
    // The account's limit is hit first (10 per account); the message says which limit and how long to wait.
    await expect
      .poll(() => dialog.locator('[role="alert"]').textContent())
      .toMatch(/^Demasiados intentos .*vuelva a intentar en \d+ minutos?\./);
    await page.context().close();
  });

  it('gives field staff micro-dumps only: create and edit, no delete and no recycle bin', async () => {
    const [dump] = await server.database.db.query<{ id: number; lon: number; lat: number }>(
      'select id::int as id, ST_X(geom) as lon, ST_Y(geom) as lat from microbasurales order by id limit 1',
    );
    const fieldPage = await openWorkbench(browser, server);
    await signIn(fieldPage, people.terreno.usuario, clave);
    const panel = fieldPage.locator('[data-edicion]');
    await panel.waitFor();
    expect(await editableLayers(fieldPage)).toEqual(['microbasurales']);
    await panel.locator('[data-capa-edicion]').selectOption('microbasurales');
    expect(await panel.locator('[data-nuevo]').isVisible()).toBe(true);
    expect(await panel.locator('[data-ver-papelera]').isVisible()).toBe(false);

    await centreOn(fieldPage, [dump!.lon, dump!.lat], 17);
    await clickMapAt(fieldPage, [dump!.lon, dump!.lat]);
    await expect.poll(() => panel.locator('[data-seleccion]').textContent()).toMatch(/^Seleccionado: /);
    expect(await panel.locator('[data-editar]').isVisible()).toBe(true);
    expect(await panel.locator('[data-ver-historial]').isVisible()).toBe(true);
    expect(await panel.locator('[data-eliminar]').isVisible()).toBe(false);

    // A new micro-dump: the form offers the tenures of the catalogue but not the status, which only the lifecycle moves;
    // deck.gl draws it once saved.
    const spot: [number, number] = [dump!.lon + 0.0006, dump!.lat + 0.0004];
    await panel.locator('[data-nuevo]').click();
    const form = fieldPage.locator('[data-formulario-edicion]');
    await clickMapAt(fieldPage, spot);
    await expect.poll(() => form.locator('[data-geometria]').textContent()).toContain('Arrastre');
    await form.getByLabel('Código').fill('MB-E2E-01');
    expect(await form.locator('[data-field="estado"]').count()).toBe(0);
    await form.getByLabel('Tenencia del terreno').selectOption('publica');
    await form.getByLabel('Superficie estimada (m²)').fill('12.5');
    await form.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => panel.locator('[data-edicion-estado]').textContent()).toMatch(/Elemento \d+ creado\./);
    const [stored] = await server.database.db.query<{ estado: string; superficie_m2: number }>(
      `select estado, superficie_m2::float8 as superficie_m2 from microbasurales where codigo = 'MB-E2E-01'`,
    );
    expect(stored).toEqual({ estado: 'reportado', superficie_m2: 12.5 });
    await expect
      .poll(() =>
        fieldPage.evaluate(() =>
          (window as unknown as { sit: { data: { dumps: { properties: { codigo: string } }[] } } }).sit.data.dumps.some(
            (dump) => dump.properties.codigo === 'MB-E2E-01',
          ),
        ),
      )
      .toBe(true);
    await fieldPage.screenshot({ path: screenshotPath('editing-terreno') });
    await fieldPage.context().close();
  });

  it('gives the Plan Regulador reviewer no editing, and the administrator every editable layer', async () => {
    const page = await openWorkbench(browser, server);
    await signIn(page, people.revisor.usuario, clave);
    expect(await page.locator('[data-persona]').textContent()).toBe('Revisora PRC · Revisión Plan Regulador');
    expect(await page.locator('[data-edicion]').isHidden()).toBe(true);
    await page.locator('[data-cerrar-sesion]').click();
    await page.locator('[data-iniciar-sesion]').waitFor();

    await signIn(page, people.admin.usuario, clave);
    await page.locator('[data-edicion]').waitFor();
    expect((await editableLayers(page)).sort()).toEqual([
      'ciclovias',
      'humedal_urbano',
      'microbasurales',
      'patrimonio',
      'puentes',
      'unidades_vecinales',
    ]);
    await page.locator('[data-capa-edicion]').selectOption('microbasurales');
    expect(await page.locator('[data-ver-papelera]').isVisible()).toBe(true);
    await page.context().close();
  });
});
