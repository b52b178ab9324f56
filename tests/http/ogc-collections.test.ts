import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { errorsOf, get, linkOf, ogcValidators } from './ogc-helpers.ts';

let testApp: TestApp;
const ogc = ogcValidators();
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const crsList = [
  'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  'http://www.opengis.net/def/crs/EPSG/0/4326',
  'http://www.opengis.net/def/crs/EPSG/0/32719',
  'http://www.opengis.net/def/crs/EPSG/0/3857',
];

interface CollectionBody {
  id: string;
  links: { rel: string; type?: string; href: string }[];
  extent?: { spatial?: { bbox: number[][]; crs: string }; temporal?: { interval: (string | null)[][] } };
  itemType: string;
  crs: string[];
  storageCrs: string;
}

async function databaseExtent(table: string): Promise<number[] | null> {
  const [row] = await testApp.database.db.query<{ xmin: number | null; ymin: number; xmax: number; ymax: number }>(
    `select ST_XMin(e) xmin, ST_YMin(e) ymin, ST_XMax(e) xmax, ST_YMax(e) ymax from (select ST_Extent(geom) e from ${quoteIdent(table)}) s`,
  );
  return row && row.xmin !== null ? [row.xmin, row.ymin, row.xmax, row.ymax] : null;
}

describe('/collections', () => {
  it('lists every layer of the catalogue, in order, valid against the OGC schema', async () => {
    const answer = await get(testApp.app, '/collections');
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(ogc.collections(body), errorsOf(ogc.collections)).toBe(true);
    expect((body.collections as CollectionBody[]).map((collection) => collection.id)).toEqual(layers.map((layer) => layer.id));
    expect(linkOf(body, 'self')?.href).toBe('http://localhost:80/collections');
  });

  it('describes each collection as features in CRS84 first, then EPSG 4326, 32719 and 3857, stored in CRS84', async () => {
    const { collections } = (await get(testApp.app, '/collections')).json() as { collections: CollectionBody[] };
    for (const collection of collections) {
      expect(collection.itemType, collection.id).toBe('feature');
      expect(collection.crs, collection.id).toEqual(crsList);
      expect(collection.storageCrs, collection.id).toBe(crsList[0]);
      expect(linkOf(collection as never, 'items', 'application/geo+json')?.href).toBe(
        `http://localhost:80/collections/${collection.id}/items`,
      );
      expect(linkOf(collection as never, 'self', 'application/json')?.href).toBe(`http://localhost:80/collections/${collection.id}`);
    }
  });

  it('answers /collections/{id} with exactly the entry of /collections, for every collection', async () => {
    const { collections } = (await get(testApp.app, '/collections')).json() as { collections: CollectionBody[] };
    for (const entry of collections) {
      const answer = await get(testApp.app, `/collections/${entry.id}`);
      expect(answer.status, entry.id).toBe(200);
      const body = answer.json();
      expect(ogc.collection(body), `${entry.id}: ${errorsOf(ogc.collection)}`).toBe(true);
      expect(ogc.collectionCrs(body), `${entry.id}: ${errorsOf(ogc.collectionCrs)}`).toBe(true);
      expect(body).toEqual(entry);
    }
  });

  it('gives each collection the spatial extent of its data (or none when empty)', async () => {
    const { collections } = (await get(testApp.app, '/collections')).json() as { collections: CollectionBody[] };
    for (const layer of layers) {
      const collection = collections.find((candidate) => candidate.id === layer.id);
      const expected = await databaseExtent(layer.table);
      if (!expected) {
        expect(collection?.extent?.spatial, layer.id).toBeUndefined();
        continue;
      }
      const served = collection?.extent?.spatial?.bbox[0] ?? [];
      expect(collection?.extent?.spatial?.crs).toBe(crsList[0]);
      // Rounded outwards to 7 decimals: it contains the data and is no more than ~1 cm larger.
      expected.forEach((exact, index) => {
        const value = served[index] ?? Number.NaN;
        const outwards = index < 2 ? exact - value : value - exact;
        expect(outwards, `${layer.id} [${index}] ${value} vs ${exact}`).toBeGreaterThanOrEqual(-1e-9);
        expect(outwards, layer.id).toBeLessThan(1e-5);
      });
    }
  });

  it('gives a temporal extent exactly to the layers with a temporal dimension', async () => {
    const { collections } = (await get(testApp.app, '/collections')).json() as { collections: CollectionBody[] };
    for (const layer of layers) {
      const temporal = collections.find((candidate) => candidate.id === layer.id)?.extent?.temporal;
      if (!layer.temporal) {
        expect(temporal, layer.id).toBeUndefined();
        continue;
      }
      const [row] = await testApp.database.db.query<{ first: string | null }>(
        `select min(${quoteIdent(layer.temporal.start)})::text as first from ${quoteIdent(layer.table)}`,
      );
      if (row?.first) expect(temporal?.interval[0]?.[0], layer.id).toBe(`${row.first}T00:00:00Z`);
    }
  });

  it('recomputes the cached extent as soon as any write changes the layer (triggers bump its version)', async () => {
    const before = (await get(testApp.app, '/collections/toponimia')).json() as unknown as CollectionBody;
    const [, , eastBefore] = before.extent?.spatial?.bbox[0] ?? [];
    expect(eastBefore).toBeLessThan(-60.5);
    // A plain SQL write, as an administrator's script would make: no code path bumps the version by hand.
    await testApp.database.db.query(
      `insert into toponimia (nombre, tipo, fuente, "precision", geom)
       values ('Punto lejano de prueba', 'prueba', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-60.5, -20.25), 4326))`,
    );
    const fresh = (await get(testApp.app, '/collections/toponimia')).json() as unknown as CollectionBody;
    const [, , east, north] = fresh.extent?.spatial?.bbox[0] ?? [];
    expect(east).toBeGreaterThanOrEqual(-60.5);
    expect(north).toBeGreaterThanOrEqual(-20.25);
    const listed = (await get(testApp.app, '/collections')).json() as { collections: CollectionBody[] };
    expect(listed.collections.find((collection) => collection.id === 'toponimia')?.extent).toEqual(fresh.extent);
  });
});

