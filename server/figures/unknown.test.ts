import { describe, expect, it } from 'vitest';
import { coverageText, csvFigure, formatClp, formatNumber, formatPercent, progressCoverage, sumKnown, withCoverage } from './unknown.ts';

describe('the rule for unknown values', () => {
  it('prints «sin información» (or «s/i») for a value nobody recorded, and a real 0 as 0', () => {
    expect(formatPercent(null)).toBe('sin información');
    expect(formatPercent(undefined, { short: true })).toBe('s/i');
    expect(formatClp(null)).toBe('sin información');
    expect(formatNumber(Number.NaN)).toBe('sin información');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatClp(0)).toBe('$0');
    expect(formatPercent(1.5)).toBe('1,5 %');
    expect(formatClp(1_500_000)).toBe('$1.500.000');
  });

  it('says over how many items a partly known figure was computed', () => {
    const text = (value: number | null, known: number, total: number) =>
      withCoverage(value, formatPercent(value), { known, total }, progressCoverage);
    expect(text(25, 1, 17)).toBe('25 % (1 de 17 proyectos con avance registrado)');
    expect(text(40, 3, 3)).toBe('40 %');
    expect(text(null, 0, 17)).toBe('sin información');
    expect(coverageText({ known: 0, total: 1 }, progressCoverage)).toBe('0 de 1 proyecto con avance registrado');
  });

  it('sums only what was recorded, and nothing recorded is null, not 0', () => {
    expect(sumKnown([null, undefined])).toEqual({ value: null, known: 0, total: 2 });
    expect(sumKnown([100, null, 0])).toEqual({ value: 100, known: 2, total: 3 });
    expect(sumKnown([])).toEqual({ value: null, known: 0, total: 0 });
  });

  it('writes «sin información» in a spreadsheet cell instead of leaving it empty', () => {
    expect(csvFigure(null)).toBe('sin información');
    expect(csvFigure(0)).toBe(0);
  });
});
