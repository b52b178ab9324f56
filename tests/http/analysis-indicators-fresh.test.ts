import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders } from '../support/auth.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { loadAnalysisFixture } from './analysis-fixture.ts';

/**
 * The indicators are answered from stored relations and a cache keyed by the
 * source layers' versions (server/analysis/indicator-answers.ts). Whatever
 * way a source layer changes (the editing API, the plan's budget lines, plain
 * SQL), the next request must see it. Values on the hand-computed fixture
 * territory (analysis-golden.test.ts explains them).
 */
let t: TestApp;
let planner: { authorization: string };

beforeAll(async () => {
  t = await openTestApp();
  await loadAnalysisFixture(t.database.db);
  planner = await authHeaders(t.app, 'planificador');
});
afterAll(async () => t?.close());

interface Unit {
  codigo: string;
  inversion_clp: number | null;
  inversion_por_habitante: number | null;
  patrimonio: number;
  microbasurales_activos: number | null;
  poblacion: number | null;
  poblacion_manzanas: number;
  poblacion_cerca_ciclovia: number;
  proyectos: number;
}

async function units(query = ''): Promise<Record<string, Unit>> {
  const response = await t.app.inject(`/analysis/indicadores${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return Object.fromEntries((response.json().unidades as Unit[]).map((unit) => [unit.codigo, unit]));
}

describe('GET /analysis/indicadores after the source layers change', () => {
  it('answers a repeated question the same way', async () => {
    const first = await t.app.inject('/analysis/indicadores');
    const second = await t.app.inject('/analysis/indicadores');
    expect(second.body).toBe(first.body);
  });

  it('counts a budget line recorded through the plan API at the next request', async () => {
    expect((await units())['UV-A']!.inversion_clp).toBe(10_000_000);
    // Replaces the fixture's line (2025, FNDR; 10 M estimated) with 25 M approved: approved counts first.
    const recorded = await t.app.inject({
      method: 'PUT',
      url: '/plan/proyectos/L6.O1.P1.G1.03/presupuestos',
      headers: planner,
      payload: { anio: 2025, fuente: 'FNDR', aprobado: 25_000_000 },
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const unitA = (await units())['UV-A']!;
    expect(unitA.inversion_clp).toBe(25_000_000);
    expect(unitA.inversion_por_habitante).toBe(25_000);
  });

  it('counts heritage and micro-dumps deleted through OGC API – Features', async () => {
    // The fixture territory lies outside the comuna, where nothing new can be drawn: deleting is the edit at hand.
    const before = await units();
    expect(before['UV-A']!.patrimonio).toBe(1);
    expect(before['UV-A']!.microbasurales_activos).toBe(2);
    const [heritage] = await t.database.db.query<{ id: number }>(`select id from patrimonio where nombre = 'H1 en UV-A'`);
    const [site] = await t.database.db.query<{ id: number }>(`select id from microbasurales where codigo = 'MB-1'`);
    for (const path of [`/collections/patrimonio/items/${heritage!.id}`, `/collections/microbasurales/items/${site!.id}`]) {
      const deleted = await t.app.inject({ method: 'DELETE', url: path, headers: planner });
      expect(deleted.statusCode, deleted.body).toBe(204);
    }
    const after = await units();
    expect(after['UV-A']!.patrimonio).toBe(0);
    expect(after['UV-A']!.microbasurales_activos).toBe(1);
  });

  it('sees writes made outside the SIT, in plain SQL, to blocks and units', async () => {
    // Block M1 (600 people, wholly in UV-A, half of it within 300 m of the path) now has 1200.
    await t.database.db.query(`update manzanas_censales set poblacion = 1200
      where round(ST_XMin(ST_Transform(geom, 32719))) = 354000 and round(ST_YMax(ST_Transform(geom, 32719))) = 6802500`);
    await t.database.db.query(`update unidades_vecinales set poblacion = 2000 where codigo = 'UV-A'`);
    const unitA = (await units())['UV-A']!;
    expect(unitA.poblacion).toBe(2000);
    expect(unitA.poblacion_manzanas).toBe(1600);
    expect(unitA.poblacion_cerca_ciclovia).toBe(800);
  });

  it('keeps the official answer apart: the fixture is demo data, so nothing of it counts there', async () => {
    const official = await units('?oficial=true');
    expect(official['UV-A']!.proyectos).toBe(0);
    expect(official['UV-A']!.poblacion_manzanas).toBe(0);
    expect((await units())['UV-A']!.proyectos).toBe(1);
  });
});
