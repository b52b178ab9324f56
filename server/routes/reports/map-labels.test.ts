import { describe, expect, it } from 'vitest';
import { boxesOverlap, labelBox, lineLabelAnchor, placeLabels, textWidth, type LabelCandidate } from './map-labels.ts';

const frame = { x0: 0, y0: 0, x1: 400, y1: 200 };
const label = (text: string, x: number, y: number, priority = 1, angle = 0): LabelCandidate => ({
  text,
  x,
  y,
  angle,
  fontSize: 10,
  priority,
});

describe('placeLabels', () => {
  it('keeps the first of two overlapping names by priority and drops the other', () => {
    const placed = placeLabels([label('Calle Serrano', 100, 100, 3), label('Zona censal 5-1', 105, 102, 1)], frame);
    expect(placed.map((item) => item.text)).toEqual(['Zona censal 5-1']);
  });

  it('keeps names that do not touch, and none of the kept boxes overlap', () => {
    const candidates = Array.from({ length: 40 }, (_, index) =>
      label(`Calle ${index}`, 20 + ((index * 37) % 360), 10 + ((index * 23) % 180)),
    );
    const placed = placeLabels(candidates, frame);
    expect(placed.length).toBeGreaterThan(5);
    expect(placed.length).toBeLessThan(candidates.length);
    const boxes = placed.map(labelBox);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
  });

  it('drops a name that would cross the frame or an obstacle, and draws a repeated key once', () => {
    const placed = placeLabels(
      [
        label('Borde', 2, 100),
        label('Bajo la escala', 60, 180),
        { ...label('Lautaro', 300, 40), key: 'Lautaro' },
        { ...label('Lautaro', 300, 120), key: 'Lautaro' },
      ],
      frame,
      [{ x0: 0, y0: 160, x1: 150, y1: 200 }],
    );
    expect(placed.map((item) => item.text)).toEqual(['Lautaro']);
  });

  it('measures a rotated label by its rotated bounds', () => {
    const upright = labelBox(label('Caupolicán', 100, 100, 1, 90));
    expect(upright.y1 - upright.y0).toBeCloseTo(textWidth('Caupolicán', 10) + 4, 5);
  });
});

describe('lineLabelAnchor', () => {
  it('centres a name on a long straight street, upright even when drawn right to left', () => {
    const anchor = lineLabelAnchor(
      [
        [300, 50],
        [100, 50],
      ],
      60,
    );
    expect(anchor).toEqual({ x: 200, y: 50, angle: 0 });
  });

  it('follows the direction of the street', () => {
    const anchor = lineLabelAnchor(
      [
        [0, 0],
        [100, 100],
      ],
      50,
    );
    expect(anchor?.angle).toBeCloseTo(45, 5);
  });

  it('gives nothing where the street is shorter than the name or bends sharply under it', () => {
    expect(
      lineLabelAnchor(
        [
          [0, 0],
          [40, 0],
        ],
        60,
      ),
    ).toBeNull();
    const hairpin: Array<[number, number]> = [
      [0, 0],
      [45, 0],
      [45, 8],
      [0, 8],
    ];
    expect(lineLabelAnchor(hairpin, 60)).toBeNull();
  });
});
