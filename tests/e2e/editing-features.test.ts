import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench } from '../support/workbench.ts';
import { centreOn, clickMapAt, dragOnMap, highlightedNames, signIn } from './editing-support.ts';

/**
 * A planner edits heritage in Chromium against the real server: draws a
 * point and fills the form from the layer's schema, meets a refusal of the
 * server next to its field, edits and reads the history, deletes and
 * restores from the recycle bin, and is told when someone else changed the
 * feature meanwhile.
 */
let server: TestServer;
let browser: Browser;
let page: Page;
const planner = { usuario: 'planificadora.e2e', nombre: 'Planificadora de Prueba', clave: 'una clave larga de prueba 2026' };
/** Near the Plaza de Armas of Vallenar, inside the comuna. */
const spot: [number, number] = [-70.7585, -28.5772];
const otherSpot: [number, number] = [-70.757, -28.5765];
const movedSpot: [number, number] = [-70.7592, -28.5768];
let createdId = 0;

const panel = () => page.locator('[data-edicion]');
const form = () => page.locator('[data-formulario-edicion]');
const editStatus = () => page.locator('[data-edicion-estado]');

async function heritageRows(nombre: string) {
  return server.database.db.query<{ id: number; nombre: string }>('select id::int as id, nombre from patrimonio where nombre = $1', [
    nombre,
  ]);
}

