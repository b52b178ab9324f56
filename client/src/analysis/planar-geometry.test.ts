import { describe, expect, it } from 'vitest';
import { planarArea } from './planar-area.ts';
import { planarDistance } from './planar-distance.ts';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [0, 0],
      [100, 0],
      [100, 100],
      [0, 100],
      [0, 0],
    ],
  ],
};
const withHole = {
  type: 'Polygon' as const,
  coordinates: [
    square.coordinates[0]!,
    [
      [10, 10],
      [10, 20],
      [20, 20],
      [20, 10],
      [10, 10],
    ],
  ],
};

describe('planarArea', () => {
  it('measures rings in m², minus holes, whatever their orientation; 0 for lines and points', () => {
    expect(planarArea(square)).toBe(10_000);
    expect(planarArea({ ...square, coordinates: [[...square.coordinates[0]!].reverse()] })).toBe(10_000);
    expect(planarArea(withHole)).toBe(9_900);
    expect(planarArea({ type: 'MultiPolygon', coordinates: [square.coordinates, withHole.coordinates] })).toBe(19_900);
    expect(
      planarArea({
        type: 'LineString',
        coordinates: [
          [0, 0],
          [5, 5],
        ],
      }),
    ).toBe(0);
  });
});

describe('planarDistance', () => {
  it('is 0 inside, on the edge and across; otherwise the shortest gap', () => {
    expect(planarDistance({ type: 'Point', coordinates: [50, 50] }, square)).toBe(0);
    expect(planarDistance({ type: 'Point', coordinates: [100, 50] }, square)).toBe(0);
    expect(
      planarDistance(
        {
          type: 'LineString',
          coordinates: [
            [-10, 50],
            [110, 50],
          ],
        },
        square,
      ),
    ).toBe(0);
    expect(planarDistance({ type: 'Point', coordinates: [130, 50] }, square)).toBe(30);
    expect(planarDistance(square, { type: 'Point', coordinates: [103, 104] })).toBe(5);
    expect(planarDistance({ type: 'Point', coordinates: [15, 15] }, withHole)).toBe(5);
    expect(planarDistance({ type: 'Point', coordinates: [0, 0] }, { type: 'Point', coordinates: [3, 4] })).toBe(5);
    expect(
      planarDistance(
        {
          type: 'LineString',
          coordinates: [
            [0, 200],
            [100, 200],
          ],
        },
        {
          type: 'LineString',
          coordinates: [
            [50, 260],
            [50, 300],
          ],
        },
      ),
    ).toBe(60);
  });
});
