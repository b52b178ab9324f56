import type { Feature } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { expectGolden, loadAnalysisFixture, readInput, toLonLat } from './analysis-fixture.ts';

/**
 * Hand-computed fixtures (tests/fixtures/analysis/in → out): two 1 km × 1 km
 * units side by side, census blocks of known population, a cycle path along
 * x = 200 m crossing unit A, a bridge 1 km east of unit B, two wetland
 * versions of 100 and 200 ha. The expected values are worked out in the
 * comments and in out/*.json.
 */
let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
  await loadAnalysisFixture(testApp.database.db);
});
afterAll(async () => {
  await testApp.close();
});

const getJson = async (url: string) => {
  const response = await testApp.app.inject(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

const postJson = async (url: string, payload: object) => {
  const response = await testApp.app.inject({ method: 'POST', url, payload });
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
};

describe('GET /analysis/indicadores on the fixture territory', () => {
  it('gives the hand-computed indicators of both units', async () => {
    // UV-A: 2 active micro-dumps in 1 km² → 2/km²; 10 000 000 CLP / 1000 people → 10 000 CLP.
    // Cycle path buffer of 300 m is the strip x ∈ [−100, 500]: block M1 (600 people, half inside) → 300,
    // block M2 (600 people, 750 000 m², 250 000 m² in the strip and in UV-A) → 200; 500 / 1000 = 0.5.
    // UV-B gets ⅓ of M2 (200) + M3 (300) + M4 (100) = 600 people from blocks; the bridge is 1000 m east of it.
    const body = await getJson('/analysis/indicadores');
    expect(body.distancia_ciclovia).toBe(300);
    expectGolden('indicadores.json', body.unidades);
  });

  it('widens the cycle path coverage with the distance parameter', async () => {
    // 500 m: strip x ∈ [−300, 700] → M1 700/1000·600 = 420... inside UV-A only x ∈ [0, 700]:
    // M1: 0.7 · 600 = 420; M2: 700·500 / 750 000 · 600 = 280 → 700 of 1000.
    const body = await getJson('/analysis/indicadores?distancia_ciclovia=500');
    const unitA = body.unidades.find((unit: { codigo: string }) => unit.codigo === 'UV-A');
    expect(unitA.poblacion_cerca_ciclovia).toBe(700);
    expect(unitA.proporcion_cerca_ciclovia).toBe(0.7);
  });

  it('exports the same rows as CSV with a BOM and Spanish headers', async () => {
    const response = await testApp.app.inject('/analysis/indicadores?f=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Código,Nombre,Población,Superficie \(km²\),/);
    expect(lines[0]).toContain('Microbasurales activos por km²');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^UV-A,Unidad A,1000,1,1,L6: 1,ejecución: 1,10000000,no,0,10000,2,2,1,1,1,1000,500,0.5,2000,$/);
    // UV-B's projects have no budget: its investment reads «sin información», not 0, and says why nothing is per inhabitant.
    expect(lines[2]).toContain(',sin información,sí,1,sin información,');
    expect(lines[2]).toMatch(/,inversion_por_habitante: sin presupuesto registrado$/);
  });
});

describe('GET /analysis/equidad on the fixture territory', () => {
  it('gives Lorenz points and Gini as computed by hand', async () => {
    // Investment: UV-B (500 people, 0 CLP) then UV-A (1000, 10 M): (0,0) (⅓,0) (1,1) → G = 1 − ⅔ = ⅓.
    const inversion = await getJson('/analysis/equidad');
    // Projects of L2: UV-A has none (1000 people), UV-B one: (0,0) (⅔,0) (1,1) → G = 1 − ⅓ = ⅔.
    const proyectos = await getJson('/analysis/equidad?lineamiento=L2&medida=proyectos');
    // No budget in L2: nothing to share, no Gini, and a note instead of an invented value.
    const sinMonto = await getJson('/analysis/equidad?lineamiento=L2');
    expect(sinMonto.nota).toMatch(/no se inventan montos/);
    const pick = (body: Record<string, unknown>) => ({
      lorenz: body.lorenz,
      gini: body.gini,
      unidadesSinProyectos: (body.unidadesSinProyectos as { codigo: string }[]).map((unit) => unit.codigo),
      unidadesSinPoblacion: body.unidadesSinPoblacion,
      proyectosSinPresupuesto: body.proyectosSinPresupuesto,
    });
    expectGolden('equidad.json', { inversion: pick(inversion), proyectos_L2: pick(proyectos), inversion_L2: pick(sinMonto) });
  });
});

describe('POST /analysis/proximidad on the fixture territory', () => {
  it('lists micro-dumps by distance from the centre of UV-A (250, 250·√2, 400 m) and a buffer around it', async () => {
    const geometry = await toLonLat(testApp.database.db, readInput<Feature>('proximidad-utm.geojson').geometry);
    const body = await postJson('/analysis/proximidad', { geometry, distancia: 600, capas: ['microbasurales', 'puentes'] });
    const byLayer = Object.fromEntries(
      body.capas.map((layer: { capa: string; objetos: { distancia_m: number; propiedades: { codigo?: string } }[] }) => [
        layer.capa,
        layer.objetos.map((feature) => ({ codigo: feature.propiedades.codigo, distancia_m: feature.distancia_m })),
      ]),
    );
    expectGolden('proximidad.json', byLayer);
    expect(body.buffer.type).toBe('Polygon');
  });

  it('measures from a stored feature and leaves the feature itself out', async () => {
    const [source] = await testApp.database.db.query<{ id: number }>(`select id from microbasurales where codigo = 'MB-2'`);
    const body = await postJson('/analysis/proximidad', {
      capa: 'microbasurales',
      id: source!.id,
      distancia: 300,
      capas: ['microbasurales'],
    });
    // From (750, 500): MB-3 at (500, 900) is √(250² + 400²) = 471.7 m away, MB-1 at (250, 250) 559 m: none within 300 m.
    expect(body.capas[0].objetos).toEqual([]);
  });
});

describe('POST /analysis/revision-prc on the fixture territory', () => {
  it('reviews a 1000 × 200 m rectangle: heritage, PRC zones, urban limits, wetland and risk points', async () => {
    const geometry = await toLonLat(testApp.database.db, readInput<Feature>('revision-prc-utm.geojson').geometry);
    const body = await postJson('/analysis/revision-prc', { geometry });
    expectGolden('revision-prc.json', {
      patrimonio: body.patrimonio.map(({ id: _id, intervenciones_revision: _notes, ...rest }: Record<string, unknown>) => rest),
      zonas_prc: body.zonas_prc.map(({ codigo, usos_permitidos, usos_prohibidos, area_m2 }: Record<string, unknown>) => ({
        codigo,
        usos_permitidos,
        usos_prohibidos,
        area_m2,
      })),
      limite_urbano: body.limite_urbano.map(({ instrumento, relacion }: Record<string, unknown>) => ({ instrumento, relacion })),
      humedal: body.humedal,
      puntos_criticos: body.puntos_criticos.map(({ sector, distancia_m }: Record<string, unknown>) => ({ sector, distancia_m })),
    });
  });

  it('reviews a project by its code', async () => {
    // The bridges project sits at (600, 600) in UV-A, far from every PRC fixture.
    const body = await postJson('/analysis/revision-prc', { proyecto: 'L6.O1.P1.G1.03' });
    expect(body.zonas_prc).toEqual([]);
    expect(body.limite_urbano.map((limit: { relacion: string }) => limit.relacion)).toEqual(['fuera', 'fuera']);
  });
});

describe('GET /analysis/humedal on the fixture territory', () => {
  it('compares 100 ha current with 200 ha proposed and lists what the proposal adds', async () => {
    const body = await getJson('/analysis/humedal');
    expectGolden('humedal.json', {
      vigente_ha: body.vigente_ha,
      propuesta_ha: body.propuesta_ha,
      ganada_ha: body.ganada_ha,
      nuevos_dentro: Object.fromEntries(
        Object.entries(body.nuevos_dentro as Record<string, { nombre: string }[]>).map(([layer, features]) => [
          layer,
          features.map((feature) => feature.nombre),
        ]),
      ),
    });
  });
});
