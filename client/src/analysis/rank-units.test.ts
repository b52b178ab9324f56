import { describe, expect, it } from 'vitest';
import { rankUnits } from './rank-units.ts';

describe('rankUnits', () => {
  it('ranks from highest to lowest, ties share a rank, missing values last', () => {
    const units = [
      { codigo: 'UV-3', v: 2 },
      { codigo: 'UV-1', v: null },
      { codigo: 'UV-2', v: 5 },
      { codigo: 'UV-4', v: 2 },
      { codigo: 'UV-0', v: 0 },
    ];
    expect(rankUnits(units, (unit) => unit.v).map((row) => [row.unit.codigo, row.rank])).toEqual([
      ['UV-2', 1],
      ['UV-3', 2],
      ['UV-4', 2],
      ['UV-0', 4],
      ['UV-1', null],
    ]);
  });
});
