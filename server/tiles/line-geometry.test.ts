import { describe, expect, it } from 'vitest';
import { insideTileBuffer, simplifyCollinear, simplifyLines, type TilePoint } from './line-geometry.ts';

const line = (...coordinates: number[]): TilePoint[] =>
  Array.from({ length: coordinates.length / 2 }, (_, index) => [coordinates[2 * index] as number, coordinates[2 * index + 1] as number]);

describe('simplifyCollinear (PostGIS 3.3, tolerance 0)', () => {
  it('drops points on the segment between their neighbours', () => {
    expect(simplifyCollinear(line(0, 0, 5, 0, 10, 0, 10, 10))).toEqual(line(0, 0, 10, 0, 10, 10));
  });

  it('keeps a point that goes past the next one (a fold along the line)', () => {
    expect(simplifyCollinear(line(0, 0, 5, 0, 3, 0, 10, 0))).toEqual(line(0, 0, 5, 0, 3, 0, 10, 0));
  });

  it('drops a spike that comes straight back to the last point kept', () => {
    expect(simplifyCollinear(line(100, 100, 107, 104, 100, 100, 90, 90))).toEqual(line(100, 100, 90, 90));
    expect(simplifyCollinear(line(1833, 202, 1829, 202, 1833, 202, 1829, 202, 1833, 202, 4167, 202))).toEqual(line(1833, 202, 4167, 202));
  });

  it('leaves two-point lines alone', () => {
    expect(simplifyCollinear(line(1, 1, 2, 2))).toEqual(line(1, 1, 2, 2));
  });
});

describe('simplifyLines', () => {
  it('drops lines that collapse to one point, and keeps the others', () => {
    expect(simplifyLines([line(100, 100, 107, 104, 100, 100), line(0, 0, 1, 1)])).toEqual([line(0, 0, 1, 1)]);
  });
});

describe('insideTileBuffer', () => {
  it('includes the edges of the buffer', () => {
    expect(insideTileBuffer([line(-64, -64, 4160, 4160)])).toBe(true);
    expect(insideTileBuffer([line(-65, 0, 10, 10)])).toBe(false);
  });
});
