import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/import/index.ts';
import { deflated, writeHostileZip, type HostileEntry } from '../fixtures/import/hostile-zip.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { fixture, layerChecksum, options, refused } from './import-helpers.ts';

let database: TestDatabase;
let scratch: string;
/** The Latin-1 shapefile of the fixtures, each part deflated, named toponimia_utm19s.*. */
let shapefile: HostileEntry[];

beforeAll(async () => {
  database = await openTestDatabase();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sit-import-archives-'));
  shapefile = await Promise.all(
    ['shp', 'shx', 'dbf', 'prj', 'cpg'].map(async (extension) => ({
      name: `toponimia_utm19s.${extension}`,
      data: deflated(await readFile(fixture(`utm19s-latin1/toponimia_utm19s.${extension}`))),
    })),
  );
});
afterAll(async () => {
  await database.dispose();
  await rm(scratch, { recursive: true, force: true });
});

const flags = { fuente: 'Catastro municipal (prueba)', precision: 'oficial' };

/** Imports a zip written with these entries into `layer`; the options as the CLI's defaults plus `extra`. */
async function importZip(name: string, entries: HostileEntry[], layer = 'toponimia', extra = {}) {
  const file = path.join(scratch, name);
  await writeHostileZip(file, entries);
  return importFile(database.db, { ...options('', layer, { ...flags, ...extra }), file });
}

describe('entry names that leave the archive', () => {
  it('refuses ../../x.shp next to a good shapefile, naming the entry, and changes nothing', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    const error = await refused(
      importZip('salida.zip', [...shapefile, { name: '../../x.shp', data: deflated('x') }]),
      'archive_unsafe_entry',
    );
    expect(error.message).toBe(
      '«salida.zip» contiene una entrada con un nombre inseguro, «../../x.shp»: contiene «..», que saldría de la carpeta del archivo. ' +
        'No se importa un archivo comprimido así; vuelva a comprimir los archivos de la capa desde su carpeta.',
    );
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
  });

  it('refuses absolute paths, drive letters and backslash tricks', async () => {
    const cases: [string, RegExp][] = [
      ['/tmp/x.shp', /«\/tmp\/x\.shp»: es una ruta absoluta/],
      ['C:/x.shp', /«C:\/x\.shp»: es una ruta absoluta con letra de unidad/],
      ['..\\..\\x.shp', /«\.\.\\\.\.\\x\.shp»: usa barras invertidas/],
      ['capa/../../x.shp', /contiene «\.\.»/],
    ];
    for (const [name, message] of cases) {
      const error = await refused(importZip('truco.zip', [{ name, data: deflated('x') }, ...shapefile]), 'archive_unsafe_entry');
      expect(error.message).toMatch(message);
    }
  });

  it('refuses a KMZ whose KML climbs out of it', async () => {
    const kml = '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>';
    const error = await refused(
      importZip('salida.kmz', [{ name: '../doc.kml', data: deflated(kml) }], 'patrimonio'),
      'archive_unsafe_entry',
    );
    expect(error.message).toMatch(/«salida\.kmz».*«\.\.\/doc\.kml»/);
  });
});

describe('archive limits', () => {
  it('refuses an archive of more than 1 000 entries', async () => {
    const many = Array.from({ length: 1001 }, (_, index) => ({ name: `relleno/${index}.txt`, data: deflated('') }));
    const error = await refused(importZip('muchas.zip', [...shapefile, ...many]), 'archive_too_many_entries');
    expect(error.message).toMatch(/^«muchas\.zip» contiene más de 1000 entradas/);
  });

  it('reads a good zipped shapefile within the defaults, and refuses it under a smaller configured limit', async () => {
    const report = await importZip('bueno.zip', shapefile, 'toponimia', { mode: 'replace', dryRun: true });
    expect(report.inserted).toBe(3);
    const error = await refused(
      importZip('bueno.zip', shapefile, 'toponimia', { archiveLimits: { maxInflatedBytes: 200 } }),
      'archive_too_large',
    );
    expect(error.message).toMatch(/^«bueno\.zip» se descomprime a más de 200 bytes, el límite para un archivo comprimido/);
  });

  it('refuses an entry that declares more than it holds as cut short', async () => {
    const [shp, ...rest] = shapefile as [HostileEntry, ...HostileEntry[]];
    const error = await refused(importZip('corto.zip', [{ ...shp, declaredSize: shp.data.size + 100 }, ...rest]), 'truncated_file');
    expect(error.message).toMatch(/«corto\.zip» está dañado o incompleto: la entrada «toponimia_utm19s\.shp» está cortada/);
  });

  it('refuses a limit that is not a positive integer as a usage error', async () => {
    const error = await refused(
      importFile(database.db, options('toponimia-utm19s.zip', 'toponimia', { ...flags, archiveLimits: { maxEntries: -1 } })),
      'invalid_option',
    );
    expect(error.isUsageError).toBe(true);
    expect(error.message).toMatch(/«maxEntries» debe ser un entero positivo/);
  });
});
