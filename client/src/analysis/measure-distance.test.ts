import { describe, expect, it } from 'vitest';
import { measureDistance } from './measure-distance.ts';

describe('measureDistance', () => {
  it('measures a path in Vallenar as PostGIS does on the ellipsoid, within 0.3 %', () => {
    // ST_Length(geography) of the same line: 4437.03 m.
    const metres = measureDistance([
      [-70.7616, -28.575],
      [-70.742, -28.585],
      [-70.72, -28.59],
    ]);
    expect(Math.abs(metres - 4437.03) / 4437.03).toBeLessThan(0.003);
  });

  it('gives one degree of meridian about 111.2 km', () => {
    expect(
      measureDistance([
        [-70, -28],
        [-70, -29],
      ]),
    ).toBeCloseTo(111_195, -1);
  });

  it('measures nothing with fewer than two points', () => {
    expect(measureDistance([])).toBe(0);
    expect(measureDistance([[-70.76, -28.57]])).toBe(0);
  });
});
