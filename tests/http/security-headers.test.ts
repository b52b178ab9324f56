import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { authHeaders } from '../support/auth.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let revisor: { authorization: string };
let reviewId: number;
let unitId: string;

/** A small square in central Vallenar (lon/lat), for a stored Plan Regulador review. */
const square = {
  type: 'Polygon',
  coordinates: [
    [
      [-70.7595, -28.576],
      [-70.758, -28.576],
      [-70.758, -28.5748],
      [-70.7595, -28.5748],
      [-70.7595, -28.576],
    ],
  ],
};
const png = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]).toString('base64')}`;

beforeAll(async () => {
  t = await openTestApp();
  revisor = await authHeaders(t.app, 'revisor');
  const review = await t.app.inject({
    method: 'POST',
    url: '/analysis/revisiones-prc',
    headers: revisor,
    payload: { titulo: 'Revisión de prueba', geometry: square, mapa_png: png },
  });
  expect(review.statusCode, review.body).toBe(201);
  reviewId = review.json().id;
  const [unit] = await t.app.db.query<{ id: string }>('select id::text as id from unidades_vecinales order by id limit 1');
  unitId = unit!.id;
});
afterAll(async () => t?.close());

/** The Content-Security-Policy header as directive → sources. */
function policyOf(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

function expectSecurityHeaders(response: LightMyRequestResponse, what: string) {
  const policy = policyOf(response);
  expect(policy.get('default-src'), what).toEqual(["'self'"]);
  expect(policy.get('script-src'), what).toEqual(["'self'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(policy.get('base-uri'), what).toEqual(["'self'"]);
  // Nothing is allowed from another origin: every source is a keyword or a local scheme.
  for (const [name, sources] of policy) {
    for (const source of sources) expect(source, `${what}: ${name}`).toMatch(/^('[a-z-]+'|data:|blob:)$/);
  }
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['x-frame-options'], what).toBe('DENY');
  expect(response.headers['referrer-policy'], what).toBe('no-referrer');
}

const html = { accept: 'text/html' };

describe('security headers', () => {
  it.each([
    ['the workbench', '/'],
    ['the field app', '/campo'],
    ['the API documentation', '/api.html'],
    ['the semiannual report', '/reportes/semestral.html?anio=2026&semestre=1'],
  ])('on %s (%s)', async (what, url) => {
    const response = await t.app.inject({ url, headers: html });
    expect(response.statusCode, what).toBe(200);
    expect(response.headers['content-type'], what).toMatch(/^text\/html/);
    expectSecurityHeaders(response, what);
  });

  it('on a unit sheet and on a stored review, the printed pages with their own styles', async () => {
    const sheet = await t.app.inject({ url: `/reportes/unidad-vecinal/${unitId}.html`, headers: html });
    expect(sheet.statusCode).toBe(200);
    expectSecurityHeaders(sheet, 'ficha');
    const review = await t.app.inject({ url: `/analysis/revisiones-prc/${reviewId}.html`, headers: { ...html, ...revisor } });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain('Revisión de prueba');
    expectSecurityHeaders(review, 'revisión');
    // The reports' inline <style> and the review's data: map image are what the policy allows beyond 'self'.
    expect(policyOf(review).get('style-src')).toContain("'unsafe-inline'");
    expect(policyOf(review).get('img-src')).toContain('data:');
  });

  it('on JSON answers, CSV downloads and error answers', async () => {
    const answers: [string, LightMyRequestResponse, number][] = [
      ['JSON', await t.app.inject('/collections'), 200],
      ['CSV', await t.app.inject('/analysis/indicadores?f=csv'), 200],
      ['404', await t.app.inject('/no-existe'), 404],
      ['404 page', await t.app.inject({ url: '/no-existe.html', headers: html }), 404],
      ['400', await t.app.inject('/reportes/semestral?anio=abc&semestre=1'), 400],
      ['401 token', await t.app.inject({ url: '/collections', headers: { authorization: 'Bearer sit_inventado' } }), 401],
      ['401 review', await t.app.inject({ url: `/analysis/revisiones-prc/${reviewId}.html`, headers: html }), 401],
    ];
    for (const [what, response, status] of answers) {
      expect(response.statusCode, what).toBe(status);
      expectSecurityHeaders(response, what);
    }
  });
});
