import { describe, expect, it } from 'vitest';
import { fitWithin } from './photo-size.ts';

describe('fitWithin', () => {
  it('scales the longest side down to the limit, keeping proportions', () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4000, 1000, 1600)).toEqual({ width: 1600, height: 400 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 1600, 1600)).toEqual({ width: 1600, height: 1600 });
  });

  it('keeps at least one pixel on a very thin photo and refuses an empty one', () => {
    expect(fitWithin(10_000, 2, 1600)).toEqual({ width: 1600, height: 1 });
    expect(() => fitWithin(0, 100, 1600)).toThrow(RangeError);
  });
});
