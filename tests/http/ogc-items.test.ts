import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { errorsOf, followPages, geoJsonValidators, get, linkOf, ogcValidators, type Feature } from './ogc-helpers.ts';

let testApp: TestApp;
const ogc = ogcValidators();
const geojson = geoJsonValidators();
const massive = 10_050;

async function sql<Row = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<Row[]> {
  return testApp.database.db.query<Row>(text, params);
}
async function count(text: string, params: unknown[] = []): Promise<number> {
  const [row] = await sql<{ count: number }>(`select count(*)::int as count from (${text}) s`, params);
  return row?.count ?? -1;
}
const bumpVersion = (layerId: string) =>
  sql(`insert into layer_version (layer_id) values ($1) on conflict (layer_id) do update set version = layer_version.version + 1`, [
    layerId,
  ]);

beforeAll(async () => {
  testApp = await openTestApp();
  // Points to filter and fetch one by one, 250 to page through, and enough to cap limit and count.
  await sql(`insert into toponimia (nombre, tipo, fuente, "precision", geom) values
    ('dentro', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.75, -28.58), 4326)),
    ('al este', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.65, -28.58), 4326)),
    ('al norte', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.75, -28.45), 4326)),
    ('antimeridiano este', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(179.5, -20), 4326)),
    ('antimeridiano oeste', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-179.5, -20), 4326)),
    ('meridiano cero', 'prueba_bbox', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(0, -20), 4326))`);
  await sql(`insert into toponimia (nombre, tipo, fuente, "precision", geom)
    select 'página ' || n, 'prueba_paginas', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.7 + n * 0.0001, -28.6), 4326)
    from generate_series(1, 250) n`);
  await sql(`insert into toponimia (nombre, tipo, fuente, "precision", geom)
    select 'masivo ' || n, 'masivo', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.5 + n * 0.00001, -28.3), 4326)
    from generate_series(1, ${massive}) n`);
  await bumpVersion('toponimia');
});
afterAll(async () => {
  await testApp.close();
});