async function auditActions(id: number) {
  const rows = await server.database.db.query<{ accion: string; usuario: string }>(
    `select accion, usuario from auditoria where recurso = 'patrimonio' and objeto_id = $1 order by id`,
    [String(id)],
  );
  return rows.map((row) => `${row.accion}:${row.usuario}`);
}

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await createAccount(server.database.db, { ...planner, rol: 'planificador' });
  browser = await launchBrowser();
  page = await openWorkbench(browser, server);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('editing heritage as a planner', () => {
  it('shows no editing to the public, and the planner sees it once signed in', async () => {
    expect(await panel().isHidden()).toBe(true);
    await signIn(page, planner.usuario, planner.clave);
    expect(await page.locator('[data-persona]').textContent()).toBe('Planificadora de Prueba · Planificación (SECPLA)');
    await panel().waitFor();
    const layers = await panel()
      .locator('[data-capa-edicion] option')
      .evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value).filter(Boolean));
    expect(layers.sort()).toEqual(['ciclovias', 'humedal_urbano', 'microbasurales', 'patrimonio', 'puentes', 'unidades_vecinales']);
  });

  it('draws a point, fills the form and stores the feature with its audit row', async () => {
    await centreOn(page, spot, 16);
    await panel().locator('[data-capa-edicion]').selectOption('patrimonio');
    // Heritage takes points and polygons: the planner chooses the shape.
    expect(await panel().locator('[data-forma] option').allTextContents()).toEqual(['punto', 'polígono']);
    await panel().locator('[data-nuevo]').click();
    await form().waitFor();
    expect(await form().locator('[data-field="nombre"] label').textContent()).toBe('Nombre *');
    expect(await form().locator('[data-field="categoria"] select option').count()).toBe(7);
    await clickMapAt(page, spot);
    await expect.poll(() => form().locator('[data-geometria]').textContent()).toContain('Arrastre');
    await form().getByLabel('Nombre').fill('Casa Prueba E2E');
    await form().getByLabel('Categoría').selectOption('Inmueble de Conservación Histórica');
    await form().getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => editStatus().textContent()).toMatch(/Elemento \d+ creado\./);

    const rows = await heritageRows('Casa Prueba E2E');
    expect(rows).toHaveLength(1);
    createdId = rows[0]!.id;
    expect(await auditActions(createdId)).toEqual([`crear:${planner.usuario}`]);
    const [stored] = await server.database.db.query<{ categoria: string; fuente: string; lon: number; lat: number }>(
      'select categoria, fuente, ST_X(geom) as lon, ST_Y(geom) as lat from patrimonio where id = $1',
      [createdId],
    );
    expect(stored!.categoria).toBe('Inmueble de Conservación Histórica');
    // The public source names the office, not the person (who drew it is in the audit trail above).
    expect(stored!.fuente).toBe('Digitalizado en el SIT Vallenar (SECPLA)');
    // One pixel at zoom 16 is about 2 m: the point lands where it was clicked.
    expect(Math.abs(stored!.lon - spot[0])).toBeLessThan(0.0001);
    expect(Math.abs(stored!.lat - spot[1])).toBeLessThan(0.0001);
    // The map shows it at once, before the tiles catch up.
    await expect.poll(() => highlightedNames(page)).toContain('Casa Prueba E2E');
    // The tiles are asked for again once the server's layer version has moved on.
    await page.waitForSelector('#map[data-teselas-edicion="pedidas"]');
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit.map.loaded()))
      .toBe(true);
    await page.screenshot({ path: screenshotPath('editing-created') });
  });

  it('shows the server refusal next to the field and stores nothing', async () => {
    await panel().locator('[data-nuevo]').click();
    await clickMapAt(page, otherSpot);
    await expect.poll(() => form().locator('[data-geometria]').textContent()).toContain('Arrastre');
    await form().getByLabel('Nombre').fill('<script>alert(1)</script>');
    await form().getByRole('button', { name: 'Guardar' }).click();
    const error = form().locator('[data-error-for="nombre"]');
    await error.waitFor();
    expect(await error.textContent()).toContain('marcas HTML');
    expect(await form().getByLabel('Nombre').getAttribute('aria-invalid')).toBe('true');
    expect(await heritageRows('<script>alert(1)</script>')).toHaveLength(0);
    await form().getByRole('button', { name: 'Cancelar' }).click();
    await form().waitFor({ state: 'detached' });
  });

  it('draws a polygon for a multipolygon layer, stored as one multipolygon without warnings', async () => {
    await panel().locator('[data-capa-edicion]').selectOption('unidades_vecinales');
    expect(await panel().locator('[data-forma]').isVisible()).toBe(false);
    await panel().locator('[data-nuevo]').click();
    await form().waitFor();
    const corners: [number, number][] = [
      [-70.7605, -28.5785],
      [-70.7595, -28.5785],
      [-70.7595, -28.5778],
      [-70.7605, -28.5778],
    ];
    for (const corner of corners) await clickMapAt(page, corner);
    await page.keyboard.press('Enter');
    await expect.poll(() => form().locator('[data-geometria]').textContent()).toContain('Arrastre');
    await form().getByLabel('Código').fill('UV-E2E');
    await form().getByLabel('Nombre').fill('Unidad de prueba E2E');
    await form().locator('[data-field="area"] select').selectOption('urbana');
    await form().getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => editStatus().textContent()).toMatch(/Elemento \d+ creado\./);
    expect(await editStatus().locator('[data-avisos]').count()).toBe(0);
    const [stored] = await server.database.db.query<{ tipo: string; partes: number; vertices: number }>(
      `select GeometryType(geom) as tipo, ST_NumGeometries(geom)::int as partes, ST_NPoints(geom)::int as vertices
       from unidades_vecinales where codigo = 'UV-E2E'`,
    );
    expect(stored).toEqual({ tipo: 'MULTIPOLYGON', partes: 1, vertices: 5 });
  });

  it('picks the feature on the map, edits it and the history shows the change', async () => {
    // Choosing the layer again clears the selection; a click on the map picks the feature.
    await panel().locator('[data-capa-edicion]').selectOption('');
    await panel().locator('[data-capa-edicion]').selectOption('patrimonio');
    await clickMapAt(page, spot);
    await expect.poll(() => panel().locator('[data-seleccion]').textContent()).toBe('Seleccionado: Casa Prueba E2E');

    await panel().locator('[data-editar]').click();
    await form().waitFor();
    expect(await form().getByLabel('Nombre').inputValue()).toBe('Casa Prueba E2E');
    await form().getByLabel('Nombre').fill('Casa Prueba E2E editada');
    await form().getByLabel('Estado de conservación').fill('regular');
    // The point is dragged on the map to where it really is.
    await dragOnMap(page, spot, movedSpot);
    await form().getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => editStatus().textContent()).toContain(`Elemento ${createdId} guardado.`);
    expect(await heritageRows('Casa Prueba E2E editada')).toHaveLength(1);
    expect(await auditActions(createdId)).toEqual([`crear:${planner.usuario}`, `modificar:${planner.usuario}`]);
    const [moved] = await server.database.db.query<{ lon: number; lat: number }>(
      'select ST_X(geom) as lon, ST_Y(geom) as lat from patrimonio where id = $1',
      [createdId],
    );
    expect(Math.abs(moved!.lon - movedSpot[0])).toBeLessThan(0.0001);
    expect(Math.abs(moved!.lat - movedSpot[1])).toBeLessThan(0.0001);

    await panel().locator('[data-ver-historial]').click();
    const history = page.locator(`[data-historial="${createdId}"]`);
    const change = history.locator('li[data-accion="modificar"]');
    await change.waitFor();
    expect(await change.locator('strong').textContent()).toContain(`${planner.usuario} modificó`);
    expect(await change.locator('[data-cambio="nombre"]').textContent()).toBe('Nombre: Casa Prueba E2E → Casa Prueba E2E editada');
    expect(await change.locator('[data-cambio="estado_conservacion"]').textContent()).toBe('Estado de conservación: (sin valor) → regular');
    expect(await change.locator('[data-cambio="geometry"]').textContent()).toBe('geometría cambiada');
    expect(await history.locator('li[data-accion="crear"]').count()).toBe(1);
    await history.screenshot({ path: screenshotPath('editing-history') });
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'detached' });
  });

  it('tells the planner when someone else changed the feature, and reloads it', async () => {
    await panel().locator('[data-editar]').click();
    await form().waitFor();
    // Someone else changes the feature after the form was opened.
    await server.database.db.query(`update patrimonio set estado_conservacion = 'malo' where id = $1`, [createdId]);
    await form().getByLabel('Nombre').fill('Casa Prueba E2E tarde');
    await form().getByRole('button', { name: 'Guardar' }).click();
    const conflict = form().locator('[data-conflicto]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Otra persona cambió este elemento');
    expect(await heritageRows('Casa Prueba E2E tarde')).toHaveLength(0);

    await form().getByRole('button', { name: 'Volver a cargar' }).click();
    await expect.poll(() => form().getByLabel('Estado de conservación').inputValue()).toBe('malo');
    expect(await form().getByLabel('Nombre').inputValue()).toBe('Casa Prueba E2E editada');
    await form().getByRole('button', { name: 'Cancelar' }).click();
  });

  it('deletes with confirmation, and restores from the recycle bin', async () => {
    page.once('dialog', (dialog) => void dialog.accept());
    await panel().locator('[data-eliminar]').click();
    await expect.poll(() => editStatus().textContent()).toContain(`Elemento ${createdId} enviado a la papelera.`);
    expect(await heritageRows('Casa Prueba E2E editada')).toHaveLength(0);
    expect(await highlightedNames(page)).not.toContain('Casa Prueba E2E editada');

    await panel().locator('[data-ver-papelera]').click();
    const bin = page.locator('[data-papelera="patrimonio"]');
    const entry = bin.locator(`[data-eliminado="${createdId}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`Casa Prueba E2E editada · eliminado por ${planner.usuario}`);
    await entry.getByRole('button', { name: 'Restaurar' }).click();
    await expect.poll(() => bin.locator('[role="status"]').textContent()).toBe(`Elemento ${createdId} restaurado.`);
    await expect.poll(() => entry.count()).toBe(0);
    expect(await heritageRows('Casa Prueba E2E editada')).toEqual([{ id: createdId, nombre: 'Casa Prueba E2E editada' }]);
    expect((await auditActions(createdId)).slice(-2)).toEqual([`eliminar:${planner.usuario}`, `restaurar:${planner.usuario}`]);
    await expect.poll(() => highlightedNames(page)).toContain('Casa Prueba E2E editada');
  });
});