describe('/collections/{collectionId}/schema', () => {
  it('describes every property of every collection with its catalogue type, linked as describedby', async () => {
    for (const layer of layers) {
      const collection = (await get(testApp.app, `/collections/${layer.id}`)).json();
      const describedBy = linkOf(collection, 'describedby', 'application/schema+json');
      expect(describedBy, layer.id).toBeDefined();
      const answer = await get(testApp.app, describedBy?.href ?? '');
      expect(answer.status).toBe(200);
      expect(answer.headers['content-type']).toMatch(/^application\/schema\+json/);
      const schema = answer.json() as {
        properties: Record<string, { type: string; format?: string; enum?: string[] }>;
        required: string[];
      };
      expect(Object.keys(schema.properties)).toEqual(layer.properties.map((property) => property.name));
      for (const property of layer.properties) {
        const described = schema.properties[property.name];
        expect(described?.type, `${layer.id}.${property.name}`).toBe(property.type === 'date' ? 'string' : property.type);
        if (property.type === 'date') expect(described?.format).toBe('date');
        if (property.enum) expect(described?.enum).toEqual([...property.enum]);
      }
      expect(schema.required).toEqual(layer.properties.filter((property) => property.required).map((property) => property.name));
    }
  });
});

describe('unknown collections', () => {
  it.each([
    '/collections/no_existe',
    '/collections/no_existe/items',
    '/collections/no_existe/items/1',
    '/collections/no_existe/schema',
    "/collections/comuna'%3B%20drop%20table%20comuna%3B--/items",
    '/collections/%22comuna%22/items',
  ])('answers %s with 404 JSON naming the collection', async (url) => {
    const answer = await get(testApp.app, url);
    expect(answer.status).toBe(404);
    expect(answer.json()).toMatchObject({ code: 'not_found', field: 'collectionId' });
    expect(ogc.exception(answer.json())).toBe(true);
  });
});
