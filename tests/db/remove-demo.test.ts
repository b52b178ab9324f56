import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDemoData } from '../../server/db/remove-demo.ts';
import { seedLayers } from '../../server/db/seed.ts';
import { layers } from '../../server/catalog/index.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

const count = async (sql: string) => (await database.db.query<{ n: number }>(sql))[0]?.n;

describe('removing demo data', () => {
  it('deletes only features labelled demo, keeps the rest, and they do not come back on the next start', async () => {
    await database.db.query(
      `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", geom)
       values ('MB-PRUEBA-DEMO', 'reportado', 'publica', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.76, -28.57), 4326)),
              ('MB-PRUEBA-REAL', 'reportado', 'publica', 'prueba', 'oficial', ST_SetSRID(ST_MakePoint(-70.75, -28.57), 4326))`,
    );
    const demoBefore = await count(`select count(*)::int as n from microbasurales where "precision" = 'demo'`);
    const otherBefore = await count(`select count(*)::int as n from microbasurales where "precision" <> 'demo'`);
    const comunaBefore = await count('select count(*)::int as n from comuna');
    const versionBefore = await count(`select coalesce(max(version), 0)::int as n from layer_version where layer_id = 'microbasurales'`);

    const removed = await removeDemoData(database.db);

    expect(removed.microbasurales).toBe(demoBefore);
    expect(await count(`select count(*)::int as n from microbasurales where "precision" = 'demo'`)).toBe(0);
    expect(await count(`select count(*)::int as n from microbasurales`)).toBe(otherBefore);
    expect(await count('select count(*)::int as n from comuna')).toBe(comunaBefore);
    expect(await count(`select max(version)::int as n from layer_version where layer_id = 'microbasurales'`)).toBeGreaterThan(
      versionBefore ?? 0,
    );

    await seedLayers(database.db, layers);
    expect(await count(`select count(*)::int as n from microbasurales where "precision" = 'demo'`)).toBe(0);
  });
});
