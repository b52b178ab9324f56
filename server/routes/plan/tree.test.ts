import { describe, expect, it } from 'vitest';
import { buildPlanTree, type PlanNodeRow } from './tree.ts';

const row = (codigo: string, nivel: PlanNodeRow['nivel'], codigo_padre: string | null, orden: number, proyectos = 1): PlanNodeRow => ({
  codigo,
  nivel,
  codigo_padre,
  orden,
  nombre: codigo,
  tipo: nivel === 'proyecto' ? 'proyecto' : null,
  definicion: null,
  descripcion: null,
  nota: null,
  proyectos,
  ubicados: 0,
});

describe('buildPlanTree', () => {
  it('nests the rows under their parents in document order, whatever order they come in', () => {
    const tree = buildPlanTree([
      row('L1.O1.P1.02', 'proyecto', 'L1.O1.P1', 2),
      row('L1', 'lineamiento', null, 1, 2),
      row('L1.O1.P1.01', 'proyecto', 'L1.O1.P1', 1),
      row('L1.O1', 'objetivo', 'L1', 1, 2),
      row('L1.O1.P1', 'plan', 'L1.O1', 1, 2),
    ]);
    expect(tree).toHaveLength(1);
    const plan = tree[0]?.hijos[0]?.hijos[0];
    expect(plan?.hijos.map((node) => node.codigo)).toEqual(['L1.O1.P1.01', 'L1.O1.P1.02']);
    expect(plan?.hijos[0]).toMatchObject({ tipo: 'proyecto', hijos: [] });
    expect(tree[0]).not.toHaveProperty('tipo');
  });

  it('drops a row whose parent is missing instead of showing it at the wrong level', () => {
    const tree = buildPlanTree([row('L1', 'lineamiento', null, 1), row('L9.O1', 'objetivo', 'L9', 1)]);
    expect(tree.map((node) => node.codigo)).toEqual(['L1']);
    expect(tree[0]?.hijos).toEqual([]);
  });

  it('carries the texts the Tomo II adds, and the funding and years a project text mentions', () => {
    const [lineamiento] = buildPlanTree([
      { ...row('L2', 'lineamiento', null, 1), definicion: 'Contribuir a…' },
      { ...row('L2.O1', 'objetivo', 'L2', 1), descripcion: 'Se requiere una participación ciudadana real…' },
      { ...row('L2.O1.P1', 'plan', 'L2.O1', 1), nota: 'Asociado al nivel de Certificación Ambiental.' },
      { ...row('L2.O1.P1.01', 'proyecto', 'L2.O1.P1', 1), nombre: 'Postular iniciativa al FNDR durante 2023.' },
      row('L2.O1.P1.02', 'proyecto', 'L2.O1.P1', 2),
    ]);
    expect(lineamiento?.definicion).toBe('Contribuir a…');
    const objetivo = lineamiento!.hijos[0]!;
    expect(objetivo.descripcion).toBe('Se requiere una participación ciudadana real…');
    const plan = objetivo.hijos[0]!;
    expect(plan.nota).toBe('Asociado al nivel de Certificación Ambiental.');
    expect(plan.hijos[0]?.mencionadoEnPladeco).toEqual({ fuentes: ['FNDR'], anios: [2023] });
    expect(plan.hijos[1]).not.toHaveProperty('mencionadoEnPladeco');
  });
});
