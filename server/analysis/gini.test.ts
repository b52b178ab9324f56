import { describe, expect, it } from 'vitest';
import { giniCoefficient, lorenzCurve } from './gini.ts';

describe('lorenzCurve and giniCoefficient', () => {
  it('is 0 when every inhabitant receives the same', () => {
    const points = lorenzCurve([
      { population: 100, value: 1000 },
      { population: 300, value: 3000 },
    ]);
    expect(points).toEqual([
      { x: 0, y: 0 },
      { x: 0.25, y: 0.25 },
      { x: 1, y: 1 },
    ]);
    expect(giniCoefficient(points!)).toBeCloseTo(0, 12);
  });

  it('matches a hand-computed case: 500 people get nothing, 1000 get everything → G = 1/3', () => {
    // Sorted by value per inhabitant: (500, 0) then (1000, 10 000 000).
    // Points (0,0), (1/3,0), (1,1); area term = 1/3·0 + 2/3·1 = 2/3; G = 1 − 2/3.
    const points = lorenzCurve([
      { population: 1000, value: 10_000_000 },
      { population: 500, value: 0 },
    ])!;
    expect(points.map((point) => [point.x, point.y])).toEqual([
      [0, 0],
      [1 / 3, 0],
      [1, 1],
    ]);
    expect(giniCoefficient(points)).toBeCloseTo(1 / 3, 12);
  });

  it('matches a hand-computed case with three unequal groups (G = 0.35)', () => {
    // Populations 1,1,2 (x: .25,.5,1); values 0,2,8 sorted by per-capita 0,2,4 (y: 0,.2,1).
    // Σ = .25·0 + .25·.2 + .5·1.2 = .65 → G = .35. Per-capita order puts (2, 8) last.
    const points = lorenzCurve([
      { population: 2, value: 8 },
      { population: 1, value: 0 },
      { population: 1, value: 2 },
    ])!;
    expect(giniCoefficient(points)).toBeCloseTo(0.35, 12);
  });

  it('leaves out groups without population and is undefined when nothing is shared', () => {
    expect(lorenzCurve([{ population: 0, value: 5 }])).toBeNull();
    expect(lorenzCurve([{ population: 10, value: 0 }])).toBeNull();
    expect(lorenzCurve([])).toBeNull();
  });
});
