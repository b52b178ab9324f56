import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/import/index.ts';
import { csvUtmPlaces, gpxPlaces } from '../fixtures/import/positions.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { layerChecksum, metresFrom, options, refused } from './import-helpers.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe('KMZ', () => {
  it('loads a point and a polygon into patrimonio with ExtendedData mapped and enum spellings corrected', async () => {
    const report = await importFile(database.db, options('patrimonio.kmz', 'patrimonio', { mode: 'replace' }));
    expect(report.format).toBe('kmz');
    expect(report.inserted).toBe(2);
    expect(report.mappedAttributes).toContainEqual({ source: 'name', field: 'nombre' });
    expect(report.notes.join(' ')).toMatch(/coordenada Z/);
    const rows = await database.db.query<{ nombre: string; categoria: string; type: string; fuente: string }>(
      'select nombre, categoria, GeometryType(geom) as type, fuente from patrimonio order by nombre',
    );
    expect(rows).toEqual([
      { nombre: 'Inmueble de prueba Ñuble', categoria: 'Monumento Histórico', type: 'POINT', fuente: 'KMZ de prueba' },
      { nombre: 'Zona de prueba del centro', categoria: 'Zona de Conservación Histórica', type: 'POLYGON', fuente: 'KMZ de prueba' },
    ]);
    expect(await metresFrom(database.db, 'patrimonio', 'Inmueble de prueba Ñuble', -70.7577, -28.5757)).toBeLessThan(0.01);
  });
});

describe('GPX', () => {
  it('refuses a track in a point layer, naming it', async () => {
    const error = await refused(
      importFile(database.db, options('recorrido.gpx', 'toponimia', { fuente: 'GPS municipal', precision: 'aproximada' })),
      'invalid_features',
    );
    expect(error.message).toMatch(/«Recorrido de prueba»\): es una línea y la capa solo admite puntos/);
  });

  it('loads the waypoints with --skip-invalid, each where it was recorded', async () => {
    const report = await importFile(
      database.db,
      options('recorrido.gpx', 'toponimia', { mode: 'replace', skipInvalid: true, fuente: 'GPS municipal', precision: 'aproximada' }),
    );
    expect(report.inserted).toBe(2);
    expect(report.skipped.map((entry) => entry.label)).toEqual(['Recorrido de prueba']);
    for (const place of gpxPlaces)
      expect(await metresFrom(database.db, 'toponimia', place.nombre, place.lon, place.lat)).toBeLessThan(0.01);
    const tipos = await database.db.query<{ tipo: string }>('select tipo from toponimia order by tipo');
    expect(tipos.map((row) => row.tipo)).toEqual(['mirador', 'puente']);
  });

  it('loads the track into the street layer as a MultiLineString', async () => {
    const report = await importFile(
      database.db,
      options('recorrido.gpx', 'calles', { skipInvalid: true, fuente: 'GPS municipal', precision: 'aproximada' }),
    );
    expect(report.inserted).toBe(1);
    expect(report.skipped).toHaveLength(2);
  });
});

describe('CSV', () => {
  it('reads lon/lat columns, normalises enum spelling and Chilean dates', async () => {
    const report = await importFile(database.db, options('microbasurales-lonlat.csv', 'microbasurales'));
    expect(report.crs.origin).toBe('column-names');
    expect(report.inserted).toBe(2);
    const rows = await database.db.query<{ codigo: string; estado: string; primer_reporte: string; superficie_m2: string }>(
      "select codigo, estado, primer_reporte, superficie_m2::text from microbasurales where codigo like 'MB-T%' order by codigo",
    );
    expect(rows).toEqual([
      { codigo: 'MB-T01', estado: 'reportado', primer_reporte: '2024-03-05', superficie_m2: '12.5' },
      { codigo: 'MB-T02', estado: 'verificado', primer_reporte: '2024-04-05', superficie_m2: '30' },
    ]);
  });

  it('refuses a value outside the catalogue enum, listing the allowed ones', async () => {
    const before = await layerChecksum(database.db, 'microbasurales');
    const error = await refused(
      importFile(database.db, options('microbasurales-estado-invalido.csv', 'microbasurales')),
      'invalid_features',
    );
    expect(error.message).toMatch(/«pendiente» no es un valor permitido \(permitidos: reportado, verificado/);
    expect(await layerChecksum(database.db, 'microbasurales')).toEqual(before);
  });

  it('asks for --srid for x/y columns in metres: the datum of UTM cannot be guessed', async () => {
    const error = await refused(
      importFile(
        database.db,
        options('toponimia-utm-punto-y-coma.csv', 'toponimia', { fuente: 'Planilla SECPLA', precision: 'aproximada' }),
      ),
      'crs_unknown',
    );
    expect(error.message).toMatch(/parecen metros.*--srid.*32719.*5361.*24879/);
  });

  it('reads an Excel CSV (semicolons, decimal commas, Latin-1) in UTM with --srid', async () => {
    const report = await importFile(
      database.db,
      options('toponimia-utm-punto-y-coma.csv', 'toponimia', {
        mode: 'replace',
        srid: 32719,
        fuente: 'Planilla SECPLA',
        precision: 'aproximada',
      }),
    );
    expect(report.encoding).toEqual({ name: 'windows-1252', origin: 'detected' });
    expect(report.mappedAttributes).toEqual([
      { source: 'Nombre', field: 'nombre' },
      { source: 'Tipo', field: 'tipo' },
    ]);
    for (const place of csvUtmPlaces)
      expect(await metresFrom(database.db, 'toponimia', place.nombre, place.lon, place.lat)).toBeLessThan(0.05);
  });
});
