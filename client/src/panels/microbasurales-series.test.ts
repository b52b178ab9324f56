import { describe, expect, it } from 'vitest';
import { axisTop, continuousMonths, monthLabel } from './microbasurales-series.ts';

describe('continuousMonths', () => {
  it('fills the months the server did not list, across a year end', () => {
    const months = continuousMonths([
      { mes: '2025-11', reportados: 2, limpiados: 0, cerrados: 0 },
      { mes: '2026-02', reportados: 1, limpiados: 3, cerrados: 1 },
    ]);
    expect(months.map((month) => month.mes)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(months[1]).toEqual({ mes: '2025-12', reportados: 0, limpiados: 0, cerrados: 0 });
    expect(months[3]?.limpiados).toBe(3);
  });

  it('is empty without months and ignores malformed ones', () => {
    expect(continuousMonths([])).toEqual([]);
    expect(continuousMonths([{ mes: '2026-13', reportados: 1, limpiados: 0, cerrados: 0 }])).toEqual([]);
  });
});

describe('axisTop', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 38, 120].map(axisTop)).toEqual([1, 1, 5, 10, 10, 20, 50, 200]);
  });
});

describe('monthLabel', () => {
  it('names a month in Spanish, short under a bar and long in its title', () => {
    expect(monthLabel('2022-02', 'short')).toBe('feb 22');
    expect(monthLabel('2026-12', 'long')).toBe('diciembre de 2026');
    expect(monthLabel('no es un mes', 'short')).toBe('no es un mes');
  });
});
