import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/import/index.ts';
import { copiapo, utmPlaces } from '../fixtures/import/positions.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { layerChecksum, metresFrom, options, refused } from './import-helpers.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe('invalid geometries', () => {
  it('repairs a self-intersecting bow-tie with ST_MakeValid and reports where it crossed', async () => {
    const report = await importFile(database.db, options('zonificacion-corbatin.geojson', 'zonificacion_prc', { mode: 'replace' }));
    expect(report.inserted).toBe(2);
    expect(report.repaired).toHaveLength(1);
    expect(report.repaired[0]).toMatchObject({ feature: 2, label: 'Zona corbatín' });
    expect(report.repaired[0]?.reason).toMatch(/autointersección.*\(-70\.755000, -28\.585000\)/);
    const [bowTie] = await database.db.query<{ valid: boolean; parts: number; area: number }>(
      `select ST_IsValid(geom) as valid, ST_NumGeometries(geom) as parts, ST_Area(geom::geography) as area
       from zonificacion_prc where codigo = 'ZT-2'`,
    );
    expect(bowTie?.valid).toBe(true);
    expect(bowTie?.parts).toBe(2);
    // Two triangles of half a 0.01° square each: about 0.5 km² at this latitude.
    expect(bowTie?.area).toBeGreaterThan(400_000);
    expect(bowTie?.area).toBeLessThan(600_000);
  });

  it('rejects the bow-tie with --strict and leaves the layer exactly as it was', async () => {
    const before = await layerChecksum(database.db, 'zonificacion_prc');
    const error = await refused(
      importFile(database.db, options('zonificacion-corbatin.geojson', 'zonificacion_prc', { mode: 'replace', strict: true })),
      'invalid_features',
    );
    expect(error.message).toMatch(/elemento 2 \(«Zona corbatín»\).*--strict/);
    expect(error.report?.skipped.map((entry) => entry.code)).toEqual(['invalid_geometry']);
    expect(await layerChecksum(database.db, 'zonificacion_prc')).toEqual(before);
  });

  it('rejects non-finite coordinates (1e400 parses as Infinity)', async () => {
    const error = await refused(importFile(database.db, options('coordenada-infinita.geojson', 'toponimia')), 'invalid_features');
    expect(error.report?.skipped[0]?.code).toBe('non_finite');
  });
});

describe('coordinates in the wrong system or order', () => {
  it('detects UTM metres in a GeoJSON that RFC 7946 says is degrees, and explains the fix', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    const error = await refused(importFile(database.db, options('toponimia-utm-como-grados.geojson', 'toponimia')), 'invalid_features');
    expect(error.report?.skipped.map((entry) => entry.code)).toEqual(['utm_as_degrees', 'utm_as_degrees']);
    expect(error.message).toMatch(/parecen metros UTM/);
    expect(error.message).toMatch(/--srid/);
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
  });

  it('imports the same file correctly once --srid names its system, and says so', async () => {
    const report = await importFile(database.db, options('toponimia-utm-como-grados.geojson', 'toponimia', { srid: 32719 }));
    expect(report.crs.origin).toBe('flag');
    expect(report.notes.join(' ')).toMatch(/RFC 7946.*--srid/);
    expect(await metresFrom(database.db, 'toponimia', 'Población Baquedano', utmPlaces[1]!.lon, utmPlaces[1]!.lat)).toBeLessThan(0.05);
  });

  it('honours a legacy crs member that names EPSG:32719, and says so', async () => {
    const report = await importFile(database.db, options('toponimia-crs-32719.geojson', 'toponimia', { mode: 'replace' }));
    expect(report.sourceSrid).toBe(32719);
    expect(report.crs.origin).toBe('crs-member');
    expect(report.notes.join(' ')).toMatch(/miembro «crs»/);
    expect(await metresFrom(database.db, 'toponimia', 'Plaza de Armas', utmPlaces[0]!.lon, utmPlaces[0]!.lat)).toBeLessThan(0.05);
  });

  it('refuses a crs member it cannot read instead of ignoring it', async () => {
    const error = await refused(importFile(database.db, options('toponimia-crs-enlace.geojson', 'toponimia')), 'crs_unsupported');
    expect(error.message).toMatch(/«crs»/);
  });

  it('detects latitude and longitude written in the wrong order', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    const error = await refused(importFile(database.db, options('toponimia-latlon-invertidas.geojson', 'toponimia')), 'invalid_features');
    expect(error.report?.skipped.map((entry) => [entry.feature, entry.code])).toEqual([
      [1, 'swapped_coordinates'],
      [2, 'swapped_coordinates'],
    ]);
    expect(error.message).toMatch(/ejes invertidos.*\(-28\.576, -70\.758\)/);
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
  });

  it('with --skip-invalid loads the right feature and lists the swapped ones with their reason', async () => {
    const report = await importFile(
      database.db,
      options('toponimia-latlon-invertidas.geojson', 'toponimia', { mode: 'replace', skipInvalid: true }),
    );
    expect(report.inserted).toBe(1);
    expect(report.skipped.map((entry) => entry.label)).toEqual(['Invertido 1', 'Invertido 2']);
    expect(report.skipped.every((entry) => /latitud antes que longitud/.test(entry.reason))).toBe(true);
    const names = await database.db.query<{ nombre: string }>('select nombre from toponimia');
    expect(names).toEqual([{ nombre: 'Correcto' }]);
  });

  it('reports features outside the comuna without rejecting them', async () => {
    const report = await importFile(database.db, options('fuera-de-la-comuna.geojson', 'toponimia', { mode: 'replace' }));
    expect(report.inserted).toBe(2);
    expect(report.outsideComuna).toEqual([{ feature: 1, label: 'Copiapó', entirely: true }]);
    expect(await metresFrom(database.db, 'toponimia', 'Copiapó', copiapo.lon, copiapo.lat)).toBeLessThan(0.01);
  });
});

