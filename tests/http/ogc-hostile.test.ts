import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { get, type Feature } from './ogc-helpers.ts';

let testApp: TestApp;
const injection = "'; drop table comuna; --";
const quoted = `O'Higgins "Norte" \\ ; --`;

/** Tables of the public schema and the row count of every catalogue layer: what an injection would change. */
async function fingerprint(): Promise<string> {
  const db = testApp.database.db;
  const tables = await db.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  const counts: string[] = [];
  for (const layer of layers) {
    const [row] = await db.query<{ count: number }>(`select count(*)::int as count from ${quoteIdent(layer.table)}`);
    counts.push(`${layer.id}=${row?.count}`);
  }
  return JSON.stringify({ tables: tables.map((table) => table.name), counts });
}

let before = '';
beforeAll(async () => {
  testApp = await openTestApp();
  await testApp.database.db.query(
    `insert into toponimia (nombre, tipo, fuente, "precision", geom) values ($1, $1, 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326))`,
    [quoted],
  );
  before = await fingerprint();
});
afterAll(async () => {
  await testApp.close();
});

const query = (parameters: Record<string, string>) => new URLSearchParams(parameters).toString();

describe('hostile input', () => {
  it('treats an injection in a filter value as a plain value: no match, nothing executed', async () => {
    const answer = await get(testApp.app, `/collections/comuna/items?${query({ codigo: injection })}`);
    expect(answer.status).toBe(200);
    expect(answer.json().numberMatched).toBe(0);
  });

  it('finds a value with quotes, backslashes and semicolons exactly', async () => {
    const answer = await get(testApp.app, `/collections/toponimia/items?${query({ tipo: quoted })}`);
    expect(answer.status).toBe(200);
    const features = answer.json().features as Feature[];
    expect(features.map((feature) => feature.properties.nombre)).toEqual([quoted]);
  });

  it('rejects an injection as a parameter name with 400 invalid_parameter naming it', async () => {
    const answer = await get(testApp.app, `/collections/comuna/items?${query({ [injection]: '1' })}`);
    expect(answer.status).toBe(400);
    expect(answer.json()).toEqual({ code: 'invalid_parameter', description: expect.any(String), field: injection });
  });

  it.each([
    ['a name with quotes', { 'nombre"': 'x' }],
    ['a non-filterable column', { nombre: 'x' }],
    ['a column that is not public', { huella: 'x' }],
    ['NaN in bbox', { bbox: 'NaN,NaN,NaN,NaN' }],
    ['SQL in bbox', { bbox: '0,0,1,1); drop table comuna; --' }],
    ['SQL in datetime', { datetime: injection }],
    ['SQL in crs', { crs: injection }],
    ['SQL in bbox-crs', { bbox: '0,0,1,1', 'bbox-crs': injection }],
    ['SQL in limit', { limit: '1; drop table comuna' }],
    ['a NUL byte in a value', { tipo: 'a\u0000b' }],
  ])('answers %s with 400', async (_label, parameters) => {
    const answer = await get(testApp.app, `/collections/toponimia/items?${query(parameters)}`);
    expect(answer.status).toBe(400);
    expect(answer.json().code).toBe('invalid_parameter');
  });

  it('caps a huge limit instead of failing', async () => {
    const answer = await get(testApp.app, '/collections/comuna/items?limit=99999999999999999999');
    expect(answer.status).toBe(200);
  });

  it('answers a very long value without error', async () => {
    const answer = await get(testApp.app, `/collections/toponimia/items?${query({ tipo: 'x'.repeat(50_000) })}`);
    expect(answer.status).toBe(200);
    expect(answer.json().numberMatched).toBe(0);
  });

  it.each([
    `/collections/comuna/items/1${encodeURIComponent(`;${injection}`)}`,
    `/collections/${encodeURIComponent(injection)}/items/1`,
    `/collections/comuna/items/${encodeURIComponent(injection)}`,
  ])('answers %s with 404', async (url) => {
    expect((await get(testApp.app, url)).status).toBe(404);
  });

  it('leaves the database exactly as it was', async () => {
    expect(await fingerprint()).toBe(before);
  });
});
