import { describe, expect, it } from 'vitest';
import { investmentByUnit } from './investment-by-unit.ts';

const units = [
  { codigo: 'UV-01', proyectos: ['A', 'B', 'C'] },
  { codigo: 'UV-02', proyectos: ['B'] },
  { codigo: 'UV-03', proyectos: [] },
];

describe('investmentByUnit', () => {
  it('adds the recorded budgets of the given projects and counts them, unit by unit', () => {
    const result = investmentByUnit(units, [
      { codigo: 'A', inversionClp: 1_000_000 },
      { codigo: 'B', inversionClp: 250_000 },
      { codigo: 'C', inversionClp: null },
    ]);
    expect(result).toEqual([
      { codigo: 'UV-01', proyectos: 3, conPresupuesto: 2, inversionClp: 1_250_000 },
      { codigo: 'UV-02', proyectos: 1, conPresupuesto: 1, inversionClp: 250_000 },
      { codigo: 'UV-03', proyectos: 0, conPresupuesto: 0, inversionClp: null },
    ]);
  });

  it('keeps "no budget recorded" as null, never as zero, as in the PLADECO', () => {
    const result = investmentByUnit(units, [
      { codigo: 'A', inversionClp: null },
      { codigo: 'B', inversionClp: null },
    ]);
    expect(result.map((unit) => unit.inversionClp)).toEqual([null, null, null]);
    expect(result.map((unit) => unit.proyectos)).toEqual([2, 1, 0]);
  });

  it('counts only the projects given (those that pass the filters)', () => {
    const result = investmentByUnit(units, [{ codigo: 'C', inversionClp: 0 }]);
    expect(result[0]).toEqual({ codigo: 'UV-01', proyectos: 1, conPresupuesto: 1, inversionClp: 0 });
    expect(result[1]?.proyectos).toBe(0);
  });
});
