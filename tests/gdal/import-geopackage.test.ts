import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, ImportError } from '../../server/import/index.ts';
import { unitCentres } from '../fixtures/import/positions.ts';
import { layerChecksum, options, refused } from '../http/import-helpers.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

const run = promisify(execFile);
let database: TestDatabase;
let scratch: string;

beforeAll(async () => {
  database = await openTestDatabase();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sit-import-gpkg-'));
});
afterAll(async () => {
  await database.dispose();
  await rm(scratch, { recursive: true, force: true });
});

describe('GeoPackage import through GDAL', () => {
  it('has GDAL: a missing ogr2ogr is a failure of this suite, never a skip', async () => {
    const { stdout } = await run('ogr2ogr', ['--version']).catch((error: Error) => {
      throw new Error(`GDAL no está instalado (ogr2ogr): instale gdal-bin. ${error.message}`, { cause: error });
    });
    expect(stdout).toMatch(/^GDAL \d+\.\d+/);
  });

  it('replaces the neighbourhood units with a SIRGAS-Chile / UTM 19S GeoPackage, each unit where it belongs', async () => {
    const report = await importFile(database.db, options('unidades-vecinales-sirgas.gpkg', 'unidades_vecinales', { mode: 'replace' }));
    expect(report.format).toBe('geopackage');
    expect(report.sourceSrid).toBe(5361);
    expect(report.crs.origin).toBe('geopackage');
    expect(report.inserted).toBe(2);
    for (const unit of unitCentres) {
      const [row] = await database.db.query<{ metres: number; nombre: string; area: string; poblacion: number; type: string }>(
        `select nombre, area, poblacion, GeometryType(geom) as type,
                ST_Distance(ST_Centroid(geom)::geography, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography) as metres
         from unidades_vecinales where codigo = $1`,
        [unit.codigo, unit.lon, unit.lat],
      );
      expect(row).toMatchObject({ nombre: unit.nombre, area: 'urbana', poblacion: 1200, type: 'MULTIPOLYGON' });
      expect(Number(row?.metres)).toBeLessThan(0.5);
    }
  });

  it('asks which layer to read when the GeoPackage has several', async () => {
    const file = path.join(scratch, 'dos-capas.gpkg');
    await copyFile(options('unidades-vecinales-sirgas.gpkg', 'x').file, file);
    await run('ogr2ogr', ['-update', '-nln', 'copia', file, file, 'unidades_vecinales']);
    const error = await refused(importFile(database.db, { ...options('', 'unidades_vecinales'), file }), 'ambiguous_source');
    expect(error.message).toMatch(/unidades_vecinales.*copia.*--source-layer/);
    const report = await importFile(database.db, {
      ...options('', 'unidades_vecinales', { mode: 'replace', dryRun: true, sourceLayer: 'copia' }),
      file,
    });
    expect(report.inserted).toBe(2);
  });

  it('reads a layer of generic GEOMETRY type by its table name, beside a table without geometry', async () => {
    const file = path.join(scratch, 'geometria.gpkg');
    const source = options('unidades-vecinales-sirgas.gpkg', 'x').file;
    await run('ogr2ogr', [
      '-f',
      'GPKG',
      '-nlt',
      'GEOMETRY',
      '-nln',
      'uv "geom"',
      '-lco',
      'IDENTIFIER=Unidades vecinales (título)',
      file,
      source,
    ]);
    await run('ogr2ogr', ['-update', '-nln', 'atributos', '-sql', 'select codigo, nombre from unidades_vecinales', file, source]);
    const report = await importFile(database.db, { ...options('', 'unidades_vecinales', { mode: 'replace' }), file });
    expect(report.inserted).toBe(2);
    expect(report.sourceSrid).toBe(5361);
    expect(report.crs.origin).toBe('geopackage');
    expect(report.notes).toContain('Se leyó la capa «uv "geom"» del GeoPackage con GDAL.');
    const rows = await database.db.query<{ codigo: string; type: string }>(
      'select codigo, GeometryType(geom) as type from unidades_vecinales order by codigo',
    );
    expect(rows).toEqual(unitCentres.map((unit) => ({ codigo: unit.codigo, type: 'MULTIPOLYGON' })));
  });

  it('says when a GeoPackage holds only tables without geometry', async () => {
    const file = path.join(scratch, 'solo-atributos.gpkg');
    await run('ogr2ogr', [
      '-f',
      'GPKG',
      '-nln',
      'atributos',
      '-sql',
      'select codigo, nombre from unidades_vecinales',
      file,
      options('unidades-vecinales-sirgas.gpkg', 'x').file,
    ]);
    const error = await refused(importFile(database.db, { ...options('', 'unidades_vecinales'), file }), 'no_features');
    expect(error.message).toBe('El GeoPackage «solo-atributos.gpkg» no tiene capas con geometría.');
  });

  it('says GDAL is needed when ogr2ogr cannot be found, and changes nothing', async () => {
    const before = await layerChecksum(database.db, 'unidades_vecinales');
    const error = await refused(
      importFile(
        database.db,
        options('unidades-vecinales-sirgas.gpkg', 'unidades_vecinales', {
          mode: 'replace',
          ogr2ogrPath: path.join(scratch, 'sin-gdal', 'ogr2ogr'),
        }),
      ),
      'gdal_missing',
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error.message).toMatch(/se necesita GDAL.*gdal-bin/);
    expect(await layerChecksum(database.db, 'unidades_vecinales')).toEqual(before);
  });

  it('refuses a GeoPackage cut short', async () => {
    const bytes = await readFile(options('unidades-vecinales-sirgas.gpkg', 'x').file);
    const file = path.join(scratch, 'cortado.gpkg');
    await writeFile(file, bytes.subarray(0, 4096));
    const error = await refused(importFile(database.db, { ...options('', 'unidades_vecinales'), file }), 'malformed_file');
    expect(error.message).toMatch(/GDAL no pudo leer «cortado\.gpkg»: el archivo está dañado o incompleto/);
  });
});
