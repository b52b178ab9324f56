import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estadosProyecto } from '../../server/catalog/plan-layers.ts';
import type { PlanNode } from '../../server/routes/plan/schemas.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

interface TreeBody {
  periodo: { desde: number; hasta: number };
  ejesTransversales: { codigo: string; nombre: string; descripcion: string }[];
  notas: { tipo: string; mencionadoEnPladeco: string };
  lineamientos: PlanNode[];
  filtros: {
    estados: string[];
    fuentesFinanciamiento: string[];
    unidadesResponsables: string[];
    anios: { desde: number | null; hasta: number | null };
  };
}

const getTree = async () => {
  const response = await testApp.app.inject('/plan/arbol');
  expect(response.statusCode).toBe(200);
  return response.json<TreeBody>();
};

function* walk(nodes: PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.hijos);
  }
}

const find = (nodes: PlanNode[], codigo: string) => [...walk(nodes)].find((node) => node.codigo === codigo);

describe('GET /plan/arbol', () => {
  it('lists the six lineamientos in document order, each with its objetivo', async () => {
    const { lineamientos, periodo } = await getTree();
    expect(periodo).toEqual({ desde: 2022, hasta: 2029 });
    expect(lineamientos.map((node) => node.codigo)).toEqual(['L1', 'L2', 'L3', 'L4', 'L5', 'L6']);
    for (const lineamiento of lineamientos) {
      expect(lineamiento.hijos.map((node) => node.nivel)).toEqual(['objetivo']);
    }
  });

  it('counts, on every node, the projects below it and those with a location, as the database holds them', async () => {
    const { lineamientos } = await getTree();
    const [totals] = await testApp.database.db.query<{ total: number; located: number }>(
      'select count(*)::int as total, count(geom)::int as located from proyectos',
    );
    expect(lineamientos.reduce((sum, node) => sum + node.proyectos, 0)).toBe(totals?.total);
    expect(lineamientos.reduce((sum, node) => sum + node.ubicados, 0)).toBe(totals?.located);
    for (const node of walk(lineamientos)) {
      if (node.nivel === 'proyecto') {
        expect(node.proyectos, node.codigo).toBe(1);
        expect(node.hijos).toEqual([]);
        continue;
      }
      expect(node.proyectos, node.codigo).toBe(node.hijos.reduce((sum, child) => sum + child.proyectos, 0));
      expect(node.ubicados, node.codigo).toBe(node.hijos.reduce((sum, child) => sum + child.ubicados, 0));
    }
  });

  it('holds the Plan Ciudad Bicentenario with the two bridge projects under MOVILIDAD URBANA', async () => {
    const { lineamientos } = await getTree();
    const plan = find(lineamientos, 'L6.O1.P1');
    expect(plan?.nombre).toBe('Plan Ciudad Bicentenario Vallenar 2034');
    const movilidad = plan?.hijos.find((node) => node.codigo === 'L6.O1.P1.G1');
    expect(movilidad?.nombre).toMatch(/^MOVILIDAD URBANA/);
    const names = movilidad?.hijos.map((node) => node.nombre) ?? [];
    expect(names).toContain('Puentes peatonales acorde a las rutas inclusivas');
    expect(names.some((name) => name.startsWith('Construcción de 4 puentes sobre el río Huasco'))).toBe(true);
  });

  it('keeps the items the document hangs directly from a plan at the plan, without a programa', async () => {
    const { lineamientos } = await getTree();
    const plan = find(lineamientos, 'L4.O1.P1');
    const items = plan?.hijos.filter((node) => node.nivel === 'proyecto') ?? [];
    expect(items.map((node) => node.codigo)).toEqual(['L4.O1.P1.01', 'L4.O1.P1.02']);
  });

  it('offers every status of the catalogue and no funding, unit or years: the plan records none', async () => {
    const { filtros } = await getTree();
    expect(filtros).toEqual({
      estados: [...estadosProyecto],
      fuentesFinanciamiento: [],
      unidadesResponsables: [],
      anios: { desde: null, hasta: null },
    });
  });

  it('offers the funding sources, units and years once SECPLA records them', async () => {
    await testApp.database.db.query(
      `update proyectos set fuentes_financiamiento = '{FNDR,municipal}', unidad_responsable = 'SECPLA', anio_inicio = 2024, anio_fin = 2027
       where codigo = 'L6.O1.P1.G1.03'`,
    );
    await testApp.database.db.query(
      `update proyectos set fuentes_financiamiento = '{MOP}', anio_inicio = 2023 where codigo = 'L6.O1.P1.G1.04'`,
    );
    const { filtros } = await getTree();
    expect(filtros.fuentesFinanciamiento).toEqual(['FNDR', 'MOP', 'municipal']);
    expect(filtros.unidadesResponsables).toEqual(['SECPLA']);
    expect(filtros.anios).toEqual({ desde: 2023, hasta: 2027 });
  });

  it('serves the whole plan, not only the names: ejes transversales, definitions, second paragraphs and programme notes', async () => {
    const tree = await getTree();
    expect(tree.ejesTransversales).toHaveLength(10);
    expect(tree.ejesTransversales[0]).toMatchObject({ codigo: 'EJE-01', nombre: 'Prevención' });
    for (const eje of tree.ejesTransversales) expect(eje.descripcion.length, eje.codigo).toBeGreaterThan(100);
    for (const lineamiento of tree.lineamientos) expect(lineamiento.definicion?.length ?? 0, lineamiento.codigo).toBeGreaterThan(40);
    expect(find(tree.lineamientos, 'L1')?.definicion).toMatch(/^Contribuir al establecimiento de un modelo de gestión municipal/);
    expect(find(tree.lineamientos, 'L4.O1')?.descripcion).toMatch(/participación ciudadana real y efectiva/);
    expect(find(tree.lineamientos, 'L6.O1')?.descripcion).toMatch(/participación ciudadana real y efectiva/);
    expect(find(tree.lineamientos, 'L2.O1.P1.G9')?.nota).toMatch(/Humedal Urbano está en revisión jurídica/);
    expect(find(tree.lineamientos, 'L2.O1.P1.G4')?.nota).toMatch(/Certificación Ambiental/);
  });

  it('marks funding and years the text mentions as such, apart from what SECPLA records, and says where tipo comes from', async () => {
    const tree = await getTree();
    const projects = [...walk(tree.lineamientos)].filter((node) => node.nivel === 'proyecto');
    const byName = (text: string) => projects.find((node) => node.nombre.includes(text));
    expect(byName('Postular iniciativa al FNDR')?.mencionadoEnPladeco).toEqual({ fuentes: ['FNDR'], anios: [] });
    expect(byName('Parque Solar Comunal')?.mencionadoEnPladeco).toEqual({ fuentes: ['Convenio público-privado'], anios: [2021, 2022] });
    expect(byName('Estrategia Energética Local')?.mencionadoEnPladeco?.fuentes).toEqual(['Ministerio de Energía']);
    expect(byName('convenio con ENAMI')?.mencionadoEnPladeco?.fuentes).toEqual(['ENAMI']);
    expect(projects.filter((node) => node.mencionadoEnPladeco).length).toBeGreaterThan(5);
    expect(tree.notas.tipo).toMatch(/lectura del equipo SIT/);
    expect(tree.notas.mencionadoEnPladeco).toMatch(/no es un financiamiento ni un plazo registrado por la SECPLA/);
  });
});
