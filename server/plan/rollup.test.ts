import { describe, expect, it } from 'vitest';
import { rollupPlan, type RollupNodeRow, type RollupProjectRow } from './rollup.ts';

/** L1 → O1 → P1 → G1 → {A, B, C}; P1 → D (an item hung from the plan); L2 with nothing. */
const nodes: RollupNodeRow[] = [
  { codigo: 'L1', nivel: 'lineamiento', codigo_padre: null, orden: 1, nombre: 'Uno' },
  { codigo: 'L2', nivel: 'lineamiento', codigo_padre: null, orden: 2, nombre: 'Dos' },
  { codigo: 'L1.O1', nivel: 'objetivo', codigo_padre: 'L1', orden: 1, nombre: 'Objetivo' },
  { codigo: 'L1.O1.P1', nivel: 'plan', codigo_padre: 'L1.O1', orden: 1, nombre: 'Plan' },
  { codigo: 'L1.O1.P1.G1', nivel: 'programa', codigo_padre: 'L1.O1.P1', orden: 1, nombre: 'Programa' },
  { codigo: 'A', nivel: 'proyecto', codigo_padre: 'L1.O1.P1.G1', orden: 1, nombre: 'A' },
  { codigo: 'B', nivel: 'proyecto', codigo_padre: 'L1.O1.P1.G1', orden: 2, nombre: 'B' },
  { codigo: 'C', nivel: 'proyecto', codigo_padre: 'L1.O1.P1.G1', orden: 3, nombre: 'C' },
  { codigo: 'D', nivel: 'proyecto', codigo_padre: 'L1.O1.P1', orden: 2, nombre: 'D' },
];

const project = (codigo: string, fields: Partial<RollupProjectRow>): RollupProjectRow => ({
  codigo,
  estado: null,
  avance: null,
  aprobado_clp: null,
  estimado_clp: null,
  ...fields,
});

describe('rollupPlan', () => {
  it('weights by approved budget, else estimated, and leaves a project without progress out of the mean, counted', () => {
    const [l1] = rollupPlan(nodes, [
      project('A', { avance: 50, aprobado_clp: 300, estimado_clp: 999 }),
      project('B', { avance: 100, estimado_clp: 100 }),
      project('C', { aprobado_clp: 100 }),
      project('D', { avance: 20, estimado_clp: 500 }),
    ]);
    const programa = l1?.hijos[0]?.hijos[0]?.hijos[0];
    // C has no progress: out of the mean, not 0 %. (50·300 + 100·100) / 400 = 62.5
    expect(programa).toMatchObject({ avance: 62.5, ponderacion: 'presupuesto', incluidos: 3, conAvance: 2, sinInformacion: 1 });
    // plan: (15000 + 10000 + 20·500) / 900 = 38.9
    expect(l1?.hijos[0]?.hijos[0]).toMatchObject({ avance: 38.9, proyectos: 4, conAvance: 3, presupuestoPonderador: 900 });
    expect(l1).toMatchObject({ avance: 38.9, ponderacion: 'presupuesto' });
  });

  it('says 25 %, over 1 of 4 projects, when only one project of the branch has progress (never 6,3 % counting zeros)', () => {
    const [l1] = rollupPlan(nodes, [project('A', { avance: 25 }), project('B', {}), project('C', {}), project('D', {})]);
    expect(l1).toMatchObject({ avance: 25, ponderacion: 'igual', incluidos: 4, conAvance: 1, sinInformacion: 3 });
  });

  it('is "sin información" (null) when no project of the branch has progress recorded', () => {
    const [l1] = rollupPlan(nodes, [project('A', { aprobado_clp: 100 }), project('B', {}), project('C', {}), project('D', {})]);
    expect(l1).toMatchObject({ avance: null, ponderacion: null, incluidos: 4, conAvance: 0, sinInformacion: 4 });
  });

  it('uses equal weights when no project in the mean has a budget, and says so', () => {
    const [l1] = rollupPlan(nodes, [project('A', { avance: 30 }), project('B', { avance: 60 }), project('C', {}), project('D', {})]);
    const programa = l1?.hijos[0]?.hijos[0]?.hijos[0];
    // (30 + 60) / 2 = 45
    expect(programa).toMatchObject({ avance: 45, ponderacion: 'igual', sinInformacion: 1, sinPresupuesto: 3 });
    expect(l1).toMatchObject({ avance: 45, ponderacion: 'igual', conAvance: 2 });
  });

  it('leaves suspended and discarded projects out; a project without a budget weighs 0 beside one with a budget', () => {
    const [l1] = rollupPlan(nodes, [
      project('A', { avance: 80, estado: 'suspendido', aprobado_clp: 1000 }),
      project('B', { avance: 40, estado: 'ejecución', estimado_clp: 200 }),
      project('C', { avance: 100, estado: 'terminado' }),
      project('D', { avance: 10, estado: 'descartado', estimado_clp: 50 }),
    ]);
    expect(l1).toMatchObject({ avance: 40, ponderacion: 'presupuesto', incluidos: 2, excluidos: 2, sinPresupuesto: 1 });
    expect(l1?.hijos[0]?.hijos[0]?.hijos[1]).toMatchObject({ codigo: 'D', estado: 'descartado', avance: null, ponderacion: null });
  });

  it('gives no progress to a branch with no project, and keeps the document order', () => {
    const tree = rollupPlan([...nodes].reverse(), []);
    expect(tree.map((node) => node.codigo)).toEqual(['L1', 'L2']);
    expect(tree[1]).toMatchObject({ avance: null, ponderacion: null, proyectos: 0, hijos: [] });
    expect(tree[0]?.hijos[0]?.hijos[0]?.hijos.map((node) => node.codigo)).toEqual(['L1.O1.P1.G1', 'D']);
  });
});
