import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/import/index.ts';
import { utmPlaces } from '../fixtures/import/positions.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { fixture, layerChecksum, metresFrom, options, refused } from './import-helpers.ts';

let database: TestDatabase;
let scratch: string;
beforeAll(async () => {
  database = await openTestDatabase();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sit-import-shp-'));
});
afterAll(async () => {
  await database.dispose();
  await rm(scratch, { recursive: true, force: true });
});

const flags = { fuente: 'Catastro municipal (prueba)', precision: 'oficial' };

/** A copy of the Latin-1 shapefile in a scratch folder, with some parts left out or changed. */
async function shapefileCopy(folder: string, change: { skip?: string[]; cut?: { extension: string; keep: number } } = {}): Promise<string> {
  const target = path.join(scratch, folder);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const extension of ['shp', 'shx', 'dbf', 'prj', 'cpg']) {
    if (change.skip?.includes(extension)) continue;
    const destination = path.join(target, `toponimia_utm19s.${extension}`);
    await copyFile(fixture(`utm19s-latin1/toponimia_utm19s.${extension}`), destination);
    if (change.cut?.extension === extension) {
      const bytes = await readFile(destination);
      await writeFile(destination, bytes.subarray(0, Math.floor(bytes.length * change.cut.keep)));
    }
  }
  return path.join(target, 'toponimia_utm19s.shp');
}

describe('import of a Latin-1 shapefile in WGS 84 / UTM 19S', () => {
  it('reads ñ and accents through the .cpg and puts each place within 5 cm of its true position', async () => {
    const report = await importFile(database.db, options('utm19s-latin1/toponimia_utm19s.shp', 'toponimia', { mode: 'replace', ...flags }));
    expect(report.committed).toBe(true);
    expect(report.inserted).toBe(3);
    expect(report.sourceSrid).toBe(32719);
    expect(report.crs.origin).toBe('prj');
    expect(report.encoding).toEqual({ name: 'windows-1252', origin: 'cpg' });
    expect(report.mappedAttributes).toEqual([
      { source: 'NOMBRE', field: 'nombre' },
      { source: 'TIPO', field: 'tipo' },
    ]);
    expect(report.unmappedAttributes).toEqual(['ID_ANT']);
    expect(report.defaultsApplied).toEqual([
      { field: 'fuente', value: flags.fuente, count: 3 },
      { field: 'precision', value: 'oficial', count: 3 },
    ]);
    const names = await database.db.query<{ nombre: string; tipo: string }>('select nombre, tipo from toponimia order by nombre');
    expect(names.map((row) => row.nombre)).toEqual(['Plaza de Armas', 'Población Baquedano', 'Ñandú']);
    expect(names.map((row) => row.tipo)).toContain('población');
    for (const place of utmPlaces) {
      expect(await metresFrom(database.db, 'toponimia', place.nombre, place.lon, place.lat)).toBeLessThan(0.05);
    }
  });

  it('detects Latin-1 in a .dbf that has no .cpg', async () => {
    const report = await importFile(
      database.db,
      options('utm19s-sin-cpg/toponimia_utm19s.shp', 'toponimia', { mode: 'replace', ...flags }),
    );
    expect(report.encoding).toEqual({ name: 'windows-1252', origin: 'detected' });
    const names = await database.db.query<{ nombre: string }>('select nombre from toponimia order by nombre');
    expect(names.map((row) => row.nombre)).toEqual(['Plaza de Armas', 'Población Baquedano', 'Ñandú']);
  });

  it('honours --encoding even when it is wrong, so the flag really decides', async () => {
    const report = await importFile(
      database.db,
      options('utm19s-latin1/toponimia_utm19s.shp', 'toponimia', { mode: 'replace', dryRun: true, encoding: 'UTF-8', ...flags }),
    );
    expect(report.encoding).toEqual({ name: 'utf-8', origin: 'flag' });
    await refused(
      importFile(database.db, options('utm19s-latin1/toponimia_utm19s.shp', 'toponimia', { encoding: 'klingon', ...flags })),
      'invalid_option',
    );
  });

  it('reads the same shapefile from a .zip', async () => {
    const report = await importFile(database.db, options('toponimia-utm19s.zip', 'toponimia', { mode: 'replace', ...flags }));
    expect(report.format).toBe('shapefile');
    expect(report.inserted).toBe(3);
    expect(await metresFrom(database.db, 'toponimia', 'Ñandú', utmPlaces[2]!.lon, utmPlaces[2]!.lat)).toBeLessThan(0.05);
  });

  it('refuses to invent fuente and precision, naming the missing field', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    const both = await refused(importFile(database.db, options('utm19s-latin1/toponimia_utm19s.shp', 'toponimia')), 'missing_provenance');
    expect(both.message).toMatch(/«fuente» y «precision»/);
    const onlyPrecision = await refused(
      importFile(database.db, options('utm19s-latin1/toponimia_utm19s.shp', 'toponimia', { fuente: 'Catastro' })),
      'missing_provenance',
    );
    expect(onlyPrecision.message).toMatch(/«precision»/);
    expect(onlyPrecision.message).not.toMatch(/«fuente»/);
    await refused(
      importFile(database.db, options('utm19s-latin1/toponimia_utm19s.shp', 'toponimia', { fuente: 'x', precision: 'exacta' })),
      'invalid_option',
    );
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
  });
});

describe('broken shapefiles', () => {
  it('refuses a .shp cut in half and leaves the layer as it was', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    const error = await refused(importFile(database.db, options('cortado/toponimia_cortado.shp', 'toponimia', flags)), 'truncated_file');
    expect(error.message).toMatch(/cortado/);
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
  });

  it('refuses a .shp cut inside a record, naming the record', async () => {
    const shp = await shapefileCopy('shp-cut', { cut: { extension: 'shp', keep: 0.9 } });
    const error = await refused(importFile(database.db, { ...options('', 'toponimia', flags), file: shp }), 'truncated_file');
    expect(error.message).toMatch(/declara 184 bytes/);
  });

  it('refuses a .dbf cut short', async () => {
    const shp = await shapefileCopy('dbf-cut', { cut: { extension: 'dbf', keep: 0.7 } });
    const error = await refused(importFile(database.db, { ...options('', 'toponimia', flags), file: shp }), 'truncated_file');
    expect(error.message).toMatch(/\.dbf.*declara 3 registros/);
  });

  it('asks for --srid when the .prj is missing, and uses it when given', async () => {
    const shp = await shapefileCopy('no-prj', { skip: ['prj'] });
    const error = await refused(importFile(database.db, { ...options('', 'toponimia', flags), file: shp }), 'crs_unknown');
    expect(error.message).toMatch(/--srid/);
    expect(error.message).toMatch(/24879/);
    const report = await importFile(database.db, { ...options('', 'toponimia', { ...flags, srid: 32719, mode: 'replace' }), file: shp });
    expect(report.crs.origin).toBe('flag');
    expect(await metresFrom(database.db, 'toponimia', 'Plaza de Armas', utmPlaces[0]!.lon, utmPlaces[0]!.lat)).toBeLessThan(0.05);
  });

  it('refuses an --srid that contradicts the .prj', async () => {
    const error = await refused(
      importFile(database.db, options('utm19s-latin1/toponimia_utm19s.shp', 'toponimia', { ...flags, srid: 24879 })),
      'crs_conflict',
    );
    expect(error.message).toMatch(/EPSG:32719.*EPSG:24879/);
  });
});
