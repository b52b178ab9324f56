import sharp from 'sharp';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { TestServer } from '../support/test-server.ts';

// Playwright's offline mode does not reach a service worker's own fetches; with
// this flag (read when the browser is launched) they show up in context.route,
// where setOffline cuts them too.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

/** Plaza de Armas de Vallenar, WGS 84, with the GPS accuracy in metres. */
export const vallenar = { latitude: -28.5755, longitude: -70.7587, accuracy: 12 };

/** A phone-sized context (390×844, touch) with the service worker allowed and, when given, the GPS at `geolocation`. */
export function phoneContext(
  browser: Browser,
  geolocation: { latitude: number; longitude: number; accuracy: number } | null,
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'es-CL',
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : { permissions: [] }),
    serviceWorkers: 'allow',
  });
}

const cutServiceWorker = (route: Route) => (route.request().serviceWorker() ? route.abort('internetdisconnected') : route.fallback());

/** The whole browser context offline, the service worker's own requests included. */
export async function setOffline(context: BrowserContext, offline: boolean): Promise<void> {
  if (offline) await context.route('**', cutServiceWorker);
  else await context.unroute('**', cutServiceWorker);
  await context.setOffline(offline);
}

/** Waits until the field app's service worker controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  });
}

/** A real JPEG bigger than the phone sends (the app resizes it to 1600 px). */
export function photo(red: number, green: number, blue: number): Promise<Buffer> {
  return sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: red, g: green, b: blue } } })
    .jpeg({ quality: 80 })
    .toBuffer();
}

export async function openCampo(context: BrowserContext, server: TestServer): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/campo`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return page;
}

export async function signIn(page: Page, usuario: string, clave: string): Promise<void> {
  const form = page.locator('[data-ingreso]');
  await form.getByLabel('Usuario').fill(usuario);
  await form.getByLabel('Contraseña').fill(clave);
  await form.getByRole('button', { name: 'Entrar' }).click();
  await page.locator(`[data-persona="${usuario}"]`).waitFor();
}

export interface Report {
  photos: Buffer[];
  categoria: string;
  superficie: string;
  volumen: string;
  tenencia: string;
  notas: string;
}

/** Fills the report form as a person would (the position already set) and saves it. */
export async function makeReport(page: Page, report: Report): Promise<void> {
  const form = page.locator('[data-formulario-reporte]');
  await form
    .locator('input[type="file"]')
    .setInputFiles(report.photos.map((buffer, index) => ({ name: `foto-${index + 1}.jpg`, mimeType: 'image/jpeg', buffer })));
  await form.locator(`[data-fotos-estado][data-count="${report.photos.length}"][data-busy="false"]`).waitFor();
  await form.getByLabel('Tipo de residuo').selectOption(report.categoria);
  await form.getByLabel('Superficie estimada (m²)').fill(report.superficie);
  await form.getByLabel('Volumen estimado (m³)').fill(report.volumen);
  await form.getByLabel('Tenencia del terreno').selectOption(report.tenencia);
  await form.getByLabel('Notas').fill(report.notas);
  await form.getByRole('button', { name: 'Guardar reporte' }).click();
  await page.locator('[data-seccion-cola]').waitFor();
}

/** What the queue's summary line counts. */
export const queueCounts = (page: Page) =>
  page.locator('[data-cola-resumen]').evaluate((element) => ({
    pendientes: Number((element as HTMLElement).dataset.pendientes),
    enviados: Number((element as HTMLElement).dataset.enviados),
    fallidos: Number((element as HTMLElement).dataset.fallidos),
  }));
