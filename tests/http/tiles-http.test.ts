import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { bumpLayerVersions, fixtureTile, insertTileFixtures, tileFraction } from '../fixtures/tiles/fixture-features.ts';
import { decodeTile } from '../fixtures/tiles/tile-snapshot.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
  await insertTileFixtures(testApp.app.db);
});
afterAll(async () => {
  await testApp?.close();
});

const { z, x, y } = fixtureTile;
const mapTile = `/tiles/WebMercatorQuad/${z}/${y}/${x}`;
const dumpsTile = `/collections/microbasurales/tiles/WebMercatorQuad/${z}/${y}/${x}`;
/** A tile of open ocean far from every layer (z14 in the South Atlantic). */
const emptyTile = '/tiles/WebMercatorQuad/14/10000/6000';

const inject = (url: string, headers: Record<string, string> = {}) => testApp.app.inject({ url, headers });

describe('tile addresses', () => {
  it.each([
    ['/tiles/WebMercatorQuad/23/0/0', 'tileMatrix'],
    ['/tiles/WebMercatorQuad/-1/0/0', 'tileMatrix'],
    ['/tiles/WebMercatorQuad/1.5/0/0', 'tileMatrix'],
    ['/tiles/WebMercatorQuad/abc/0/0', 'tileMatrix'],
    ['/tiles/WebMercatorQuad/2/4/0', 'tileRow'],
    ['/tiles/WebMercatorQuad/2/0/4', 'tileCol'],
    ['/tiles/WebMercatorQuad/2/1e1/0', 'tileRow'],
    ['/collections/humedal_urbano/tiles/WebMercatorQuad/0/1/0', 'tileRow'],
    ['/collections/humedal_urbano/tiles/WebMercatorQuad/22/0/4194304', 'tileCol'],
  ])('%s is a 400 naming %s, in Spanish', async (url, field) => {
    const response = await inject(url);
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body).toMatchObject({ code: 'invalid_parameter', field });
    expect(body.description).toMatch(/debe ser un entero/);
  });

  it('accepts the last tile of zoom 22', async () => {
    const response = await inject('/collections/humedal_urbano/tiles/WebMercatorQuad/22/4194303/4194303');
    expect(response.statusCode).toBe(204);
  });

  it.each([
    '/collections/no_existe/tiles/WebMercatorQuad/0/0/0',
    '/collections/no_existe/tiles',
    '/collections/no_existe/tiles/WebMercatorQuad',
    '/collections/no_existe/tiles/tilejson.json',
  ])('%s is a 404 for an unknown collection', async (url) => {
    const response = await inject(url);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', field: 'collectionId' });
  });

  it('answers 404 for a tile matrix set it does not serve', async () => {
    expect((await inject('/collections/comuna/tiles/WorldCRS84Quad/0/0/0')).statusCode).toBe(404);
    expect((await inject('/tileMatrixSets/WorldCRS84Quad')).statusCode).toBe(404);
  });
});

