import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/import/index.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { layerChecksum, layerVersion, options, refused, rowsWithoutIds } from './import-helpers.ts';

let database: TestDatabase;
let scratch: string;
beforeAll(async () => {
  database = await openTestDatabase();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sit-import-modes-'));
});
afterAll(async () => {
  await database.dispose();
  await rm(scratch, { recursive: true, force: true });
});

const shapefile = 'utm19s-latin1/toponimia_utm19s.shp';
const flags = { fuente: 'Catastro municipal (prueba)', precision: 'oficial' };

describe('replace mode', () => {
  it('replaces the seeded rows, and a second replace gives the same rows', async () => {
    const seeded = await layerChecksum(database.db, 'toponimia');
    const first = await importFile(database.db, options(shapefile, 'toponimia', { mode: 'replace', ...flags }));
    expect(first.deleted).toBe(seeded.rows);
    expect(first.inserted).toBe(3);
    const afterFirst = await rowsWithoutIds(database.db, 'toponimia');
    const versionAfterFirst = await layerVersion(database.db, 'toponimia');
    const second = await importFile(database.db, options(shapefile, 'toponimia', { mode: 'replace', ...flags }));
    expect(second.deleted).toBe(3);
    expect(second.inserted).toBe(3);
    expect(await rowsWithoutIds(database.db, 'toponimia')).toEqual(afterFirst);
    // Every statement bumps the version (triggers, migration 0005): it moved on, and the report says where to.
    const versionAfterSecond = await layerVersion(database.db, 'toponimia');
    expect(versionAfterSecond).toBeGreaterThan(versionAfterFirst ?? 0);
    expect(second.layerVersion).toBe(versionAfterSecond);
  });

  it('append adds to what is there', async () => {
    const report = await importFile(database.db, options('toponimia-crs-32719.geojson', 'toponimia'));
    expect(report.deleted).toBe(0);
    expect((await layerChecksum(database.db, 'toponimia')).rows).toBe(5);
  });
});

describe('all or nothing', () => {
  it('a failing feature in replace mode rolls back the delete too: the layer stays exactly as it was', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    const version = await layerVersion(database.db, 'toponimia');
    const error = await refused(
      importFile(database.db, options('toponimia-latlon-invertidas.geojson', 'toponimia', { mode: 'replace' })),
      'invalid_features',
    );
    expect(error.message).toMatch(/No se modificó la capa «toponimia»/);
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
    expect(await layerVersion(database.db, 'toponimia')).toBe(version);
  });

  it('a row the table refuses (a repeated unique code) rolls back the rows inserted before it', async () => {
    await importFile(database.db, options('microbasurales-lonlat.csv', 'microbasurales'));
    const before = await layerChecksum(database.db, 'microbasurales');
    const file = path.join(scratch, 'microbasurales-repetido.csv');
    await writeFile(
      file,
      'codigo,estado,tenencia,lon,lat,fuente,precision\n' +
        'MB-T90,reportado,publica,-70.7701,-28.5801,Prueba,aproximada\n' +
        'MB-T01,reportado,publica,-70.7702,-28.5802,Prueba,aproximada\n',
    );
    const error = await refused(importFile(database.db, { ...options('', 'microbasurales'), file }), 'invalid_features');
    expect(error.report?.skipped).toEqual([expect.objectContaining({ feature: 2, label: 'MB-T01', code: 'database_constraint' })]);
    expect(error.report?.skipped[0]?.reason).toMatch(/único/);
    expect(await layerChecksum(database.db, 'microbasurales')).toEqual(before);

    const skipped = await importFile(database.db, { ...options('', 'microbasurales', { skipInvalid: true }), file });
    expect(skipped.inserted).toBe(1);
    expect(skipped.skipped.map((entry) => entry.label)).toEqual(['MB-T01']);
    expect((await layerChecksum(database.db, 'microbasurales')).rows).toBe(before.rows + 1);
  });

  it('a truncated file changes nothing', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    await refused(importFile(database.db, options('cortado.geojson', 'toponimia', { mode: 'replace' })), 'truncated_file');
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
  });
});

describe('dry run', () => {
  it('runs every check, reports what would happen and writes nothing', async () => {
    const before = await layerChecksum(database.db, 'toponimia');
    const version = await layerVersion(database.db, 'toponimia');
    const report = await importFile(
      database.db,
      options('zonificacion-corbatin.geojson', 'zonificacion_prc', { mode: 'replace', dryRun: true }),
    );
    expect(report.dryRun).toBe(true);
    expect(report.committed).toBe(false);
    expect(report.inserted).toBe(2);
    expect(report.repaired).toHaveLength(1);
    const replaced = await importFile(database.db, options(shapefile, 'toponimia', { mode: 'replace', dryRun: true, ...flags }));
    expect(replaced.deleted).toBe(before.rows);
    expect(replaced.layerVersion).toBe(version);
    expect(await layerChecksum(database.db, 'toponimia')).toEqual(before);
    expect(await layerVersion(database.db, 'toponimia')).toBe(version);
  });

  it('still refuses what a real import would refuse', async () => {
    await refused(importFile(database.db, options('toponimia-utm-como-grados.geojson', 'toponimia', { dryRun: true })), 'invalid_features');
  });
});

describe('the comuna check', () => {
  it('compares with the comuna layer when it has a polygon', async () => {
    const square = path.join(scratch, 'comuna-cuadrada.geojson');
    const ring = [
      [-70.8, -28.6],
      [-70.7, -28.6],
      [-70.7, -28.5],
      [-70.8, -28.5],
      [-70.8, -28.6],
    ];
    await writeFile(
      square,
      JSON.stringify({
        type: 'Feature',
        properties: { nombre: 'Comuna de prueba', fuente: 'Prueba', precision: 'demo' },
        geometry: { type: 'Polygon', coordinates: [ring] },
      }),
    );
    await importFile(database.db, { ...options('', 'comuna', { mode: 'replace' }), file: square });
    const report = await importFile(database.db, options('fuera-de-la-comuna.geojson', 'toponimia', { dryRun: true }));
    expect(report.comunaReference).toBe('comuna');
    expect(report.outsideComuna.map((entry) => entry.label)).toEqual(['Copiapó']);
    const inside = await importFile(database.db, options('linea.geojson', 'calles', { dryRun: true }));
    expect(inside.outsideComuna).toEqual([]);
    const line = path.join(scratch, 'cruza-el-limite.geojson');
    const coordinates = [
      [-70.75, -28.55],
      [-70.65, -28.55],
    ];
    await writeFile(
      line,
      JSON.stringify({
        type: 'Feature',
        properties: { nombre: 'Cruza', fuente: 'Prueba', precision: 'demo' },
        geometry: { type: 'LineString', coordinates },
      }),
    );
    const crossing = await importFile(database.db, { ...options('', 'calles', { dryRun: true }), file: line });
    expect(crossing.outsideComuna).toEqual([{ feature: 1, label: 'Cruza', entirely: false }]);
  });

  it('falls back to the bounding box of the comuna when the comuna layer is empty, and says so', async () => {
    await database.db.query('delete from comuna');
    const report = await importFile(database.db, options('fuera-de-la-comuna.geojson', 'toponimia', { dryRun: true }));
    expect(report.comunaReference).toBe('bbox');
    expect(report.outsideComuna).toEqual([{ feature: 1, label: 'Copiapó', entirely: true }]);
  });
});
