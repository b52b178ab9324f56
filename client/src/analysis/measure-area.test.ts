import { describe, expect, it } from 'vitest';
import { measureArea } from './measure-area.ts';

describe('measureArea', () => {
  it('measures a block of central Vallenar as PostGIS does on the ellipsoid, within 0.5 %', () => {
    // ST_Area(geography) of the same square: 4 337 367.0 m².
    const square = [
      [-70.77, -28.58],
      [-70.75, -28.58],
      [-70.75, -28.56],
      [-70.77, -28.56],
    ];
    expect(Math.abs(measureArea(square) - 4_337_367) / 4_337_367).toBeLessThan(0.005);
  });

  it('does not depend on the direction the vertices were clicked in', () => {
    const ring = [
      [-70.77, -28.58],
      [-70.75, -28.58],
      [-70.76, -28.56],
    ];
    expect(measureArea([...ring].reverse())).toBeCloseTo(measureArea(ring), 6);
  });

  it('encloses nothing with fewer than three points', () => {
    expect(
      measureArea([
        [-70.77, -28.58],
        [-70.75, -28.58],
      ]),
    ).toBe(0);
  });
});
