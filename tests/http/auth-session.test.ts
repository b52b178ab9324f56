import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { authHeaders } from '../support/auth.ts';
import { buildApp } from '../../server/app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
  await createAccount(t.app.db, { usuario: 'ana.planifica', nombre: 'Ana Planifica', rol: 'planificador', clave: 'una clave larga 2026' });
});
afterAll(async () => t?.close());

function cookieOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0]! : setCookie!;
  return header.split(';')[0]!;
}

describe('session login', () => {
  it('signs in with the right password and sets an HttpOnly SameSite cookie', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { usuario: 'ana.planifica', clave: 'una clave larga 2026' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.usuario).toEqual({ usuario: 'ana.planifica', nombre: 'Ana Planifica', rol: 'planificador' });
    expect(body.csrf).toMatch(/^[\w-]{40,}$/);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/sit_sesion=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/);

    const me = await t.app.inject({ method: 'GET', url: '/auth/sesion', headers: { cookie: cookieOf(response.headers['set-cookie']) } });
    expect(me.json()).toEqual({ usuario: body.usuario, csrf: body.csrf });
  });

  it('marks the cookie Secure behind an HTTPS proxy the configuration trusts, and only then', async () => {
    const request = {
      method: 'POST' as const,
      url: '/auth/login',
      remoteAddress: '10.0.0.9',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { usuario: 'ana.planifica', clave: 'una clave larga 2026' },
    };
    // Without SIT_TRUST_PROXY the header is ignored: any client could send it.
    const untrusted = await t.app.inject(request);
    expect(String(untrusted.headers['set-cookie'])).not.toMatch(/Secure/);
    const proxied = await buildApp({ config: { ...t.database.config, trustProxy: true }, database: t.app.db, logger: false });
    try {
      const trusted = await proxied.inject(request);
      expect(trusted.statusCode).toBe(200);
      expect(String(trusted.headers['set-cookie'])).toMatch(/; Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password with 401 and the same message as an unknown account', async () => {
    const wrong = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { usuario: 'ana.planifica', clave: 'otra clave' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { usuario: 'nadie', clave: 'otra clave' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().description).toBe(unknown.json().description);
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('limits login attempts per address and account with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: '10.1.1.1',
        payload: { usuario: 'victima', clave: `intento ${i}` },
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const last = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      remoteAddress: '10.1.1.1',
      payload: { usuario: 'victima', clave: 'x' },
    });
    expect(last.json().code).toBe('too_many_attempts');
    expect(last.headers['retry-after']).toBeDefined();
  });

  it('signs out: the cookie no longer authenticates', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { usuario: 'ana.planifica', clave: 'una clave larga 2026' },
    });
    const cookie = cookieOf(login.headers['set-cookie']);
    const out = await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { cookie, 'x-csrf-token': login.json().csrf } });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({ method: 'GET', url: '/auth/sesion', headers: { cookie } });
    expect(me.json().usuario).toBeNull();
  });

  it('requires the CSRF token on cookie-authenticated writes, not on token-authenticated ones', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: { usuario: 'ana.planifica', clave: 'una clave larga 2026' },
    });
    const cookie = cookieOf(login.headers['set-cookie']);
    const without = await t.app.inject({ method: 'POST', url: '/auth/tokens', headers: { cookie }, payload: { nombre: 'QGIS' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_token_invalid');
    const withToken = await t.app.inject({
      method: 'POST',
      url: '/auth/tokens',
      headers: { cookie, 'x-csrf-token': login.json().csrf },
      payload: { nombre: 'QGIS' },
    });
    expect(withToken.statusCode).toBe(201);
    const { token } = withToken.json();
    expect(token).toMatch(/^sit_/);
    const viaBearer = await t.app.inject({ method: 'GET', url: '/auth/sesion', headers: { authorization: `Bearer ${token}` } });
    expect(viaBearer.json().usuario.usuario).toBe('ana.planifica');
    const basic = Buffer.from(`ana.planifica:${token}`).toString('base64');
    const viaBasic = await t.app.inject({ method: 'GET', url: '/auth/sesion', headers: { authorization: `Basic ${basic}` } });
    expect(viaBasic.json().usuario.usuario).toBe('ana.planifica');
  });

  it('answers 401 to a revoked or invented token instead of treating it as the public', async () => {
    const headers = await authHeaders(t.app, 'revisor');
    const tokens = await t.app.inject({ method: 'GET', url: '/auth/tokens', headers });
    const id = tokens.json()[0].id;
    expect((await t.app.inject({ method: 'DELETE', url: `/auth/tokens/${id}`, headers })).statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/auth/sesion', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('invalid_token');
    const invented = await t.app.inject({ method: 'GET', url: '/collections', headers: { authorization: 'Bearer sit_inventado' } });
    expect(invented.statusCode).toBe(401);
  });

  it('keeps only hashes of passwords, sessions and tokens in the database', async () => {
    const [user] = await t.app.db.query<{ clave_hash: string }>(`select clave_hash from usuarios where usuario = 'ana.planifica'`);
    expect(user!.clave_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(user!.clave_hash).not.toContain('una clave');
    const tokens = await t.app.db.query<{ token_hash: string }>('select token_hash from api_tokens');
    for (const row of tokens) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
