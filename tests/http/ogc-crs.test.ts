import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { errorsOf, geoJsonValidators, get, linkOf, positions, type Feature } from './ogc-helpers.ts';

let testApp: TestApp;
const geojson = geoJsonValidators();

const crs = {
  crs84: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  epsg4326: 'http://www.opengis.net/def/crs/EPSG/0/4326',
  utm19s: 'http://www.opengis.net/def/crs/EPSG/0/32719',
  webMercator: 'http://www.opengis.net/def/crs/EPSG/0/3857',
};

// A known point near the Plaza de Armas of Vallenar.
const lon = -70.7587;
const lat = -28.5759;
// WGS 84 / UTM 19S, from PROJ outside the database: `echo "-70.7587 -28.5759" | gdaltransform -s_srs OGC:CRS84 -t_srs EPSG:32719`.
const utm = [327993.456, 6837736.582];
// Web Mercator in closed form.
const radius = 6378137;
const mercator = [(radius * lon * Math.PI) / 180, radius * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))];

let pointId = 0;
beforeAll(async () => {
  testApp = await openTestApp();
  const [row] = await testApp.database.db.query<{ id: number }>(
    `insert into toponimia (nombre, tipo, fuente, "precision", geom)
     values ('Plaza de prueba', 'prueba_crs', 'prueba', 'demo', ST_SetSRID(ST_MakePoint($1, $2), 4326)) returning id`,
    [lon, lat],
  );
  pointId = row?.id ?? 0;
});
afterAll(async () => {
  await testApp.close();
});

const pointIn = async (uri: string) => {
  const answer = await get(testApp.app, `/collections/toponimia/items/${pointId}?crs=${encodeURIComponent(uri)}`);
  expect(answer.status).toBe(200);
  expect(answer.headers['content-crs']).toBe(`<${uri}>`);
  return (answer.json() as unknown as Feature).geometry?.coordinates as number[];
};

describe('crs (OGC API – Features Part 2)', () => {
  it('serves CRS84 by default, longitude first, with its Content-Crs header', async () => {
    const answer = await get(testApp.app, `/collections/toponimia/items/${pointId}`);
    expect(answer.headers['content-crs']).toBe(`<${crs.crs84}>`);
    expect((answer.json() as unknown as Feature).geometry?.coordinates).toEqual([lon, lat]);
    expect(await pointIn(crs.crs84)).toEqual([lon, lat]);
  });

  it('serves EPSG:4326 latitude first, as EPSG defines its axes', async () => {
    expect(await pointIn(crs.epsg4326)).toEqual([lat, lon]);
  });

  it('serves the point in UTM 19S metres (EPSG:32719) to the centimetre', async () => {
    const [easting = 0, northing = 0] = await pointIn(crs.utm19s);
    expect(easting).toBeCloseTo(utm[0] ?? 0, 1);
    expect(northing).toBeCloseTo(utm[1] ?? 0, 1);
  });

  it('serves the point in Web Mercator metres (EPSG:3857)', async () => {
    const [x = 0, y = 0] = await pointIn(crs.webMercator);
    expect(x).toBeCloseTo(mercator[0] ?? 0, 1);
    expect(y).toBeCloseTo(mercator[1] ?? 0, 1);
  });

  it('sends Content-Crs on pages too, keeps crs in their links, and serves GeoJSON shaped as such', async () => {
    const answer = await get(testApp.app, `/collections/toponimia/items?tipo=prueba_crs&crs=${encodeURIComponent(crs.utm19s)}`);
    expect(answer.headers['content-crs']).toBe(`<${crs.utm19s}>`);
    const page = answer.json();
    expect(geojson.featureCollection(page), errorsOf(geojson.featureCollection)).toBe(true);
    expect(new URL(linkOf(page, 'self')?.href ?? '').searchParams.get('crs')).toBe(crs.utm19s);
    expect((page.features as Feature[])[0]?.geometry).not.toHaveProperty('crs');
  });

  it('transforms every collection into every CRS', async () => {
    for (const layer of layers) {
      for (const uri of Object.values(crs)) {
        const answer = await get(testApp.app, `/collections/${layer.id}/items?limit=200&crs=${encodeURIComponent(uri)}`);
        expect(answer.status, `${layer.id} ${uri}`).toBe(200);
        for (const feature of answer.json().features as Feature[]) {
          for (const [x = 0, y = 0] of positions(feature.geometry)) {
            if (uri === crs.utm19s) expect(x > 0 && y > 1_000_000, `${layer.id} ${x},${y}`).toBe(true);
            if (uri === crs.epsg4326) expect(Math.abs(x) <= 90, `${layer.id} latitude first`).toBe(true);
          }
        }
      }
    }
  });

  it('rejects a CRS it does not serve with 400', async () => {
    for (const [path, name] of [
      [`/collections/toponimia/items?crs=EPSG:4326`, 'crs'],
      [`/collections/toponimia/items?crs=${encodeURIComponent('http://www.opengis.net/def/crs/EPSG/0/5361')}`, 'crs'],
      [`/collections/toponimia/items/${pointId}?crs=x`, 'crs'],
      [`/collections/toponimia/items?bbox=0,0,1,1&bbox-crs=EPSG:32719`, 'bbox-crs'],
    ] as const) {
      const answer = await get(testApp.app, path);
      expect(answer.status, path).toBe(400);
      expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: name });
    }
  });
});

describe('bbox-crs', () => {
  const found = async (bbox: string, bboxCrs: string) => {
    const answer = await get(
      testApp.app,
      `/collections/toponimia/items?tipo=prueba_crs&bbox=${bbox}&bbox-crs=${encodeURIComponent(bboxCrs)}`,
    );
    expect(answer.status, `${bbox} ${bboxCrs}`).toBe(200);
    return (answer.json().numberMatched as number) === 1;
  };

  it('reads a bbox in UTM 19S metres', async () => {
    const [e = 0, n = 0] = utm;
    expect(await found(`${e - 50},${n - 50},${e + 50},${n + 50}`, crs.utm19s)).toBe(true);
    expect(await found(`${e + 50},${n - 50},${e + 150},${n + 50}`, crs.utm19s)).toBe(false);
  });

  it('reads a bbox in Web Mercator metres', async () => {
    const [x = 0, y = 0] = mercator;
    expect(await found(`${x - 50},${y - 50},${x + 50},${y + 50}`, crs.webMercator)).toBe(true);
    expect(await found(`${x + 50},${y - 50},${x + 150},${y + 50}`, crs.webMercator)).toBe(false);
  });

  it('reads an EPSG:4326 bbox latitude first, so the same numbers in lon/lat order miss', async () => {
    expect(await found(`${lat - 0.01},${lon - 0.01},${lat + 0.01},${lon + 0.01}`, crs.epsg4326)).toBe(true);
    expect(await found(`${lon - 0.01},${lat - 0.01},${lon + 0.01},${lat + 0.01}`, crs.epsg4326)).toBe(false);
    expect(await found(`${lon - 0.01},${lat - 0.01},${lon + 0.01},${lat + 0.01}`, crs.crs84)).toBe(true);
  });

  it('answers a projected bbox far outside the CRS’s area with features or none, never a 500', async () => {
    expect(await found('-1e12,-1e12,1e12,1e12', crs.utm19s)).toBe(true);
    expect(await found('-1e12,-1e12,1e12,1e12', crs.webMercator)).toBe(true);
    expect(await found('5e9,5e9,6e9,6e9', crs.utm19s)).toBe(false);
  });
});