describe('items of every collection', () => {
  it('serves each collection as a valid GeoJSON FeatureCollection with the OGC members, typed as the catalogue says', async () => {
    for (const layer of layers) {
      const answer = await get(testApp.app, `/collections/${layer.id}/items?limit=50`);
      expect(answer.status, layer.id).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(answer.headers['content-crs']).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
      const page = answer.json();
      expect(geojson.featureCollection(page), `${layer.id}: ${errorsOf(geojson.featureCollection)}`).toBe(true);
      expect(ogc.featureCollection(page), `${layer.id}: ${errorsOf(ogc.featureCollection)}`).toBe(true);
      expect(page.numberMatched, layer.id).toBe(await count(`select 1 from ${quoteIdent(layer.table)}`));
      expect(page.numberReturned).toBe((page.features as unknown[]).length);
      expect(Date.parse(String(page.timeStamp))).not.toBeNaN();
      for (const feature of page.features as Feature[]) {
        expect(Object.keys(feature.properties)).toEqual(layer.properties.map((property) => property.name));
        for (const property of layer.properties) {
          const value = feature.properties[property.name];
          if (value === null) continue;
          const expected = { string: 'string', date: 'string', integer: 'number', number: 'number', boolean: 'boolean' }[property.type];
          expect(typeof value, `${layer.id}.${property.name}`).toBe(expected);
          if (property.type === 'integer') expect(Number.isInteger(value)).toBe(true);
          if (property.type === 'date') expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
  });

  it('visits every feature of every collection exactly once by following next links', async () => {
    for (const layer of layers) {
      const { features, pages } = await followPages(testApp.app, `/collections/${layer.id}/items?limit=1000`);
      const expected = await count(`select 1 from ${quoteIdent(layer.table)}`);
      expect(features.length, layer.id).toBe(expected);
      expect(new Set(features.map((feature) => feature.id)).size, layer.id).toBe(expected);
      for (const page of pages) expect(page.numberMatched, layer.id).toBe(expected);
    }
  });
});

describe('limit and paging', () => {
  it('returns 100 features when limit is absent', async () => {
    const page = (await get(testApp.app, '/collections/toponimia/items?tipo=prueba_paginas')).json();
    expect(page.numberReturned).toBe(100);
    expect(page.numberMatched).toBe(250);
    expect(linkOf(page, 'next')?.href).toBe('http://localhost:80/collections/toponimia/items?tipo=prueba_paginas&limit=100&offset=100');
    expect(linkOf(page, 'prev')).toBeUndefined();
  });

  it('sends a page of 1 000 features without parsing them in Node (the hot path stays text)', async () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const answer = await testApp.app.inject('/collections/toponimia/items?tipo=masivo&limit=1000');
      expect(answer.statusCode).toBe(200);
      expect(answer.body.length).toBeGreaterThan(100_000);
      const largest = Math.max(0, ...parse.mock.calls.map(([text]) => String(text).length));
      expect(largest).toBeLessThan(10_000);
    } finally {
      parse.mockRestore();
    }
  });

  it.each(['20000', '99999999999999999999', '1e400'])('caps limit=%s to 10 000 instead of rejecting it', async (value) => {
    const answer = await get(testApp.app, `/collections/toponimia/items?limit=${value}`);
    expect(answer.status).toBe(200);
    const page = answer.json();
    expect(page.numberReturned).toBe(10_000);
    expect(linkOf(page, 'next')?.href).toMatch(/limit=10000&offset=10000$/);
  });

  it('visits numberMatched features exactly once through next, keeping the other parameters, and goes back with prev', async () => {
    const url = '/collections/toponimia/items?tipo=prueba_paginas&limit=7&bbox=-71,-29,-70,-28';
    const { features, pages } = await followPages(testApp.app, url);
    expect(features).toHaveLength(250);
    expect(new Set(features.map((feature) => feature.id)).size).toBe(250);
    expect(pages).toHaveLength(Math.ceil(250 / 7));
    for (const page of pages.slice(1)) {
      const prev = new URL(linkOf(page, 'prev')?.href ?? '');
      expect(prev.searchParams.get('tipo')).toBe('prueba_paginas');
      expect(prev.searchParams.get('bbox')).toBe('-71,-29,-70,-28');
    }
    const back = (await get(testApp.app, linkOf(pages[1] ?? {}, 'prev')?.href ?? '')).json();
    expect((back.features as Feature[]).map((feature) => feature.id)).toEqual(features.slice(0, 7).map((feature) => feature.id));
    expect(linkOf(pages.at(-1) ?? {}, 'next')).toBeUndefined();
  });

  it('counts a large unfiltered layer exactly and pages past 10 000 features', async () => {
    const total = await count('select 1 from toponimia');
    const page = (await get(testApp.app, '/collections/toponimia/items?limit=5000&offset=10000')).json();
    expect(page.numberMatched).toBe(total);
    expect(page.numberReturned).toBe(Math.min(5000, total - 10_000));
  });

  it('omits numberMatched when more than 10 000 features match a filter, and still pages to the end', async () => {
    const { features, pages } = await followPages(testApp.app, '/collections/toponimia/items?tipo=masivo&limit=5000');
    expect(pages[0]?.numberMatched).toBeUndefined();
    expect(features).toHaveLength(massive);
    expect(new Set(features.map((feature) => feature.id)).size).toBe(massive);
  });

  it.each(['0', '-1', 'abc', '1.5', ''])('rejects limit=%s with 400', async (value) => {
    const answer = await get(testApp.app, `/collections/comuna/items?limit=${value}`);
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: 'limit' });
    expect(ogc.exception(answer.json())).toBe(true);
  });

  it.each(['-1', 'x', '99999999999'])('rejects offset=%s with 400', async (value) => {
    expect((await get(testApp.app, `/collections/comuna/items?offset=${value}`)).json()).toMatchObject({
      code: 'invalid_parameter',
      field: 'offset',
    });
  });
});

