import type { Feature } from 'geojson';
import { describe, expect, it } from 'vitest';
import { keepApart, metresPerPixel, placeNames, streetFits, streetNames } from './field-names.ts';

const street = (nombre: string, coordinates: number[][][]): Feature => ({
  type: 'Feature',
  properties: { nombre },
  geometry: { type: 'MultiLineString', coordinates },
});

describe('field map names', () => {
  it('offers places along each street for its name, upright along it', () => {
    const names = streetNames([
      street('AVENIDA EL BUEN RETIRO', [
        [
          [-70.76, -28.575],
          [-70.75, -28.575],
        ],
      ]),
      street('AVENIDA EL BUEN RETIRO', [
        [
          [-70.77, -28.58],
          [-70.769, -28.58],
        ],
      ]),
      street('LAUTARO', [
        [
          [-70.76, -28.57],
          [-70.76, -28.58],
        ],
      ]),
    ]);
    expect([...new Set(names.map((name) => name.text))]).toEqual(['Avenida El Buen Retiro', 'Lautaro']);
    // ~977 m of avenue: a place every 150 m from 75 m on; the short piece (~98 m) one in its middle.
    const avenue = names.filter((name) => name.text === 'Avenida El Buen Retiro');
    expect(avenue).toHaveLength(8);
    expect(avenue[0]?.angle).toBeCloseTo(0, 5);
    expect(avenue[0]?.lon).toBeCloseTo(-70.76 + 0.01 * (75 / avenue[0]!.metres), 6);
    expect(avenue[7]?.lon).toBeCloseTo(-70.7695, 6);
    // North to south on screen is straight down: 90°.
    expect(names.find((name) => name.text === 'Lautaro')?.angle).toBeCloseTo(90, 5);
  });

  it('shows a street name only where the street is longer on screen than its name', () => {
    const [name] = streetNames([
      street('LAUTARO', [
        [
          [-70.76, -28.575],
          [-70.758, -28.575],
        ],
      ]),
    ]);
    // About 195 m: 7 letters need ~50 px, which it has at z16 (~1.05 m/px) and not at z13 (~8.4 m/px).
    expect(metresPerPixel(16, -28.575)).toBeCloseTo(1.05, 2);
    expect(streetFits(name!, 16)).toBe(true);
    expect(streetFits(name!, 13)).toBe(false);
  });

  it('reads place names from points, and keeps apart overlapping boxes in order', () => {
    expect(
      placeNames([{ type: 'Feature', properties: { nombre: 'Vallenar' }, geometry: { type: 'Point', coordinates: [-70.75, -28.57] } }]),
    ).toEqual([{ text: 'Vallenar', lon: -70.75, lat: -28.57, angle: 0, kind: 'lugar', metres: 0 }]);
    const box = (left: number, top: number) => ({ left, top, right: left + 50, bottom: top + 14 });
    expect(keepApart([box(0, 0), box(30, 5), null, box(60, 0)])).toEqual([true, false, false, true]);
    // A street already named is not named again elsewhere.
    expect(keepApart([box(0, 0), box(0, 100), box(0, 200)], ['Lautaro', 'Lautaro', 'Carmen'])).toEqual([true, false, true]);
  });
});
