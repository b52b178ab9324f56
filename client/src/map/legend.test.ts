import { describe, expect, it } from 'vitest';
import { es } from '../i18n/es.ts';
import { projectLineDash, projectsLegend } from '../layers/proyectos-layer.ts';
import { basePalette, lineamientoColors } from './colors.ts';
import { styleModules } from './layer-registry.ts';

/** Every `#rrggbb` colour a style layer paints with, literal or inside an expression. */
function paintedColours(value: unknown): string[] {
  if (typeof value === 'string') return /^#[0-9a-f]{6}$/i.test(value) ? [value.toLowerCase()] : [];
  if (Array.isArray(value)) return value.flatMap(paintedColours);
  return [];
}

/** Paint properties that give a feature its colour (halos, casings and white strokes are outlines, not classes). */
const colourProperties = ['fill-color', 'line-color', 'circle-color', 'fill-outline-color'];
const white = '#ffffff';

describe('the legend of each layer drawn by MapLibre', () => {
  for (const module of styleModules) {
    it(`${module.entry.id}: lists exactly the colours the map paints`, () => {
      const layers = module.styleLayers((id) => ({ source: 'sit', 'source-layer': id }));
      const painted = new Set(
        layers.flatMap((layer) => {
          const paint = (layer as { paint?: Record<string, unknown> }).paint ?? {};
          return colourProperties.flatMap((property) => paintedColours(paint[property]));
        }),
      );
      painted.delete(white);
      const legend = new Set(
        module.entry.legend.flatMap((item) => [item.color, ...(item.outline ? [item.outline] : [])].map((colour) => colour.toLowerCase())),
      );
      legend.delete(white);
      expect(
        [...legend].filter((colour) => !painted.has(colour)),
        'in the legend but never drawn',
      ).toEqual([]);
      expect(
        [...painted].filter((colour) => !legend.has(colour)),
        'drawn but missing from the legend',
      ).toEqual([]);
    });
  }
});

/** Hue in degrees (0–360) of a `#rrggbb` colour. */
function hue(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16) / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  if (delta === 0) return 0;
  const h = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  return (h * 60 + 360) % 360;
}

describe('the plan against the water', () => {
  it('gives no lineamiento a colour of the blue family that the river, canals and wetland use', () => {
    const water = [basePalette.river, basePalette.canal, basePalette.wetland].map(hue);
    for (const hueOfWater of water) expect(hueOfWater).toBeGreaterThanOrEqual(165);
    for (const [code, colour] of Object.entries(lineamientoColors)) {
      const h = hue(colour);
      expect(h < 165 || h > 255, `${code} ${colour} (hue ${h.toFixed(0)}°) reads as water`).toBe(true);
    }
  });

  it('lists in the projects legend each lineamiento in the colour the map draws it, and lines as dashed', () => {
    const legend = projectsLegend(Object.keys(lineamientoColors).map((codigo) => ({ codigo, nombre: codigo })));
    for (const [code, colour] of Object.entries(lineamientoColors))
      expect(legend.find((item) => item.label.startsWith(`${code} ·`))?.color).toBe(colour);
    expect(legend.find((item) => item.label === es.legend.line)?.symbol).toBe('dashed');
    expect(projectLineDash[1]).toBeGreaterThan(0);
  });
});
