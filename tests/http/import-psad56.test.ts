import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../server/import/index.ts';
import { psad56Places } from '../fixtures/import/positions.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { metresFrom, options } from './import-helpers.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

/**
 * The fixture holds PSAD56 / UTM 19S coordinates computed from the true WGS 84
 * positions with the EPSG:6972 shift (PSAD56 to WGS 84 (16), Chile 26°S–36°S,
 * stated accuracy 17 m). PostGIS must undo exactly that shift: not ignore the
 * datum (~420 m off) and not use the continental mean of EPSG:1201 (~43 m off).
 */
describe('import of a PSAD56 / UTM 19S shapefile', () => {
  it('applies the Chilean datum shift and lands within 1 m of the true positions', async () => {
    const report = await importFile(database.db, options('psad56/toponimia_psad56.shp', 'toponimia', { mode: 'replace' }));
    expect(report.sourceSrid).toBe(24879);
    expect(report.crs.description).toMatch(/PSAD_1956_UTM_Zone_19S/);
    expect(report.mappedAttributes.map((entry) => entry.field)).toEqual(['nombre', 'tipo', 'fuente', 'precision']);
    for (const place of psad56Places) {
      expect(await metresFrom(database.db, 'toponimia', place.nombre, place.lon, place.lat)).toBeLessThan(1);
    }
  });

  it('would be hundreds of metres off without the datum shift, and tens with the continental mean', async () => {
    const [row] = await database.db.query<{ no_shift: number; continental: number }>(
      `with source as (select ST_SetSRID(ST_MakePoint(328246.238, 6838101.883), 24879) as geom),
            truth as (select ST_SetSRID(ST_MakePoint(-70.758, -28.576), 4326)::geography as point)
       select ST_Distance(ST_Transform(ST_SetSRID(source.geom, 32719), 4326)::geography, truth.point) as no_shift,
              ST_Distance(ST_Transform(source.geom, '+proj=utm +zone=19 +south +ellps=intl +towgs84=-288,175,-376,0,0,0,0 +units=m +no_defs', 4326)::geography, truth.point) as continental
       from source, truth`,
    );
    expect(row?.no_shift).toBeGreaterThan(400);
    expect(row?.continental).toBeGreaterThan(30);
    const stored = await metresFrom(database.db, 'toponimia', 'Plaza de Armas (PSAD56)', -70.758, -28.576);
    expect(stored).toBeLessThan(1);
  });
});
