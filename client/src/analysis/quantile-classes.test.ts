import { describe, expect, it } from 'vitest';
import { quantileClasses } from './quantile-classes.ts';

describe('quantileClasses', () => {
  it('puts about as many values in each class', () => {
    const { breaks, classOf } = quantileClasses([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5);
    expect(breaks).toEqual([2, 4, 6, 8, 10]);
    expect(classOf).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('never splits equal values and leaves missing values out', () => {
    const { breaks, classOf } = quantileClasses([0, 0, 0, 0, 5, null, Number.NaN], 4);
    expect(breaks).toEqual([0, 5]);
    expect(classOf).toEqual([0, 0, 0, 0, 1, -1, -1]);
  });

  it('gives no class at all when every value is missing', () => {
    expect(quantileClasses([null, null], 5)).toEqual({ breaks: [], classOf: [-1, -1] });
  });
});
