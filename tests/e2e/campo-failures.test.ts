import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { authHeaders } from '../support/auth.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt } from '../support/workbench.ts';
import { makeReport, openCampo, phoneContext, photo, queueCounts, signIn, vallenar } from './campo-support.ts';

let server: TestServer;
let browser: Browser;
const clave = 'clave-de-prueba-segura';
/** Santiago: outside the comuna, which the server refuses (422). */
const santiago = { latitude: -33.4372, longitude: -70.6506, accuracy: 30 };

const reportsOf = (usuario: string) =>
  server.app.db.query<{ uuid: string; origen_posicion: string; precision_gps_m: number | null }>(
    'select uuid::text as uuid, origen_posicion, precision_gps_m::float8 as precision_gps_m from reportes_microbasural where reportado_por = $1',
    [usuario],
  );

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the field app when a report cannot be placed or is refused', () => {
  it('shows a refused report as failed with the reason; discarded it goes, corrected it is sent with the same UUID', async () => {
    const usuario = 'terreno-rechazos-e2e';
    await createAccount(server.app.db, { usuario, nombre: 'Terreno Rechazos', rol: 'terreno', clave });
    const context = await phoneContext(browser, santiago);
    const page = await openCampo(context, server);
    page.on('dialog', (dialog) => void dialog.accept());
    await signIn(page, usuario, clave);
    const report = {
      photos: [await photo(120, 90, 60)],
      categoria: 'voluminosos',
      superficie: '2',
      volumen: '1',
      tenencia: 'publica',
      notas: '',
    };
    for (let made = 0; made < 2; made += 1) {
      await page.getByRole('button', { name: 'Nuevo reporte' }).click();
      await page.locator('[data-formulario-reporte] [data-gps="gps"]').waitFor();
      await makeReport(page, report);
    }

    await page.locator('[data-cola-resumen][data-fallidos="2"]').waitFor({ timeout: 30_000 });
    const failed = page.locator('[data-cola-item][data-estado="fallido"]');
    expect(await failed.first().locator('[data-motivo]').textContent()).toContain('fuera de la comuna');
    expect(await failed.first().locator('[data-campo]').textContent()).toBe('Campo: Ubicación');
    await page.screenshot({ path: screenshotPath('campo-reporte-fallido'), fullPage: true });
    expect(await reportsOf(usuario)).toEqual([]);

    await failed.nth(1).getByRole('button', { name: 'Descartar' }).click();
    await page.locator('[data-cola-item]').nth(1).waitFor({ state: 'detached' });
    expect(await queueCounts(page)).toEqual({ pendientes: 0, enviados: 0, fallidos: 1 });

    // The person walks back into the comuna and corrects the report.
    const uuid = await failed.first().getAttribute('data-uuid');
    await context.setGeolocation(vallenar);
    await failed.first().getByRole('button', { name: 'Corregir' }).click();
    const form = page.locator('[data-formulario-reporte]');
    await form.getByRole('heading', { name: 'Corregir reporte' }).waitFor();
    await form.getByRole('button', { name: 'Volver al GPS' }).click();
    await form.locator('[data-gps="gps"]', { hasText: '± 12 m' }).waitFor();
    await form.getByRole('button', { name: 'Guardar reporte' }).click();

    await page.locator('[data-cola-resumen][data-enviados="1"]').waitFor({ timeout: 30_000 });
    expect(await queueCounts(page)).toEqual({ pendientes: 0, enviados: 1, fallidos: 0 });
    expect((await reportsOf(usuario)).map((row) => row.uuid)).toEqual([uuid]);
    await context.close();
  });

  it("places the report with a tap on the map when the GPS is denied, and follows its site's status", async () => {
    const usuario = 'terreno-sin-gps-e2e';
    await createAccount(server.app.db, { usuario, nombre: 'Terreno Sin GPS', rol: 'terreno', clave });
    const context = await phoneContext(browser, null);
    const page = await openCampo(context, server);
    await signIn(page, usuario, clave);
    const form = page.locator('[data-formulario-reporte]');
    await form.locator('[data-gps="denegado"]').waitFor();
    await form.getByRole('button', { name: 'Guardar reporte' }).click();
    expect(await form.locator('[data-error-for="posicion"]').textContent()).toContain('Falta la ubicación');

    await form.locator('[data-mapa-reporte] canvas').tap();
    await form.locator('[data-gps="mapa"]').waitFor();
    await page.screenshot({ path: screenshotPath('campo-formulario-sin-gps'), fullPage: true });
    await makeReport(page, {
      photos: [await photo(60, 120, 90)],
      categoria: 'residuos_verdes',
      superficie: '',
      volumen: '',
      tenencia: 'desconocida',
      notas: 'Poda',
    });
    await page.locator('[data-cola-resumen][data-enviados="1"]').waitFor({ timeout: 30_000 });
    expect(await reportsOf(usuario)).toEqual([expect.objectContaining({ origen_posicion: 'mapa', precision_gps_m: null })]);

    // The office verifies the site; the phone shows its current status the next time it looks.
    const siteId = Number(await page.locator('[data-cola-item][data-estado="enviado"]').getAttribute('data-sitio-id'));
    const verified = await server.app.inject({
      method: 'POST',
      url: `/microbasurales/${siteId}/transiciones`,
      headers: await authHeaders(server.app, 'planificador'),
      payload: { hacia: 'verificado' },
    });
    expect(verified.statusCode).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: /Mis reportes/ }).click();
    await page.locator('[data-cola-item][data-sitio-estado="verificado"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-sitio-texto]').textContent()).toContain('verificado');
    await context.close();
  });
});
