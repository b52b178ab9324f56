import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { get, type Feature } from './ogc-helpers.ts';

let testApp: TestApp;

async function count(text: string): Promise<number> {
  const [row] = await testApp.database.db.query<{ count: number }>(`select count(*)::int as count from (${text}) s`);
  return row?.count ?? -1;
}

beforeAll(async () => {
  testApp = await openTestApp();
  const db = testApp.database.db;
  // Points inside and outside a box near Vallenar, and on both sides of the antimeridian.
  await db.query(`insert into toponimia (nombre, tipo, fuente, "precision", geom) values
    ('dentro', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.75, -28.58), 4326)),
    ('al este', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.65, -28.58), 4326)),
    ('al norte', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.75, -28.45), 4326)),
    ('antimeridiano este', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(179.5, -20), 4326)),
    ('antimeridiano oeste', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-179.5, -20), 4326)),
    ('meridiano cero', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(0, -20), 4326))`);
  // Micro-dumps with known periods, far from any seed data (1990s).
  await db.query(`insert into microbasurales (codigo, estado, tenencia, primer_reporte, ultimo_reporte, fuente, "precision", geom) values
    ('PRUEBA-A', 'reportado', 'publica', '1995-01-10', '1995-03-20', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326)),
    ('PRUEBA-B', 'reportado', 'publica', '1995-03-01', null, 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326)),
    ('PRUEBA-C', 'reportado', 'publica', '1996-07-01', '1996-07-01', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326)),
    ('PRUEBA-D', 'reportado', 'publica', null, null, 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326)),
    ('PRUEBA-E', 'reportado', 'publica', '1994-12-31', '1995-01-09', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326))`);
});
afterAll(async () => {
  await testApp.close();
});

describe('bbox', () => {
  const names = async (url: string) =>
    ((await get(testApp.app, url)).json().features as Feature[]).map((feature) => feature.properties.nombre).sort();

  it('keeps the features that intersect the box and excludes those outside', async () => {
    expect(await names('/collections/toponimia/items?tipo=prueba_bbox&bbox=-70.8,-28.6,-70.7,-28.5')).toEqual(['dentro']);
  });

  it('reads six numbers as a box with heights', async () => {
    expect(await names('/collections/toponimia/items?tipo=prueba_bbox&bbox=-70.8,-28.6,-100,-70.7,-28.5,100')).toEqual(['dentro']);
  });

  it('splits a box whose west edge is east of its east edge at the antimeridian', async () => {
    expect(await names('/collections/toponimia/items?tipo=prueba_bbox&bbox=179,-21,-179,-19')).toEqual([
      'antimeridiano este',
      'antimeridiano oeste',
    ]);
  });

  it('matches what PostGIS finds intersecting the box, in every collection', async () => {
    for (const layer of layers) {
      const page = (await get(testApp.app, `/collections/${layer.id}/items?bbox=-70.8,-28.62,-70.7,-28.55&limit=10000`)).json();
      const expected = await count(
        `select 1 from ${quoteIdent(layer.table)} where ST_Intersects(${quoteIdent(layer.geometryColumn)}, ST_MakeEnvelope(-70.8, -28.62, -70.7, -28.55, 4326))`,
      );
      expect(page.numberMatched, layer.id).toBe(expected);
      expect(page.numberReturned, layer.id).toBe(expected);
    }
  });

  it.each([
    '1,2,3',
    '1,2,3,4,5',
    'a,b,c,d',
    'NaN,0,1,1',
    '0,0,1,Infinity',
    '1e400,0,1,1',
    '0,10,1,5',
    '-200,0,0,1',
    '0,-95,1,0',
    ',,,',
    '1,2,3,4&bbox=1,2,3,4',
  ])('rejects bbox=%s with 400', async (value) => {
    const answer = await get(testApp.app, `/collections/comuna/items?bbox=${value}`);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: 'bbox' });
  });
});

describe('datetime', () => {
  const codes = async (datetime: string) => {
    const answer = await get(testApp.app, `/collections/microbasurales/items?limit=10000&datetime=${encodeURIComponent(datetime)}`);
    expect(answer.status, datetime).toBe(200);
    return (answer.json().features as Feature[])
      .map((feature) => String(feature.properties.codigo))
      .filter((code) => code.startsWith('PRUEBA-'))
      .sort();
  };

  it('selects the features whose period contains an instant', async () => {
    expect(await codes('1995-01-15')).toEqual(['PRUEBA-A']);
  });

  it('selects by a closed interval, ends included', async () => {
    expect(await codes('1995-01-09/1995-01-10')).toEqual(['PRUEBA-A', 'PRUEBA-E']);
  });

  it('selects by half-bounded intervals; a missing end means the feature is still current', async () => {
    expect(await codes('../1995-01-01')).toEqual(['PRUEBA-E']);
    expect(await codes('1996-01-01/..')).toEqual(['PRUEBA-B', 'PRUEBA-C']);
    expect(await codes('1996-01-01/')).toEqual(['PRUEBA-B', 'PRUEBA-C']);
  });

  it('never selects a feature without a date', async () => {
    expect(await codes('1900-01-01/..')).not.toContain('PRUEBA-D');
  });

  it('reads a date-time in the Chilean calendar day it falls on', async () => {
    // 02:00 UTC on 1 March is still 28 February in Vallenar; 12:00 UTC is 1 March.
    expect(await codes('1995-03-01T02:00:00Z')).toEqual(['PRUEBA-A']);
    expect(await codes('1995-03-01T12:00:00Z')).toEqual(['PRUEBA-A', 'PRUEBA-B']);
  });

  it('is accepted and ignored by a collection without a temporal dimension', async () => {
    const page = (await get(testApp.app, '/collections/comuna/items?datetime=1995-01-15')).json();
    expect(page.numberMatched).toBe(await count('select 1 from comuna'));
  });

  it.each([
    '2024-13-01',
    '2024-02-30',
    'ayer',
    '../..',
    '2024-05-02/2024-05-01',
    '2024-05-01T25:00:00Z',
    '2024-05-01/2024-05-02/2024-05-03',
    '2024-05-01T12:00',
  ])('rejects datetime=%s with 400', async (value) => {
    const answer = await get(testApp.app, `/collections/comuna/items?datetime=${encodeURIComponent(value)}`);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: 'datetime' });
  });
});
