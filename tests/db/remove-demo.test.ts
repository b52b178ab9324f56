import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDemoData } from '../../server/db/remove-demo.ts';
import { loadDemoScenario } from '../../server/figures/demo-scenario.ts';
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

  it('deletes the demo tracking scenario but keeps what SECPLA recorded on the same project, and mirrors it', async () => {
    const loaded = await loadDemoScenario(database.db, '2026-12-03');
    expect(loaded.cargado).toBe(true);
    const [project] = await database.db.query<{ codigo: string }>(
      `select codigo from proyecto_presupuestos where demo group by codigo order by codigo limit 1`,
    );
    // SECPLA records a status and a budget line on a demo project after the scenario was loaded.
    await database.db.query(
      `insert into proyecto_estados (codigo, estado, desde, registrado_por) values ($1, 'perfil', '2026-11-30', 'SECPLA')`,
      [project!.codigo],
    );
    await database.db.query(
      `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp) values ($1, 2027, 'otro', 1000)`,
      [project!.codigo],
    );

    const removed = await removeDemoData(database.db);

    expect(removed.seguimiento_proyectos).toBe(loaded.proyectos);
    for (const table of ['proyecto_estados', 'proyecto_avances', 'proyecto_hitos', 'proyecto_presupuestos', 'indicadores_programa']) {
      expect(await count(`select count(*)::int as n from ${table} where demo`), table).toBe(0);
    }
    const [after] = await database.db.query<{ estado: string | null; avance: number | null; fuentes: string[] }>(
      `select estado, avance_fisico::float8 as avance, fuentes_financiamiento as fuentes from proyectos where codigo = $1`,
      [project!.codigo],
    );
    expect(after).toEqual({ estado: 'perfil', avance: null, fuentes: ['otro'] });
    expect(await count(`select count(*)::int as n from proyectos where estado is not null and codigo <> '${project!.codigo}'`)).toBe(0);
  });
});
