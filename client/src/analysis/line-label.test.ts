import { describe, expect, it } from 'vitest';
import { lineLabel } from './line-label.ts';

describe('lineLabel', () => {
  it('puts the label half-way along the line', () => {
    const label = lineLabel({
      type: 'LineString',
      coordinates: [
        [-70.77, -28.57],
        [-70.76, -28.57],
        [-70.75, -28.57],
      ],
    });
    expect(label?.position[0]).toBeCloseTo(-70.76, 6);
    expect(label?.position[1]).toBeCloseTo(-28.57, 6);
    expect(label?.angle).toBeCloseTo(0, 6);
  });

  it('never writes upside down: a street drawn westwards reads left to right', () => {
    const label = lineLabel({
      type: 'LineString',
      coordinates: [
        [-70.75, -28.57],
        [-70.77, -28.57],
      ],
    });
    expect(Math.abs(label?.angle ?? 99)).toBeLessThanOrEqual(90);
    expect(label?.angle).toBeCloseTo(0, 6);
  });

  it('follows the direction of the line on a north-up map (45° corrected for latitude)', () => {
    const cos = Math.cos((28.57 * Math.PI) / 180);
    const label = lineLabel({
      type: 'LineString',
      coordinates: [
        [-70.77, -28.57],
        [-70.77 + 0.01 / cos, -28.56],
      ],
    });
    expect(label?.angle).toBeCloseTo(45, 4);
  });

  it('labels the longest part of a multi-line, and nothing when empty', () => {
    const label = lineLabel({
      type: 'MultiLineString',
      coordinates: [
        [
          [-70.8, -28.6],
          [-70.7999, -28.6],
        ],
        [
          [-70.77, -28.57],
          [-70.75, -28.57],
        ],
      ],
    });
    expect(label?.position[0]).toBeCloseTo(-70.76, 6);
    expect(lineLabel({ type: 'MultiLineString', coordinates: [] })).toBeNull();
  });
});
