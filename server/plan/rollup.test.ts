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
  it('weights by approved budget, else estimated, and counts a project without progress as 0 % "sin información"', () => {
    const [l1] = rollupPlan(nodes, [
      project('A', { avance: 50, aprobado_clp: 300, estimado_clp: 999 }),
      project('B', { avance: 100, estimado_clp: 100 }),
      project('C', { aprobado_clp: 100 }),
      project('D', { avance: 20, estimado_clp: 500 }),
    ]);
    const programa = l1?.hijos[0]?.hijos[0]?.hijos[0];
    // (50·300 + 100·100 + 0·100) / 500 = 50
    expect(programa).toMatchObject({ avance: 50, ponderacion: 'presupuesto', incluidos: 3, sinInformacion: 1 });
    // plan: (15000 + 10000 + 0 + 20·500) / 1000 = 35
    expect(l1?.hijos[0]?.hijos[0]).toMatchObject({ avance: 35, proyectos: 4, presupuestoPonderador: 1000 });
    expect(l1).toMatchObject({ avance: 35, ponderacion: 'presupuesto' });
  });

  it('uses equal weights when no project of the group has a budget, and says so', () => {
    const [l1] = rollupPlan(nodes, [project('A', { avance: 30 }), project('B', { avance: 60 }), project('C', {}), project('D', {})]);
    const programa = l1?.hijos[0]?.hijos[0]?.hijos[0];
    // (30 + 60 + 0) / 3 = 30
    expect(programa).toMatchObject({ avance: 30, ponderacion: 'igual', sinInformacion: 1, sinPresupuesto: 3 });
    // (30 + 60 + 0 + 0) / 4 = 22.5
    expect(l1).toMatchObject({ avance: 22.5, ponderacion: 'igual' });
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