describe('tile responses', () => {
  it('answers an empty tile with 204, no body, and validators', async () => {
    const response = await inject(emptyTile);
    expect(response.statusCode).toBe(204);
    expect(response.rawPayload.length).toBe(0);
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
  });

  it('sends an MVT with ETag, Cache-Control and Vary', async () => {
    const response = await inject(dumpsTile);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    expect(response.headers.vary).toMatch(/Accept-Encoding/);
    expect(decodeTile(response.rawPayload).layers.map((layer) => layer.name)).toEqual(['microbasurales']);
  });

  it('answers If-None-Match with 304 and no body, for either representation, weak or strong', async () => {
    const first = await inject(mapTile, { 'accept-encoding': 'gzip' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/-gz"$/);
    for (const candidate of [etag, `W/${etag}`, etag.replace('-gz"', '"'), `"otro", ${etag}`, '*']) {
      const again = await inject(mapTile, { 'if-none-match': candidate });
      expect(again.statusCode, candidate).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers['cache-control']).toBe('public, max-age=60');
    }
    expect((await inject(mapTile, { 'if-none-match': '"otro"' })).statusCode).toBe(200);
  });

  it('gzips tiles over 1 KB when the client accepts gzip, and only then', async () => {
    const plain = await inject(mapTile);
    expect(plain.rawPayload.length).toBeGreaterThan(1024);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const zipped = await inject(mapTile, { 'accept-encoding': 'br, gzip;q=0.8' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);

    const refused = await inject(mapTile, { 'accept-encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('does not gzip a tile of 1 KB or less', async () => {
    const response = await inject(`/collections/patrimonio/tiles/WebMercatorQuad/${z}/${y}/${x}`, { 'accept-encoding': 'gzip' });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBeLessThanOrEqual(1024);
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('answers HEAD with the headers of GET', async () => {
    const response = await testApp.app.inject({ method: 'HEAD', url: dumpsTile });
    expect(response.statusCode).toBe(200);
    expect(response.headers.etag).toBeDefined();
  });
});

describe('the tile cache', () => {
  it('serves a repeated tile from memory', async () => {
    await inject(dumpsTile);
    const before = testApp.app.tiles.cache.stats();
    const again = await inject(dumpsTile);
    const after = testApp.app.tiles.cache.stats();
    expect(again.statusCode).toBe(200);
    expect(after.hits).toBe(before.hits + 1);
    expect(after.misses).toBe(before.misses);
  });

  it('serves the new data as soon as a write commits: the trigger bumps layer_version in the same transaction', async () => {
    const count = (payload: Buffer) => decodeTile(payload).layers[0]?.features.length ?? 0;
    const before = await inject(dumpsTile);
    const [longitude, latitude] = tileFraction([0.45, 0.85]);
    // A plain SQL insert, as a script would make: nothing bumps the version by hand.
    await testApp.app.db.query(
      `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", geom)
       values ('MB-T-NUEVO', 'reportado', 'desconocida', 'Prueba de teselas', 'demo', ST_SetSRID(ST_MakePoint($1, $2), 4326))`,
      [longitude, latitude],
    );
    const fresh = await inject(dumpsTile, { 'if-none-match': before.headers.etag as string });
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers.etag).not.toBe(before.headers.etag);
    expect(count(fresh.rawPayload)).toBe(count(before.rawPayload) + 1);
    const added = decodeTile(fresh.rawPayload).layers[0]?.features.find((feature) => feature.properties.codigo === 'MB-T-NUEVO');
    expect(added?.properties).toMatchObject({ estado: 'reportado', fuente: 'Prueba de teselas', precision: 'demo' });
  });

  it('keeps the map tiles of other layers valid when one layer changes', async () => {
    const patrimonio = `/collections/patrimonio/tiles/WebMercatorQuad/${z}/${y}/${x}`;
    const before = await inject(patrimonio);
    await bumpLayerVersions(testApp.app.db, ['microbasurales']);
    expect((await inject(patrimonio, { 'if-none-match': before.headers.etag as string })).statusCode).toBe(304);
    const map = await inject(mapTile);
    await bumpLayerVersions(testApp.app.db, ['microbasurales']);
    expect((await inject(mapTile, { 'if-none-match': map.headers.etag as string })).statusCode).toBe(200);
  });
});

describe('the map tileset', () => {
  const layerNames = async (url: string) => decodeTile((await inject(url)).rawPayload).layers.map((layer) => layer.name);

  it('has one MVT layer per catalogue layer visible at the zoom, in catalogue order', async () => {
    // Fixture layers: humedal_urbano 8, ciclovias/microbasurales/patrimonio 10, manzanas_censales 12, calles 13.
    const at14 = await layerNames(mapTile);
    expect(at14).toEqual(
      expect.arrayContaining(['humedal_urbano', 'ciclovias', 'microbasurales', 'patrimonio', 'manzanas_censales', 'calles']),
    );
    const at12 = await layerNames(`/tiles/WebMercatorQuad/${z - 2}/${y >> 2}/${x >> 2}`);
    expect(at12).toContain('manzanas_censales');
    expect(at12).not.toContain('calles');
    const at10 = await layerNames(`/tiles/WebMercatorQuad/${z - 4}/${y >> 4}/${x >> 4}`);
    expect(at10).toEqual(expect.arrayContaining(['humedal_urbano', 'ciclovias', 'microbasurales', 'patrimonio']));
    expect(at10).not.toContain('manzanas_censales');
    const catalogueOrder = layers.map((layer) => layer.id);
    expect([...at14].sort((a, b) => catalogueOrder.indexOf(a) - catalogueOrder.indexOf(b))).toEqual(at14);
  });

  it('carries the feature id and the public properties, fuente and precision included', async () => {
    const tile = decodeTile((await inject(mapTile)).rawPayload);
    const wetland = tile.layers.find((layer) => layer.name === 'humedal_urbano')?.features.find((feature) => feature.id === 910002);
    expect(wetland?.properties).toEqual({
      estado_legal: 'en trámite',
      fuente: 'Prueba de teselas',
      nombre: 'Humedal "El Jilguero" d\'Ambos – ñandú',
      precision: 'demo',
      version: 'ampliacion_propuesta',
    });
  });
});

describe('tile metadata', () => {
  const host = { host: 'sit.vallenar.example:8080' };

  it('publishes TileJSON 3.0.0 for the map with absolute URLs and the catalogue fields', async () => {
    const response = await inject('/tiles/tilejson.json', host);
    expect(response.statusCode).toBe(200);
    const tileJson = response.json();
    expect(tileJson).toMatchObject({ tilejson: '3.0.0', scheme: 'xyz', minzoom: 0, maxzoom: 22 });
    expect(tileJson.tiles).toEqual(['http://sit.vallenar.example:8080/tiles/WebMercatorQuad/{z}/{y}/{x}']);
    expect(tileJson.vector_layers.map((layer: { id: string }) => layer.id)).toEqual(layers.map((layer) => layer.id));
    const dumps = tileJson.vector_layers.find((layer: { id: string }) => layer.id === 'microbasurales');
    expect(dumps).toMatchObject({ minzoom: 10, maxzoom: 22 });
    expect(dumps.fields).toMatchObject({
      codigo: 'String',
      superficie_m2: 'Number',
      fuente: 'String',
      precision: 'String',
      count: 'Number',
    });
    const [west, south, east, north] = tileJson.bounds;
    expect(west).toBeLessThan(east);
    expect(south).toBeLessThan(north);
    expect(west).toBeLessThanOrEqual(tileFraction([0, 0])[0]);
    expect(tileJson.center).toHaveLength(3);
  });

  it('publishes TileJSON for one collection, from zoom 0', async () => {
    const tileJson = (await inject('/collections/ciclovias/tiles/tilejson.json', host)).json();
    expect(tileJson.tiles).toEqual(['http://sit.vallenar.example:8080/collections/ciclovias/tiles/WebMercatorQuad/{z}/{y}/{x}']);
    expect(tileJson.vector_layers).toHaveLength(1);
    expect(tileJson.vector_layers[0]).toMatchObject({ id: 'ciclovias', minzoom: 0, maxzoom: 22 });
    expect(Object.keys(tileJson.vector_layers[0].fields)).toEqual(['nombre', 'estado', 'tipo', 'longitud_m', 'fuente', 'precision']);
  });

  it('lists the tilesets of a collection with the OGC links', async () => {
    const body = (await inject('/collections/ciclovias/tiles', host)).json();
    expect(body.tilesets).toHaveLength(1);
    const [tileset] = body.tilesets;
    expect(tileset).toMatchObject({ dataType: 'vector', crs: 'http://www.opengis.net/def/crs/EPSG/0/3857' });
    const rels = Object.fromEntries(tileset.links.map((link: { rel: string; href: string }) => [link.rel, link.href]));
    expect(rels.self).toBe('http://sit.vallenar.example:8080/collections/ciclovias/tiles/WebMercatorQuad');
    expect(rels['http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme']).toBe(
      'http://sit.vallenar.example:8080/tileMatrixSets/WebMercatorQuad',
    );
    expect(rels.item).toBe('http://sit.vallenar.example:8080/collections/ciclovias/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}');
  });

  it('describes the map tileset: layers with their zoom range and property schemas', async () => {
    const body = (await inject('/tiles/WebMercatorQuad', host)).json();
    expect(body.tileMatrixSetURI).toBe('http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad');
    expect(body.tileMatrixSetLimits).toHaveLength(23);
    const streets = body.layers.find((layer: { id: string }) => layer.id === 'calles');
    expect(streets).toMatchObject({ minTileMatrix: '13', maxTileMatrix: '22', geometryDimension: 1 });
    expect(streets.propertiesSchema.properties.precision).toMatchObject({
      type: 'string',
      enum: ['oficial', 'aproximada', 'ilustrativa', 'demo'],
    });
  });

  it('defines WebMercatorQuad as the OGC tile matrix set', async () => {
    const body = (await inject('/tileMatrixSets/WebMercatorQuad')).json();
    expect(body).toMatchObject({ id: 'WebMercatorQuad', crs: 'http://www.opengis.net/def/crs/EPSG/0/3857' });
    expect(body.tileMatrices).toHaveLength(25);
    expect(body.tileMatrices[0]).toMatchObject({
      id: '0',
      matrixWidth: 1,
      tileWidth: 256,
      pointOfOrigin: [-20037508.3427892, 20037508.3427892],
    });
    expect(body.tileMatrices[0].scaleDenominator).toBeCloseTo(559082264.0287178, 3);
    expect(body.tileMatrices[22]).toMatchObject({ id: '22', matrixWidth: 4194304 });
  });
});

describe('tiles are discoverable from the OGC API', () => {
  it('links the map tileset from the landing page and each collection, and declares the Tiles classes', async () => {
    const { app } = testApp;
    const vector = 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector';
    const landing = (await app.inject({ url: '/', headers: { accept: 'application/json' } })).json() as {
      links: { rel: string; href: string }[];
    };
    const tilesHref = landing.links.find((link) => link.rel === vector)?.href;
    expect(tilesHref).toMatch(/\/tiles$/);
    expect((await app.inject(new URL(tilesHref as string).pathname)).statusCode).toBe(200);
    const collection = (await app.inject('/collections/ciclovias')).json() as { links: { rel: string; href: string }[] };
    const collectionTiles = collection.links.find((link) => link.rel === vector)?.href as string;
    expect((await app.inject(new URL(collectionTiles).pathname)).statusCode).toBe(200);
    const conformance = (await app.inject('/conformance')).json() as { conformsTo: string[] };
    expect(conformance.conformsTo).toContain('http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt');
  });
});
