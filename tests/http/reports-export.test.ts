import { DOMParser } from '@xmldom/xmldom';
import { parse } from 'csv-parse/sync';
import Fastify from 'fastify';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import errorsPlugin from '../../server/plugins/errors.ts';
import reportRoutes from '../../server/routes/reports/index.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const get = (url: string) => testApp.app.inject(url);

describe('GET /exportar/proyectos', () => {
  it('exports GeoJSON with the same features, geometries included, as the database holds', async () => {
    const response = await get('/exportar/proyectos?formato=geojson&lineamiento=L6');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/geo\+json/);
    const collection = response.json<FeatureCollection>();
    const codes = await testApp.database.db.query<{ codigo: string }>(
      `select codigo from proyectos_plan where lineamiento_codigo = 'L6' order by codigo`,
    );
    expect(collection.features.map((feature) => feature.id)).toEqual(codes.map((row) => row.codigo));
    const located = collection.features.filter((feature) => feature.geometry);
    expect(located.length).toBeGreaterThan(0);
    for (const feature of located) {
      const [row] = await testApp.database.db.query<{ same: boolean }>(
        `select ST_Equals(geom, ST_SetSRID(ST_GeomFromGeoJSON($2), 4326)) as same from proyectos where codigo = $1`,
        [feature.id, JSON.stringify(feature.geometry)],
      );
      expect(row?.same, String(feature.id)).toBe(true);
    }
  });

  it('exports every property the API serves for a project, its lineage names included', async () => {
    const exported = (await get('/exportar/proyectos?formato=geojson')).json() as FeatureCollection;
    const served = (await get('/collections/proyectos/items?codigo=L6.O1.P1.G1.03')).json() as FeatureCollection;
    const bridges = exported.features.find((feature) => feature.properties?.codigo === 'L6.O1.P1.G1.03');
    expect(bridges?.properties).toEqual(served.features[0]?.properties);
    expect(bridges?.properties).toMatchObject({ plan: 'Plan Ciudad Bicentenario Vallenar 2034' });
    expect(String(bridges?.properties?.objetivo)).toMatch(/^Fortalecer, mejorar y proponer/);
  });

  it('exports CSV whose WKT parses back in PostGIS to the same geometry, with lon/lat inside it', async () => {
    const response = await get('/exportar/proyectos?formato=csv&ubicados=true');
    expect(response.statusCode).toBe(200);
    const rows = parse(response.body, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const [check] = await testApp.database.db.query<{ same: boolean; inside: boolean }>(
        `select ST_Equals(geom, ST_GeomFromText($2, 4326)) as same,
           ST_DWithin(geom, ST_SetSRID(ST_MakePoint($3::float8, $4::float8), 4326), 1e-9) as inside
         from proyectos where codigo = $1`,
        [row.codigo, row.wkt, row.lon, row.lat],
      );
      expect(check, row.codigo).toEqual({ same: true, inside: true });
    }
  });

  it('filters by estado and exports KML placemarks only for located projects', async () => {
    await testApp.database.db.query(`update proyectos set estado = 'ejecución' where codigo in ('L6.O1.P1.G1.03', 'L6.O1.P1.G1.04')`);
    const response = await get('/exportar/proyectos?formato=kml&estado=ejecución');
    expect(response.statusCode).toBe(200);
    const document = new DOMParser().parseFromString(response.body, 'text/xml');
    const placemarks = Array.from(document.getElementsByTagName('Placemark'));
    expect(placemarks.map((placemark) => placemark.getAttribute('id')).sort()).toEqual(['L6.O1.P1.G1.03', 'L6.O1.P1.G1.04']);
    expect(document.getElementsByTagName('coordinates').length).toBeGreaterThanOrEqual(2);
  });

  it('says in the KML, and in a header, how many projects it leaves out for lack of a location', async () => {
    const response = await get('/exportar/proyectos?formato=kml');
    const [unlocated] = await testApp.database.db.query<{ n: number }>(`select count(*)::int as n from proyectos where geom is null`);
    expect(unlocated!.n).toBeGreaterThan(0);
    const document = new DOMParser().parseFromString(response.body, 'text/xml');
    const description = document.getElementsByTagName('Document')[0]?.getElementsByTagName('description')[0]?.textContent ?? '';
    expect(description).toContain(`Quedan fuera ${unlocated!.n} proyecto(s) sin ubicación`);
    expect(response.headers['x-sit-excluye']).toBe(`sin-ubicacion=${unlocated!.n}`);
    // GeoJSON holds every project, located or not: nothing to declare.
    const geojson = await get('/exportar/proyectos?formato=geojson');
    expect(geojson.headers['x-sit-excluye']).toBeUndefined();
    expect(geojson.json<Record<string, unknown>>().nota).toBeUndefined();
  });

  it('writes «sin información» in the CSV for a status, progress or budget nobody recorded', async () => {
    const rows = parse((await get('/exportar/proyectos?formato=csv&lineamiento=L1')).body, { columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({ avance_fisico: 'sin información', presupuesto_aprobado_clp: 'sin información' });
    }
  });

  it('exports a GeoPackage through ogr2ogr', async () => {
    const response = await get('/exportar/proyectos?formato=gpkg&lineamiento=L6');
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.rawPayload.subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('says clearly that GeoPackage needs GDAL when ogr2ogr is missing', async () => {
    const app = Fastify({ logger: false });
    await app.register(errorsPlugin);
    app.decorate('db', testApp.database.db);
    await app.register(reportRoutes, { ogr2ogr: '/nonexistent/ogr2ogr' });
    const response = await app.inject('/exportar/proyectos?formato=gpkg');
    await app.close();
    expect(response.statusCode).toBe(501);
    expect(response.json()).toMatchObject({ code: 'format_unavailable', field: 'formato' });
    expect(response.json<{ description: string }>().description).toMatch(/GDAL/);
  });

  it.each([
    ['formato=shp', 'formato'],
    ['', 'formato'],
    ['formato=csv&estado=olvidado', 'estado'],
    ["formato=csv&lineamiento=L6'--", 'lineamiento'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const response = await get(`/exportar/proyectos?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_parameter', field });
  });
});
