import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench, showPanel } from '../support/workbench.ts';
import {
  makeReport,
  openCampo,
  phoneContext,
  photo,
  queueCounts,
  setOffline,
  signIn,
  vallenar,
  waitForServiceWorker,
  type Report,
} from './campo-support.ts';

let server: TestServer;
let browser: Browser;
const usuario = 'terreno-campo-e2e';
const clave = 'clave-de-prueba-segura';

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  browser = await launchBrowser();
  await createAccount(server.app.db, { usuario, nombre: 'Cuadrilla de Terreno', rol: 'terreno', clave });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the field app at /campo on a phone', () => {
  it('opens offline after the first visit (service worker)', async () => {
    const context = await phoneContext(browser, vallenar);
    const page = await openCampo(context, server);
    await page.locator('[data-ingreso]').waitFor();
    expect(await page.title()).toBe('SIT Vallenar — Terreno');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/campo.webmanifest');
    await waitForServiceWorker(page);

    await setOffline(context, true);
    expect(
      await page.evaluate(() =>
        fetch('/health').then(
          () => 'reached',
          () => 'offline',
        ),
      ),
    ).toBe('offline');
    const response = await page.reload();
    expect(response?.fromServiceWorker()).toBe(true);
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('[data-ingreso]').waitFor();
    expect(await page.locator('[data-conexion]').getAttribute('data-conexion')).toBe('sin-conexion');
    await context.close();
  });

  it('turns three reports made offline into exactly three reports with their photos, once online', async () => {
    const context = await phoneContext(browser, vallenar);
    const page = await openCampo(context, server);
    await signIn(page, usuario, clave);
    await page.locator('[data-formulario-reporte] [data-gps="gps"]').waitFor();
    expect(await page.locator('[data-gps]').textContent()).toContain('± 12 m');
    await waitForServiceWorker(page);

    const reportedSites = async () =>
      (await server.app.db.query<{ count: number }>(`select count(*)::int as count from microbasurales where estado = 'reportado'`))[0]
        ?.count ?? 0;
    const reportedBefore = await reportedSites();

    await setOffline(context, true);
    await page.locator('[data-conexion="sin-conexion"]').waitFor();
    const [red, green, blue] = await Promise.all([photo(200, 40, 30), photo(40, 160, 60), photo(30, 60, 200)]);
    const reports: Report[] = [
      { photos: [red, green], categoria: 'escombros', superficie: '12,5', volumen: '4', tenencia: 'publica', notas: 'Junto al canal' },
      { photos: [blue], categoria: 'neumaticos', superficie: '3', volumen: '', tenencia: 'desconocida', notas: '' },
      { photos: [red, green, blue], categoria: 'mixto', superficie: '', volumen: '1,5', tenencia: 'privada', notas: 'Sitio eriazo' },
    ];
    for (const report of reports) {
      await page.getByRole('button', { name: 'Nuevo reporte' }).click();
      await page.locator('[data-formulario-reporte] [data-gps="gps"]').waitFor();
      await makeReport(page, report);
    }

    await page.locator('[data-cola-item][data-estado="pendiente"]').nth(2).waitFor();
    expect(await queueCounts(page)).toEqual({ pendientes: 3, enviados: 0, fallidos: 0 });
    const countMine = async () =>
      (
        await server.app.db.query<{ count: number }>('select count(*)::int as count from reportes_microbasural where reportado_por = $1', [
          usuario,
        ])
      )[0]?.count;
    expect(await countMine()).toBe(0);
    await page.screenshot({ path: screenshotPath('campo-cola-sin-conexion'), fullPage: true });

    // The queue lives in IndexedDB: a reload offline (the shell from the service worker) keeps it.
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.getByRole('button', { name: /Mis reportes/ }).click();
    await page.locator('[data-cola-item][data-estado="pendiente"]').nth(2).waitFor();
    expect(await queueCounts(page)).toEqual({ pendientes: 3, enviados: 0, fallidos: 0 });
    expect(await countMine()).toBe(0);
    const uuids = await page.locator('[data-cola-item]').evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.uuid));

    await setOffline(context, false);
    await page.locator('[data-cola-resumen][data-enviados="3"]').waitFor({ timeout: 60_000 });
    expect(await queueCounts(page)).toEqual({ pendientes: 0, enviados: 3, fallidos: 0 });
    await page.locator('[data-cola-item][data-sitio-estado="reportado"]').nth(2).waitFor();
    await page.screenshot({ path: screenshotPath('campo-cola-enviada'), fullPage: true });

    const rows = await server.app.db.query<{
      uuid: string;
      fotos: number;
      mayor_lado: number;
      estado: string;
      codigo: string;
      categoria_residuo: string;
    }>(
      `select r.uuid::text as uuid, count(f.id)::int as fotos, max(greatest(f.ancho, f.alto))::int as mayor_lado,
              m.estado, m.codigo, r.categoria_residuo
         from reportes_microbasural r
         join microbasurales m on m.id = r.microbasural_id
         left join fotos_microbasural f on f.reporte_id = r.id
        where r.reportado_por = $1
        group by r.id, m.estado, m.codigo`,
      [usuario],
    );
    expect(rows.map((row) => row.uuid).sort()).toEqual([...uuids].sort());
    const byCategory = Object.fromEntries(rows.map((row) => [row.categoria_residuo, row]));
    expect(byCategory.escombros?.fotos).toBe(2);
    expect(byCategory.neumaticos?.fotos).toBe(1);
    expect(byCategory.mixto?.fotos).toBe(3);
    for (const row of rows) {
      expect(row.estado).toBe('reportado');
      expect(row.mayor_lado).toBeLessThanOrEqual(1600);
    }
    await context.close();

    // The office sees them on the workbench map, with their status.
    const office = await openWorkbench(browser, server);
    const drawn = await office.evaluate(
      (codes) => {
        const { data } = (window as unknown as { sit: { data: { dumps: { properties: { codigo: string; estado: string } }[] } } }).sit;
        return data.dumps.filter((dump) => codes.includes(dump.properties.codigo)).map((dump) => dump.properties.estado);
      },
      rows.map((row) => row.codigo),
    );
    expect(drawn).toEqual(['reportado', 'reportado', 'reportado']);
    expect(await reportedSites()).toBe(reportedBefore + 3);
    await showPanel(office, '[data-panel-microbasurales]');
    const panel = office.locator('[data-panel-microbasurales]');
    await panel.locator('[data-microbasurales-resumen][data-cargado]').waitFor();
    expect(Number(await panel.locator('[data-por-estado] [data-estado="reportado"]').getAttribute('data-conteo'))).toBe(reportedBefore + 3);
    expect(Number(await panel.locator('[data-serie-mensual]').getAttribute('data-serie-mensual'))).toBeGreaterThan(0);
    await panel.scrollIntoViewIfNeeded();
    await office.screenshot({ path: screenshotPath('microbasurales-panel') });
    await office.context().close();
  });
});
