import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { createAccount } from '../../server/auth/accounts.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t?.close());

interface Signed {
  headers: { cookie: string; 'x-csrf-token': string };
}

async function signIn(usuario: string, clave: string, remoteAddress = '127.0.0.1'): Promise<Signed> {
  const response = await t.app.inject({ method: 'POST', url: '/auth/login', remoteAddress, payload: { usuario, clave } });
  expect(response.statusCode).toBe(200);
  const cookie = String(response.headers['set-cookie']).split(';')[0]!;
  return { headers: { cookie, 'x-csrf-token': response.json().csrf } };
}

async function newToken(session: Signed, nombre: string): Promise<string> {
  const response = await t.app.inject({ method: 'POST', url: '/auth/tokens', headers: session.headers, payload: { nombre } });
  expect(response.statusCode).toBe(201);
  return response.json().token;
}

const whoIs = async (headers: Record<string, string>) => {
  const response = await t.app.inject({ method: 'GET', url: '/auth/sesion', headers });
  return { status: response.statusCode, usuario: response.statusCode === 200 ? (response.json().usuario?.usuario ?? null) : null };
};

describe('POST /auth/clave', () => {
  it('ends every session, revokes every personal token and says how many', async () => {
    const old = 'la clave anterior 2026';
    await createAccount(t.app.db, { usuario: 'dora.cambia', nombre: 'Dora Cambia', rol: 'planificador', clave: old });
    const here = await signIn('dora.cambia', old);
    const elsewhere = await signIn('dora.cambia', old, '10.9.0.1');
    const tokens = [await newToken(here, 'QGIS oficina'), await newToken(elsewhere, 'script del intruso')];
    // One already revoked does not count again.
    const revokedBefore = await newToken(here, 'viejo');
    const listed = await t.app.inject({ method: 'GET', url: '/auth/tokens', headers: here.headers });
    const oldId = listed.json().find((token: { nombre: string }) => token.nombre === 'viejo').id;
    expect((await t.app.inject({ method: 'DELETE', url: `/auth/tokens/${oldId}`, headers: here.headers })).statusCode).toBe(204);

    const change = await t.app.inject({
      method: 'POST',
      url: '/auth/clave',
      headers: here.headers,
      payload: { clave_actual: old, clave_nueva: 'la clave nueva de dora' },
    });
    expect(change.statusCode).toBe(200);
    expect(change.json()).toEqual({ tokens_revocados: 2 });

    for (const token of [...tokens, revokedBefore]) {
      expect(await whoIs({ authorization: `Bearer ${token}` })).toEqual({ status: 401, usuario: null });
    }
    expect((await whoIs({ cookie: here.headers.cookie })).usuario).toBeNull();
    expect((await whoIs({ cookie: elsewhere.headers.cookie })).usuario).toBeNull();
    const again = await signIn('dora.cambia', 'la clave nueva de dora');
    expect((await whoIs({ cookie: again.headers.cookie })).usuario).toBe('dora.cambia');
    const stillListed = await t.app.inject({ method: 'GET', url: '/auth/tokens', headers: again.headers });
    expect(stillListed.json()).toEqual([]);
  });

  it('answers 0 revoked when the person had no tokens', async () => {
    await createAccount(t.app.db, { usuario: 'eva.cambia', nombre: 'Eva', rol: 'revisor', clave: 'la clave de eva 2026' });
    const session = await signIn('eva.cambia', 'la clave de eva 2026');
    const change = await t.app.inject({
      method: 'POST',
      url: '/auth/clave',
      headers: session.headers,
      payload: { clave_actual: 'la clave de eva 2026', clave_nueva: 'otra clave de eva 2027' },
    });
    expect(change.json()).toEqual({ tokens_revocados: 0 });
  });

  it('keeps everything when the current password is wrong or the new one is weak', async () => {
    await createAccount(t.app.db, { usuario: 'fabi.cambia', nombre: 'Fabi', rol: 'terreno', clave: 'la clave de fabi 2026' });
    const session = await signIn('fabi.cambia', 'la clave de fabi 2026');
    const token = await newToken(session, 'GDAL');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/auth/clave',
      headers: session.headers,
      payload: { clave_actual: 'no es', clave_nueva: 'una clave nueva larga' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', field: 'clave_actual' });
    const weak = await t.app.inject({
      method: 'POST',
      url: '/auth/clave',
      headers: session.headers,
      payload: { clave_actual: 'la clave de fabi 2026', clave_nueva: 'corta' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'weak_password', field: 'clave' });
    expect((await whoIs({ authorization: `Bearer ${token}` })).usuario).toBe('fabi.cambia');
    expect((await whoIs({ cookie: session.headers.cookie })).usuario).toBe('fabi.cambia');
  });

  it('counts wrong current passwords against the account: a stolen session cannot guess it', async () => {
    await createAccount(t.app.db, { usuario: 'gala.cambia', nombre: 'Gala', rol: 'revisor', clave: 'la clave de gala 2026' });
    const session = await signIn('gala.cambia', 'la clave de gala 2026');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/auth/clave',
        headers: session.headers,
        payload: { clave_actual: `adivinanza ${attempt}`, clave_nueva: 'la clave del intruso' },
      });
      statuses.push(response.statusCode);
    }
    // The sign-in above was the account's first attempt of the window.
    expect(statuses.slice(0, 9).every((status) => status === 400)).toBe(true);
    expect(statuses[9]).toBe(429);
    const right = await t.app.inject({
      method: 'POST',
      url: '/auth/clave',
      headers: session.headers,
      payload: { clave_actual: 'la clave de gala 2026', clave_nueva: 'la clave del intruso' },
    });
    expect(right.statusCode).toBe(429);
    expect(right.headers['retry-after']).toBeDefined();
  });
});
