import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, labelBox } from './map-labels.ts';
import { basePalette, dumpStatusColors, lineamientoColors } from '../../../client/src/map/colors.ts';
import { unitMapSvg, type MapFeature } from './unit-map-svg.ts';

const extent = { xmin: 0, ymin: 0, xmax: 100, ymax: 100 };
const square = (x0: number, y0: number, size: number): Position[][] => [
  [
    [x0, y0],
    [x0 + size, y0],
    [x0 + size, y0 + size],
    [x0, y0 + size],
    [x0, y0],
  ],
];
const unit: MapFeature = {
  capa: 'unidad',
  clase: null,
  nombre: 'Villa Los Ríos',
  etiqueta: [50, 50],
  geometry: { type: 'Polygon', coordinates: square(0, 0, 100) },
};
const line = (capa: MapFeature['capa'], clase: string | null, nombre: string | null, coordinates: Position[]): MapFeature => ({
  capa,
  clase,
  nombre,
  geometry: { type: 'LineString', coordinates },
});
const options = { width: 200, height: 100, title: 'Unidad' };

/** The part of the SVG inside the map frame's clipped group. */
const clipped = (svg: string) => svg.slice(svg.indexOf('<g clip-path="url(#marco-mapa)">'), svg.indexOf('</g>\n</g>'));
/** The legend's lines of text. */
const legendTexts = (svg: string) =>
  [...svg.slice(svg.indexOf('class="leyenda"')).matchAll(/<text x="28"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);

describe('unitMapSvg', () => {
  it('fits the extent in the frame with north up (y flipped) and keeps the aspect', () => {
    const svg = unitMapSvg([unit], extent, options);
    // 100 m fit in 100 px of height, centred horizontally: x from 50 to 150, the north edge (y = 100 m) at the top.
    expect(svg).toContain('<path d="M50.0 100.0L150.0 100.0L150.0 0.0L50.0 0.0L50.0 100.0Z"');
  });

  it('colours micro-dumps by their status as the workbench does, and escapes the title', () => {
    const dumps: MapFeature[] = [
      { capa: 'microbasural', clase: 'limpiado', geometry: { type: 'Point', coordinates: [10, 10] } },
      { capa: 'microbasural', clase: 'reportado', geometry: { type: 'Point', coordinates: [20, 20] } },
    ];
    const svg = unitMapSvg(dumps, extent, { ...options, width: 700, title: 'Villa "O\'Higgins" <1>' });
    expect(clipped(svg)).toContain(`fill="${dumpStatusColors.limpiado}"`);
    expect(clipped(svg)).toContain(`fill="${dumpStatusColors.reportado}"`);
    expect(legendTexts(svg)).toEqual(['Microbasural reportado', 'Microbasural limpiado']);
    expect(svg).toContain('Villa &quot;O&apos;Higgins&quot; &lt;1&gt;');
    expect(svg).not.toContain('<1>');
  });

  it('colours projects by lineamiento, dashed over a white casing, and its legend lists only the lineamientos drawn', () => {
    const features = [
      unit,
      line('proyecto', 'L2', 'Vallenar resguarda su patrimonio.', [
        [10, 10],
        [90, 20],
      ]),
      line('proyecto', 'L6', 'Vallenar impulsora de una ciudad más amable.', [
        [10, 80],
        [90, 70],
      ]),
      {
        capa: 'proyecto',
        clase: 'L6',
        nombre: 'Vallenar impulsora de una ciudad más amable.',
        geometry: { type: 'Point', coordinates: [50, 50] },
      },
      { capa: 'humedal', clase: 'vigente', geometry: { type: 'Polygon', coordinates: square(60, 0, 30) } },
    ] satisfies MapFeature[];
    const svg = unitMapSvg(features, extent, { ...options, width: 700 });
    expect(clipped(svg)).toContain(`stroke="${lineamientoColors.L2}" stroke-width="3.5" stroke-dasharray="7 4"`);
    expect(clipped(svg)).toContain(`stroke="#ffffff" stroke-width="6"`);
    expect(clipped(svg)).toContain(`<circle cx="350.0" cy="50.0" r="5" fill="${lineamientoColors.L6}"`);
    expect(clipped(svg)).toContain(`fill="${basePalette.wetland}" fill-opacity="0.3"`);
    expect(legendTexts(svg)).toEqual([
      'Unidad vecinal de la ficha',
      'Humedal urbano vigente',
      'Proyecto L2: Vallenar resguarda su patrimonio',
      'Proyecto L6: Vallenar impulsora de una ciudad más amable',
    ]);
    const legend = svg.slice(svg.indexOf('class="leyenda"'));
    expect(legend).toContain(`stroke="${lineamientoColors.L2}"`);
    expect(legend).toContain(`stroke="${lineamientoColors.L6}"`);
    for (const absent of ['L1', 'L3', 'L4', 'L5'] as const) expect(legend).not.toContain(`stroke="${lineamientoColors[absent]}"`);
  });

  it('clips everything to the map frame: a wetland reaching far outside stays inside the clipped group', () => {
    const wetland: MapFeature = { capa: 'humedal', clase: 'vigente', geometry: { type: 'Polygon', coordinates: square(-500, -500, 2000) } };
    const svg = unitMapSvg([unit, wetland], extent, options);
    expect(svg).toContain('<clipPath id="marco-mapa"><rect width="200" height="100"/></clipPath>');
    // −500 m is 450 px left of the frame: drawn, but only inside the group clipped to the frame.
    expect(clipped(svg)).toContain('M-450.0 600.0L');
    expect(svg.replace(clipped(svg), '')).not.toContain('M-450.0');
  });

  it('names the unit, places and streets along their line, with no two names overlapping', () => {
    const streets = Array.from({ length: 12 }, (_, index) =>
      line('calle', null, `AVENIDA NUMERO ${index}`, [
        [0, 8 * index + 4],
        [100, 8 * index + 6],
      ]),
    );
    const crossing = line('calle', null, 'LAUTARO', [
      [30, 0],
      [32, 100],
    ]);
    const place: MapFeature = {
      capa: 'lugar',
      clase: 'Asentamiento',
      nombre: 'Vallenar',
      geometry: { type: 'Point', coordinates: [20, 20] },
    };
    const svg = unitMapSvg([unit, ...streets, crossing, place], extent, { ...options, width: 400, height: 400 });
    const names = [
      ...svg.matchAll(
        /<text x="([\d.-]+)" y="([\d.-]+)"(?: transform="rotate\(([\d.-]+)[^"]*")? font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g,
      ),
    ].filter((match) => svg.slice(svg.indexOf('class="nombres"'), svg.indexOf('</g>', svg.indexOf('class="nombres"'))).includes(match[0]));
    const texts = names.map((match) => match[5]);
    expect(texts).toContain('Villa Los Ríos');
    expect(texts).toContain('Vallenar');
    expect(texts).toContain('Lautaro');
    expect(texts.some((text) => text?.startsWith('Avenida Numero'))).toBe(true);
    // Twelve parallel avenues 32 px apart cannot all be named with the rest: some are dropped.
    expect(texts.filter((text) => text?.startsWith('Avenida')).length).toBeLessThan(12);
    const boxes = names.map(([, x, y, angle, size, text]) =>
      labelBox({ text: text ?? '', x: Number(x), y: Number(y), angle: Number(angle ?? 0), fontSize: Number(size), priority: 0 }),
    );
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(boxesOverlap(a, b)).toBe(false);
    expect(svg).toContain('paint-order="stroke" stroke="#ffffff"');
    expect(legendTexts(svg)).toEqual(['Unidad vecinal de la ficha', 'Calles', 'Nombre de lugar']);
  });
});
