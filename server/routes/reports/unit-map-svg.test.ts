import { describe, expect, it } from 'vitest';
import { unitMapSvg, type MapFeature } from './unit-map-svg.ts';

const square: MapFeature = {
  capa: 'unidad',
  clase: null,
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
        [0, 0],
      ],
    ],
  },
};

describe('unitMapSvg', () => {
  it('fits the extent in the box with north up (y flipped) and keeps the aspect', () => {
    const svg = unitMapSvg([square], { xmin: 0, ymin: 0, xmax: 100, ymax: 100 }, { width: 200, height: 100, title: 'Unidad' });
    // 100 m fit in 100 px of height, centred horizontally: x from 50 to 150, the north edge (y = 100 m) at the top.
    expect(svg).toContain('<path d="M50.0 100.0L150.0 100.0L150.0 0.0L50.0 0.0L50.0 100.0Z"');
  });

  it('draws eradicated micro-dumps green and active ones red, and escapes the title', () => {
    const dumps: MapFeature[] = [
      { capa: 'microbasural', clase: 'limpiado', geometry: { type: 'Point', coordinates: [10, 10] } },
      { capa: 'microbasural', clase: 'reportado', geometry: { type: 'Point', coordinates: [20, 20] } },
    ];
    const svg = unitMapSvg(dumps, { xmin: 0, ymin: 0, xmax: 100, ymax: 100 }, { width: 100, height: 100, title: 'Villa "O\'Higgins" <1>' });
    expect(svg).toContain('fill="#2e8540"');
    expect(svg).toContain('fill="#b5121b"');
    expect(svg).toContain('Villa &quot;O&apos;Higgins&quot; &lt;1&gt;');
    expect(svg).not.toContain('<1>');
  });
});
