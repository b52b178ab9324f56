import { describe, expect, it } from 'vitest';
import { isPrecision, leastPrecise, officialPrecisions, precisionLevels } from './precision.ts';

describe('precision levels', () => {
  it('orders from most to least exact, explicitly (not alphabetically)', () => {
    expect(precisionLevels).toEqual(['oficial', 'aproximada', 'ilustrativa', 'demo']);
    expect(leastPrecise('aproximada', 'demo')).toBe('demo');
    expect(leastPrecise('demo', 'aproximada')).toBe('demo');
    expect(leastPrecise('oficial', 'ilustrativa')).toBe('ilustrativa');
    expect(leastPrecise('oficial', 'oficial')).toBe('oficial');
  });

  it('lets only oficial and aproximada into an official figure unmarked', () => {
    expect(officialPrecisions).toEqual(['oficial', 'aproximada']);
    expect(isPrecision('ilustrativa')).toBe(true);
    expect(isPrecision('exacta')).toBe(false);
  });
});
