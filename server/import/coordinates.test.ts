import { describe, expect, it } from 'vitest';
import { coordinateProblem, type RegionBox } from './coordinates.ts';

/** The comuna with its margin in lon/lat and in UTM 19S (what import-file computes with PostGIS). */
const degrees: RegionBox = { minX: -71.5, minY: -29.66, maxX: -69.7, maxY: -27.71 };
const utm: RegionBox = { minX: 255_000, minY: 6_716_000, maxX: 430_000, maxY: 6_933_000 };

const point = (x: number, y: number) => ({ type: 'Point' as const, coordinates: [x, y] });

describe('coordinateProblem', () => {
  it('accepts Vallenar in degrees and in UTM metres', () => {
    expect(coordinateProblem(point(-70.758, -28.576), 4326, degrees)).toBeNull();
    expect(coordinateProblem(point(328062.09, 6837726.51), 32719, utm)).toBeNull();
  });

  it('detects swapped axes in degrees and in metres', () => {
    expect(coordinateProblem(point(-28.576, -70.758), 4326, degrees)?.code).toBe('swapped_coordinates');
    expect(coordinateProblem(point(6837726.51, 328062.09), 32719, utm)?.code).toBe('swapped_coordinates');
  });

  it('explains UTM metres declared as degrees and degrees declared as UTM', () => {
    const metres = coordinateProblem(point(328062.09, 6837726.51), 4326, degrees);
    expect(metres?.code).toBe('utm_as_degrees');
    expect(metres?.reason).toMatch(/--srid/);
    expect(coordinateProblem(point(-70.758, -28.576), 32719, utm)?.reason).toMatch(/parecen grados/);
  });

  it('refuses non-finite and out-of-range values', () => {
    expect(coordinateProblem(point(Infinity, -28.5), 4326, degrees)?.code).toBe('non_finite');
    expect(coordinateProblem(point(-70.7, 95), 4326, degrees)?.code).toBe('out_of_range');
    expect(coordinateProblem(point(1_500_000, 6_837_726), 32719, utm)?.code).toBe('out_of_range');
  });

  it('leaves a place merely outside the comuna to the report, not to rejection', () => {
    expect(coordinateProblem(point(-70.3314, -27.3668), 4326, degrees)).toBeNull();
  });
});