describe('equality filters on catalogue properties', () => {
  it('selects by a string property', async () => {
    const page = (await get(testApp.app, '/collections/toponimia/items?tipo=prueba_bbox')).json();
    expect(page.numberMatched).toBe(6);
    for (const feature of page.features as Feature[]) expect(feature.properties.tipo).toBe('prueba_bbox');
  });

  it('casts the value by the property type: an integer property takes integers, and anything else is a 400', async () => {
    const layer = layers.find((candidate) => candidate.properties.some((property) => property.type === 'integer' && property.filterable));
    const property = layer?.properties.find((candidate) => candidate.type === 'integer' && candidate.filterable);
    expect(property, 'the catalogue has a filterable integer property').toBeDefined();
    if (!layer || !property) return;
    const page = (await get(testApp.app, `/collections/${layer.id}/items?${property.name}=2024`)).json();
    expect(page.numberMatched).toBe(await count(`select 1 from ${quoteIdent(layer.table)} where ${quoteIdent(property.name)} = 2024`));
    for (const value of ['abc', '20.5', '99999999999999999999']) {
      const answer = await get(testApp.app, `/collections/${layer.id}/items?${property.name}=${value}`);
      expect(answer.status, value).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: property.name });
    }
  });

  it('rejects a value outside a property’s allowed values', async () => {
    const answer = await get(testApp.app, '/collections/microbasurales/items?estado=inventado');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: 'estado' });
  });

  it('rejects properties that are not filterable and unknown parameters, naming them', async () => {
    for (const name of ['nombre', 'foo', 'LIMIT']) {
      const answer = await get(testApp.app, `/collections/toponimia/items?${name}=1`);
      expect(answer.status, name).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: name });
    }
  });

  it('accepts f=json and serves the same GeoJSON as application/json', async () => {
    const geo = (await get(testApp.app, '/collections/toponimia/items?tipo=prueba_bbox')).json();
    const answer = await get(testApp.app, '/collections/toponimia/items?tipo=prueba_bbox&f=json');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    expect(answer.json().features).toEqual(geo.features);
    expect(linkOf(geo, 'alternate', 'application/json')?.href).toContain('f=json');
    expect((await get(testApp.app, '/collections/toponimia/items?f=html')).status).toBe(400);
  });
});

describe('/collections/{collectionId}/items/{featureId}', () => {
  it('serves one feature with self, alternate and collection links and an ETag', async () => {
    const [row] = await sql<{ id: number }>(`select id from toponimia where nombre = 'dentro'`);
    const answer = await get(testApp.app, `/collections/toponimia/items/${row?.id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(answer.headers['content-crs']).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    const feature = answer.json();
    expect(geojson.feature(feature), errorsOf(geojson.feature)).toBe(true);
    expect(ogc.feature(feature), errorsOf(ogc.feature)).toBe(true);
    expect(feature).toMatchObject({
      id: row?.id,
      geometry: { type: 'Point', coordinates: [-70.75, -28.58] },
      properties: { nombre: 'dentro' },
    });
    expect(linkOf(feature, 'self', 'application/geo+json')?.href).toBe(`http://localhost:80/collections/toponimia/items/${row?.id}`);
    expect(linkOf(feature, 'alternate', 'application/json')).toBeDefined();
    expect(linkOf(feature, 'collection')?.href).toBe('http://localhost:80/collections/toponimia');
    const etag = String(answer.headers.etag);
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const again = await get(testApp.app, `/collections/toponimia/items/${row?.id}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    await sql(`update toponimia set nombre = 'dentro (editado)' where id = $1`, [row?.id]);
    const changed = await get(testApp.app, `/collections/toponimia/items/${row?.id}`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    await sql(`update toponimia set nombre = 'dentro' where id = $1`, [row?.id]);
  });

  it('serves the same feature as the items page does', async () => {
    const page = (await get(testApp.app, '/collections/toponimia/items?tipo=prueba_bbox&limit=1')).json();
    const listed = (page.features as (Feature & { links?: unknown })[])[0];
    const single = (await get(testApp.app, `/collections/toponimia/items/${listed?.id}`)).json();
    expect({ ...single, links: undefined }).toEqual({ ...listed, links: undefined });
  });

  it.each(['999999999', 'abc', '1.5', '-1', '01', '99999999999999999999', '1%20or%201=1'])(
    'answers featureId %s with 404, never 500',
    async (id) => {
      const answer = await get(testApp.app, `/collections/toponimia/items/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.json()).toMatchObject({ code: 'not_found', field: 'featureId' });
    },
  );

  it('rejects unknown parameters on a feature with 400', async () => {
    expect((await get(testApp.app, '/collections/toponimia/items/1?limit=1')).json()).toMatchObject({
      code: 'invalid_parameter',
      field: 'limit',
    });
  });
});
