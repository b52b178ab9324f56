import type { Page } from 'playwright-core';
import { waitForIdleMap } from '../support/workbench.ts';

/** Signs in through the header's dialog, as a person would, and waits for the name in the header. */
export async function signIn(page: Page, usuario: string, clave: string): Promise<void> {
  await page.locator('[data-iniciar-sesion]').click();
  const dialog = page.locator('[data-dialogo-sesion]');
  await dialog.getByLabel('Usuario').fill(usuario);
  await dialog.getByLabel('Contraseña').fill(clave);
  await dialog.getByRole('button', { name: 'Entrar' }).click();
  await page.locator(`[data-persona="${usuario}"]`).waitFor();
}

/** Centres the map on a lon/lat at a zoom and waits for it to draw. */
export async function centreOn(page: Page, position: [number, number], zoom: number): Promise<void> {
  await page.evaluate(
    ([longitude, latitude, level]) => {
      const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
      map.jumpTo({ center: [longitude!, latitude!], zoom: level!, bearing: 0, pitch: 0 });
    },
    [...position, zoom],
  );
  await waitForIdleMap(page);
}

/** Clicks the map at a lon/lat (page coordinates from the map's projection). */
export async function clickMapAt(page: Page, position: [number, number]): Promise<void> {
  const box = (await page.locator('#map').boundingBox())!;
  const { x, y } = await page.evaluate((lonLat) => {
    const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
    const point = map.project(lonLat as [number, number]);
    return { x: point.x, y: point.y };
  }, position);
  await page.mouse.move(box.x + x, box.y + y);
  await page.mouse.click(box.x + x, box.y + y);
}

/** Drags on the map from one lon/lat to another with the mouse (terra-draw moves the selected shape). */
export async function dragOnMap(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = (await page.locator('#map').boundingBox())!;
  const [start, end] = await page.evaluate(
    (positions) => {
      const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
      return positions.map((position) => map.project(position as [number, number])).map(({ x, y }) => ({ x, y }));
    },
    [from, to],
  );
  await page.mouse.move(box.x + start!.x, box.y + start!.y);
  await page.mouse.down();
  await page.mouse.move(box.x + end!.x, box.y + end!.y, { steps: 12 });
  await page.mouse.up();
}

/** Names of the features drawn in the highlight layer of features saved in this page, at once after a save. */
export async function highlightedNames(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const { map } = (window as unknown as { sit: { map: import('maplibre-gl').Map } }).sit;
    if (!map.getLayer('sit-edicion-recientes-punto')) return [];
    return map
      .queryRenderedFeatures({ layers: ['sit-edicion-recientes-punto'] })
      .map((feature) => String(feature.properties.nombre ?? feature.properties.codigo));
  });
}
