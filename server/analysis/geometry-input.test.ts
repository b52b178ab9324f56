import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { geometryText } from './geometry-input.ts';

const fieldOf = (value: unknown) => {
  try {
    geometryText(value, 'geometry');
  } catch (error) {
    return error instanceof ApiError ? `${error.statusCode} ${error.field}` : 'other';
  }
  return 'ok';
};

describe('geometryText', () => {
  it('accepts lon/lat geometries and drops foreign members', () => {
    expect(geometryText({ type: 'Point', coordinates: [-70.76, -28.57], crs: 'x' }, 'geometry')).toBe(
      '{"type":"Point","coordinates":[-70.76,-28.57]}',
    );
    expect(
      fieldOf({
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        ],
      }),
    ).toBe('ok');
  });

  it('refuses wrong types, nesting, non-numbers and UTM metres with a 400 on the field', () => {
    for (const value of [
      null,
      [],
      { type: 'GeometryCollection', geometries: [] },
      { type: 'Point', coordinates: [[0, 0]] },
      { type: 'LineString', coordinates: [[0, '1']] },
      { type: 'Point', coordinates: [331000, 6838000] },
      { type: 'Polygon', coordinates: [[]] },
    ]) {
      expect(fieldOf(value)).toBe('400 geometry');
    }
  });
});