describe('geometry kinds', () => {
  it('refuses a line in a polygon layer', async () => {
    const error = await refused(importFile(database.db, options('linea.geojson', 'zonificacion_prc')), 'invalid_features');
    expect(error.report?.skipped[0]).toMatchObject({ code: 'wrong_geometry_type', reason: 'es una línea y la capa solo admite polígonos' });
  });

  it('promotes a LineString to the MultiLineString of the street layer', async () => {
    await importFile(database.db, options('linea.geojson', 'calles', { mode: 'replace' }));
    const [row] = await database.db.query<{ type: string }>(
      "select GeometryType(geom) as type from calles where nombre = 'Calle de prueba'",
    );
    expect(row?.type).toBe('MULTILINESTRING');
  });

  it('promotes a Polygon to MultiPolygon', async () => {
    const [row] = await database.db.query<{ type: string }>(
      "select GeometryType(geom) as type from zonificacion_prc where codigo = 'ZT-1'",
    );
    expect(row?.type).toBe('MULTIPOLYGON');
  });

  it('accepts a MultiPoint of one point in a point layer, not one of two', async () => {
    const report = await importFile(database.db, options('multipunto.geojson', 'toponimia', { mode: 'replace', skipInvalid: true }));
    expect(report.inserted).toBe(1);
    expect(report.skipped).toEqual([
      expect.objectContaining({ feature: 2, code: 'wrong_geometry_type', reason: expect.stringMatching(/multipunto de 2 puntos/) }),
    ]);
    const [row] = await database.db.query<{ type: string }>(
      "select GeometryType(geom) as type from toponimia where nombre = 'Multipunto de uno'",
    );
    expect(row?.type).toBe('POINT');
  });
});

describe('files that cannot be read', () => {
  it('refuses a GeoJSON cut mid-way as truncated', async () => {
    const error = await refused(importFile(database.db, options('cortado.geojson', 'toponimia')), 'truncated_file');
    expect(error.message).toMatch(/incompleto/);
  });

  it('refuses an empty file', async () => {
    await refused(importFile(database.db, options('vacio.geojson', 'toponimia')), 'empty_file');
  });

  it('refuses an unknown format, listing the formats it reads', async () => {
    const error = await refused(importFile(database.db, options('desconocido.dat', 'toponimia')), 'unknown_format');
    expect(error.message).toMatch(/GeoJSON.*Shapefile.*KML.*GPX.*CSV.*GeoPackage/);
  });

  it('refuses an unknown layer listing the valid ids, and a read-only one', async () => {
    const error = await refused(importFile(database.db, options('linea.geojson', 'calle')), 'unknown_layer');
    expect(error.message).toMatch(/Capas válidas: .*calles/);
    expect(error.isUsageError).toBe(true);
    await refused(importFile(database.db, options('linea.geojson', 'proyectos')), 'unknown_layer');
  });

  it('refuses a file that does not exist as a usage error', async () => {
    const error = await refused(importFile(database.db, options('no-existe.geojson', 'toponimia')), 'file_not_found');
    expect(error.isUsageError).toBe(true);
  });
});
