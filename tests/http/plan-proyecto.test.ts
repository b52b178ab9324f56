import { booleanIntersects } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProjectCardBody } from '../../server/routes/plan/schemas.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const bridges = 'L6.O1.P1.G1.03';
const footbridges = 'L6.O1.P1.G1.04';

const card = async (codigo: string) => {
  const response = await testApp.app.inject(`/plan/proyectos/${codigo}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProjectCardBody>();
};

const getJson = async <T>(url: string) => (await testApp.app.inject(url)).json<T>();

describe('GET /plan/proyectos/{codigo}', () => {
  it('gives the whole lineage Lineamiento → Objetivo → Plan → Programa → Proyecto of the bridges project', async () => {
    const body = await card(bridges);
    expect(body.linaje.map((step) => [step.nivel, step.codigo])).toEqual([
      ['lineamiento', 'L6'],
      ['objetivo', 'L6.O1'],
      ['plan', 'L6.O1.P1'],
      ['programa', 'L6.O1.P1.G1'],
      ['proyecto', bridges],
    ]);
    expect(body.linaje[2]?.nombre).toBe('Plan Ciudad Bicentenario Vallenar 2034');
    expect(body.nombre).toMatch(/^Construcción de 4 puentes sobre el río Huasco \(Matta/);
    expect(body.notaLinaje).toBeUndefined();
  });

  it('lists exactly the neighbourhood units its geometry crosses, as an independent check with turf finds them', async () => {
    const body = await card(bridges);
    const project = await getJson<Feature>(body.enlaces.elemento);
    const units = await getJson<FeatureCollection>('/collections/unidades_vecinales/items?limit=1000');
    const crossed = units.features.filter((unit) => booleanIntersects(unit, project)).map((unit) => unit.properties?.codigo);
    expect(body.unidadesVecinales.length).toBeGreaterThanOrEqual(2);
    expect(body.unidadesVecinales.map((unit) => unit.codigo).sort()).toEqual(crossed.sort());
    // Census stand-ins, not the real units: illustrative as neighbourhood units.
    expect(body.unidadesVecinales.every((unit) => unit.precision === 'ilustrativa')).toBe(true);
  });

  it('shows what the Tomo II says along the lineage, the funding its text mentions apart from what is recorded, and where tipo comes from', async () => {
    const body = await card(bridges);
    expect(body.linaje[0]?.definicion?.length ?? 0).toBeGreaterThan(40);
    expect(body.linaje[1]?.descripcion).toMatch(/participación ciudadana real y efectiva/);
    expect(body.notaTipo).toMatch(/lectura del equipo SIT/);
    const fndr = await card('L2.O1.P1.G9.01');
    expect(fndr.linaje.find((step) => step.nivel === 'programa')?.nota).toMatch(/Humedal Urbano está en revisión jurídica/);
    expect(fndr.mencionadoEnPladeco).toMatchObject({ fuentes: ['FNDR'], anios: [] });
    expect(fndr.mencionadoEnPladeco.nota).toMatch(/no es un financiamiento ni un plazo registrado por la SECPLA/);
    expect(fndr.fuentesFinanciamiento).toEqual([]);
  });

  it('links to its item in OGC API – Features, which is the same project', async () => {
    const body = await card(footbridges);
    expect(body.enlaces.elemento).toBe(`/collections/proyectos/items/${body.id}`);
    const item = await getJson<Feature>(body.enlaces.elemento);
    expect(item.properties?.codigo).toBe(footbridges);
    expect(body.ubicado).toBe(true);
    const [west, south, east, north] = body.bbox ?? [];
    expect(west).toBeLessThanOrEqual(east as number);
    expect(south).toBeLessThanOrEqual(north as number);
  });

  it('says honestly that there is no budget, status or funding when the plan gives none', async () => {
    const body = await card(bridges);
    expect(body.estado).toBeNull();
    expect(body.fuentesFinanciamiento).toEqual([]);
    expect(body.presupuesto).toEqual({ estimado: null, aprobado: null, ejecutado: null, porAnio: [] });
  });

  it('gives the budget by year and its totals once they are recorded', async () => {
    await testApp.database.db.query(
      `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp) values
         ($1, 2025, 'MOP', 4000000000, 3500000000, null), ($1, 2026, 'FNDR', 1500000000, null, null), ($1, 2025, 'FNDR', 250000000, 250000000, 100000000)`,
      [footbridges],
    );
    await testApp.database.db.query(`update proyectos set estado = 'diseño', fuentes_financiamiento = '{MOP,FNDR}' where codigo = $1`, [
      footbridges,
    ]);
    const body = await card(footbridges);
    expect(body.estado).toBe('diseño');
    expect(body.fuentesFinanciamiento).toEqual(['MOP', 'FNDR']);
    expect(body.presupuesto.porAnio).toEqual([
      { anio: 2025, fuente: 'FNDR', estimado: 250000000, aprobado: 250000000, ejecutado: 100000000 },
      { anio: 2025, fuente: 'MOP', estimado: 4000000000, aprobado: 3500000000, ejecutado: null },
      { anio: 2026, fuente: 'FNDR', estimado: 1500000000, aprobado: null, ejecutado: null },
    ]);
    expect(body.presupuesto).toMatchObject({ estimado: 5750000000, aprobado: 3750000000, ejecutado: 100000000 });
  });

  it('gives an unlocated project an empty list of units with a note, not an error', async () => {
    const body = await card('L1.O1.P1.G1.01');
    expect(body.ubicado).toBe(false);
    expect(body.bbox).toBeNull();
    expect(body.unidadesVecinales).toEqual([]);
    expect(body.notaUnidadesVecinales).toMatch(/no tiene ubicación/);
  });

  it('says when the document hangs an item directly from a plan', async () => {
    const body = await card('L4.O1.P1.01');
    expect(body.linaje.map((step) => step.nivel)).toEqual(['lineamiento', 'objetivo', 'plan', 'proyecto']);
    expect(body.notaLinaje).toMatch(/sin un programa/);
  });

  it('answers 404 in Spanish for a code that is not a project, and 400 for one that cannot be', async () => {
    for (const codigo of ['L9.O1.P1.G1.01', 'L6.O1.P1']) {
      const response = await testApp.app.inject(`/plan/proyectos/${codigo}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'not_found', field: 'codigo' });
      expect(response.json().description).toContain(codigo);
    }
    const hostile = await testApp.app.inject(`/plan/proyectos/${encodeURIComponent("L6'; drop table proyectos; --")}`);
    expect(hostile.statusCode).toBe(400);
    expect(hostile.json()).toMatchObject({ code: 'invalid_parameter', field: 'codigo' });
    expect((await testApp.database.db.query('select count(*)::int as n from proyectos'))[0]).toEqual({ n: 133 });
  });
});

describe('GET /plan/unidades-vecinales', () => {
  it('lists every unit with the projects that cross it, consistent with each project card', async () => {
    const response = await testApp.app.inject('/plan/unidades-vecinales');
    expect(response.statusCode).toBe(200);
    const { unidades } = response.json<{ unidades: { codigo: string; proyectos: string[] }[] }>();
    const [count] = await testApp.database.db.query<{ n: number }>('select count(*)::int as n from unidades_vecinales');
    expect(unidades).toHaveLength(count?.n as number);
    const body = await card(bridges);
    const withBridges = unidades.filter((unit) => unit.proyectos.includes(bridges)).map((unit) => unit.codigo);
    expect(withBridges).toEqual(body.unidadesVecinales.map((unit) => unit.codigo));
    const unlocated = await card('L1.O1.P1.G1.01');
    expect(unidades.some((unit) => unit.proyectos.includes(unlocated.codigo))).toBe(false);
  });
});
