import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { createAccount } from '../../server/auth/accounts.ts';

let t: TestApp;
const password = 'una clave larga 2026';

beforeAll(async () => {
  t = await openTestApp();
  for (const usuario of ['ana.prueba2', 'bruno.prueba', 'carla.prueba']) {
    await createAccount(t.app.db, { usuario, nombre: usuario, rol: 'revisor', clave: password });
  }
});
afterAll(async () => t?.close());

const login = (usuario: string, clave: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/auth/login', remoteAddress, payload: { usuario, clave } });

describe('sign-in limits', () => {
  it('after ten failures, case and space variants of the name are refused with 429 even with the right password', async () => {
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect((await login('ana.prueba2', `intento ${attempt}`, '10.2.0.1')).statusCode).toBe(401);
    }
    for (const variant of ['ANA.PRUEBA2', ' ana.prueba2', 'Ana.Prueba2 ', 'ana.prueba2']) {
      const response = await login(variant, password, '10.2.0.1');
      expect(response.statusCode, variant).toBe(429);
      expect(response.headers['set-cookie'], variant).toBeUndefined();
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(response.json()).toEqual({
        code: 'too_many_attempts',
        description: expect.stringMatching(/^Demasiados intentos con la contraseña de esta cuenta; vuelva a intentar en \d+ minutos?\.$/),
      });
    }
  });

  it('counts the account from any address: a second address gets no fresh guesses at it', async () => {
    const response = await login('ANA.prueba2', password, '10.2.0.2');
    expect(response.statusCode).toBe(429);
    // Another account from that address is not affected.
    expect((await login('Bruno.Prueba', password, '10.2.0.2')).statusCode).toBe(200);
  });

  it('throttles one address trying many new names, then refuses even a real account from it', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 34; attempt += 1) {
      statuses.push((await login(`nombre.nuevo${attempt}`, 'adivinanza', '10.3.0.1')).statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429, 429, 429]);
    const real = await login('carla.prueba', password, '10.3.0.1');
    expect(real.statusCode).toBe(429);
    expect(real.json().description).toMatch(/^Demasiados intentos de inicio de sesión desde esta dirección; vuelva a intentar en/);
    expect(Number(real.headers['retry-after'])).toBeGreaterThan(0);
    // The same person from her own address signs in.
    expect((await login('carla.prueba', password, '10.3.0.2')).statusCode).toBe(200);
  });

  it('treats every address of one IPv6 /64 as one address', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      statuses.push((await login(`otro.nombre${attempt}`, 'adivinanza', `2001:db8:1:2::${(attempt + 1).toString(16)}`)).statusCode);
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});
