import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../server/db/database.ts';
import { deflated, deflatedZeros, writeHostileZip, type DeflatedData } from '../fixtures/import/hostile-zip.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { layerChecksum, layerVersion, runImportCli, withDatabase, type CliResult } from './import-helpers.ts';

/**
 * Archive bombs against `npm run import`, run as a real process so that its
 * peak memory can be read: an archive of about 1 MB whose entry inflates to
 * 1 GiB. Before the importer read archives as streams, such a zip took the
 * process to 2.8 GB and a KMZ ended in an English V8 error.
 */
const gibibyte = 1024 ** 3;
const mebibyte = 1024 ** 2;

let database: TestDatabase;
let scratch: string;
let zeros: DeflatedData;
let before: Awaited<ReturnType<typeof state>>;

/** What a refused import must leave as it was: the rows of both target layers and their versions. */
async function state(db: Queryable) {
  return {
    toponimia: await layerChecksum(db, 'toponimia'),
    patrimonio: await layerChecksum(db, 'patrimonio'),
    versions: [await layerVersion(db, 'toponimia'), await layerVersion(db, 'patrimonio')],
  };
}

beforeAll(async () => {
  database = await openTestDatabase();
  before = await state(database.db);
  if (database.db.mode === 'embedded') await database.db.close();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sit-import-bombs-'));
  zeros = await deflatedZeros(gibibyte);
});
afterAll(async () => {
  await database.dispose();
  await rm(scratch, { recursive: true, force: true });
});

async function importBomb(name: string, layer: string, entries: Parameters<typeof writeHostileZip>[1]): Promise<CliResult> {
  const file = path.join(scratch, name);
  await writeHostileZip(file, entries);
  const result = await runImportCli(database, [file, '--layer', layer, '--fuente', 'Prueba', '--precision', 'oficial', '--json']);
  console.log(`${name}: peak RSS of the importing process ${result.peakRssMiB} MiB (the entry inflates to 1024 MiB)`);
  return result;
}

const refusal = (result: CliResult) => (JSON.parse(result.stdout) as { error: { code: string; message: string } }).error;

describe('archive bombs through npm run import', () => {
  it('the bomb is about 1 MB and really inflates to 1 GiB', async () => {
    expect(zeros.compressed.length).toBeLessThan(2 * mebibyte);
    let inflated = 0;
    for await (const chunk of Readable.from([zeros.compressed]).pipe(zlib.createInflateRaw()) as AsyncIterable<Buffer>)
      inflated += chunk.length;
    expect(inflated).toBe(gibibyte);
  });

  it('refuses a zipped shapefile whose .shp inflates to 1 GiB, without inflating it', async () => {
    const result = await importBomb('bomba.zip', 'toponimia', [
      { name: 'bomba.shp', data: zeros },
      { name: 'bomba.dbf', data: deflated('x') },
    ]);
    expect(result.code).toBe(1);
    expect(refusal(result)).toEqual({
      code: 'archive_too_large',
      message: expect.stringMatching(/^«bomba\.zip» se descomprime a más de 512 MiB, el límite .*«bomba\.shp» declara 1 GiB/),
    });
    expect(result.peakRssMiB).toBeLessThan(512);
  });

  it('stops a .shp that declares 1 KiB at the first byte past it', async () => {
    const result = await importBomb('mentirosa.zip', 'toponimia', [{ name: 'bomba.shp', data: zeros, declaredSize: 1024 }]);
    expect(result.code).toBe(1);
    expect(refusal(result)).toEqual({
      code: 'archive_size_mismatch',
      message: expect.stringMatching(/^«mentirosa\.zip» está dañado o manipulado: la entrada «bomba\.shp» declara 1 KiB/),
    });
    expect(result.peakRssMiB).toBeLessThan(512);
  });

  it('refuses a KMZ whose doc.kml inflates to 1 GiB, in Spanish', async () => {
    const result = await importBomb('bomba.kmz', 'patrimonio', [{ name: 'doc.kml', data: zeros }]);
    expect(result.code).toBe(1);
    expect(refusal(result).code).toBe('archive_too_large');
    expect(refusal(result).message).toMatch(/«doc\.kml» declara 1 GiB/);
    expect(result.stderr).not.toMatch(/Error inesperado|Cannot create a string/);
  });

  it('holds no more than the limit for a KMZ that lies just under it: 500 MiB declared, 1 GiB inside', async () => {
    const result = await importBomb('mentirosa.kmz', 'patrimonio', [{ name: 'doc.kml', data: zeros, declaredSize: 500 * mebibyte }]);
    expect(result.code).toBe(1);
    expect(refusal(result).code).toBe('archive_size_mismatch');
    // What was inflated is held until the lie shows: at most the 512 MiB limit over the process's own memory, never the whole GiB.
    expect(result.peakRssMiB).toBeLessThan(1024);
  });

  it('left the layers and their versions as they were', async () => {
    expect(await withDatabase(database, state)).toEqual(before);
  });
});
