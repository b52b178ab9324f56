import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/auth/accounts.ts';
import { launchBrowser, screenshotPath } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { assertClientBuilt, openWorkbench } from '../support/workbench.ts';
import { signIn } from './editing-support.ts';

/** The account corner of the header: personal tokens for QGIS and GDAL, and changing one's own password. */
let server: TestServer;
let browser: Browser;
let page: Page;
const person = { usuario: 'cuenta.e2e', nombre: 'Persona de Cuenta', clave: 'una clave larga de prueba 2026' };
const newPassword = 'otra clave larga distinta 2027';

beforeAll(async () => {
  server = await startTestServer();
  assertClientBuilt(server);
  await createAccount(server.database.db, { ...person, rol: 'planificador' });
  browser = await launchBrowser();
  page = await openWorkbench(browser, server, { permissions: ['clipboard-read', 'clipboard-write'] });
  await signIn(page, person.usuario, person.clave);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function whoIs(authorization: string): Promise<string | null> {
  const response = await fetch(`${server.baseUrl}/auth/sesion`, { headers: { authorization } });
  return ((await response.json()) as { usuario: { usuario: string } | null }).usuario?.usuario ?? null;
}

describe('the account menu', () => {
  it('creates a personal token shown once, that works as Bearer and basic auth, and revokes it', async () => {
    await page.locator('[data-persona]').click();
    await page.locator('[data-dialogo-cuenta] [data-tokens]').click();
    const dialog = page.locator('[data-dialogo-tokens]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Authorization: Bearer <token>');
    expect(await dialog.locator('[data-lista-tokens]').textContent()).toBe('No tiene tokens vigentes.');
    await dialog.getByLabel('Nombre del token').fill('QGIS oficina');
    await dialog.getByRole('button', { name: 'Crear token' }).click();
    const secret = dialog.locator('[data-token-secreto]');
    await secret.waitFor();
    const token = await secret.inputValue();
    await dialog.getByRole('button', { name: 'Copiar' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await expect.poll(() => dialog.locator('[data-token]').count()).toBe(1);
    expect(await dialog.locator('[data-token]').textContent()).toContain('QGIS oficina');
    // The list never shows the secret again, only its prefix.
    expect(await dialog.locator('[data-lista-tokens]').textContent()).not.toContain(token);
    await dialog.screenshot({ path: screenshotPath('account-tokens') });

    expect(await whoIs(`Bearer ${token}`)).toBe(person.usuario);
    expect(await whoIs(`Basic ${Buffer.from(`${person.usuario}:${token}`).toString('base64')}`)).toBe(person.usuario);

    page.once('dialog', (confirm) => void confirm.accept());
    await dialog.getByRole('button', { name: 'Revocar' }).click();
    await expect.poll(() => dialog.locator('[data-token]').count()).toBe(0);
    expect(await whoIs(`Bearer ${token}`)).toBe(null);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('changes the password: a wrong current one is shown at its field, then the person signs in again with the new one', async () => {
    await page.locator('[data-persona]').click();
    await page.locator('[data-dialogo-cuenta] [data-cambiar-clave]').click();
    const dialog = page.locator('[data-dialogo-clave]');
    await dialog.getByLabel('Contraseña actual').fill('no es la clave');
    await dialog.getByLabel('Contraseña nueva *', { exact: true }).fill(newPassword);
    await dialog.getByLabel('Repita la contraseña nueva').fill(newPassword);
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    await expect.poll(() => dialog.locator('[data-error-for="clave_actual"]').textContent()).toBe('La contraseña actual no es correcta.');

    await dialog.getByLabel('Contraseña actual').fill(person.clave);
    await dialog.getByRole('button', { name: 'Guardar' }).click();
    const signInDialog = page.locator('[data-dialogo-sesion]');
    await signInDialog.waitFor();
    expect(await signInDialog.textContent()).toContain('Contraseña cambiada');
    await page.locator('#account-menu [data-iniciar-sesion]').waitFor();
    await signInDialog.getByLabel('Usuario').fill(person.usuario);
    await signInDialog.getByLabel('Contraseña').fill(newPassword);
    await signInDialog.getByRole('button', { name: 'Entrar' }).click();
    await page.locator(`[data-persona="${person.usuario}"]`).waitFor();
  });
});
