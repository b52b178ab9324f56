import { describe, expect, it } from 'vitest';
import { declutter } from './declutter.ts';

/** A flat projection for the test: one degree = 1000 px, origin at (0, 0). */
const project = ([x, y]: [number, number]): [number, number] => [x * 1000, -y * 1000];

describe('declutter', () => {
  it('keeps labels that do not overlap and drops the later of two that do', () => {
    const [kept] = declutter(
      [
        {
          size: 14,
          labels: [
            { text: 'Vallenar', position: [0.1, -0.1] },
            { text: 'Imperial Alto', position: [0.105, -0.1] },
            { text: 'Domeyko', position: [0.5, -0.5] },
          ],
        },
      ],
      project,
      1000,
      1000,
    );
    expect(kept?.map((label) => label.text)).toEqual(['Vallenar', 'Domeyko']);
  });

  it('gives earlier sets priority over later ones, and drops labels off screen', () => {
    const result = declutter(
      [
        { size: 14, labels: [{ text: 'Vallenar', position: [0.1, -0.1] }] },
        {
          size: 11,
          labels: [
            { text: 'CALLE A', position: [0.1, -0.1] },
            { text: 'CALLE B', position: [0.3, -0.3] },
            { text: 'LEJOS', position: [5, -5] },
          ],
        },
      ],
      project,
      1000,
      1000,
    );
    expect(result.map((set) => set.map((label) => label.text))).toEqual([['Vallenar'], ['CALLE B']]);
  });
});
