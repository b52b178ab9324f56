import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import fixture from './fixtures/prc-preview-in.json' with { type: 'json' };
import { heritageNearby } from './heritage-nearby.ts';
import { wetlandOverlap } from './wetland-overlap.ts';

type Layered = Feature<Geometry, { capa: string; nombre?: string; version?: string }>;
const features = (fixture as FeatureCollection<Geometry, Layered['properties']>).features;
const heritage = features.filter((feature) => feature.properties.capa === 'patrimonio');
const wetland = features.filter((feature) => feature.properties.capa === 'humedal_urbano');
const rectangle = features.find((feature) => feature.properties.capa === 'revision')!.geometry as Polygon;

/** Within 0.5 %, the agreement the preview promises with the server (or 1 cm near 0). */
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(Math.max(0.01, expected * 0.005));

describe('Plan Regulador preview on the hand-computed fixture', () => {
  it('finds H2 on the edge of the 1000 × 200 m rectangle and H3 30 m east, not H4 at 100 m', () => {
    const nearby = heritageNearby(rectangle, heritage, 50);
    expect(nearby.map((item) => [item.nombre, item.dentro])).toEqual([
      ['H2 borde de la revisión', true],
      ['H3 a 30 m', false],
    ]);
    close(nearby[0]!.distancia_m, 0);
    close(nearby[1]!.distancia_m, 30);
    expect(heritageNearby(rectangle, heritage, 150).map((item) => item.nombre)).toContain('H4 a 100 m');
  });

  it('measures 10 ha inside the current wetland and 20 ha inside the proposed one', () => {
    const [current, proposed] = wetlandOverlap(rectangle, wetland);
    expect(current?.version).toBe('vigente');
    close(current!.area_m2, 100_000);
    close(proposed!.area_m2, 200_000);
    close(proposed!.area_ha, 20);
  });

  it('gives no overlap for a line or for a polygon away from the wetland', () => {
    const line: Geometry = { type: 'LineString', coordinates: rectangle.coordinates[0]!.slice(0, 2) };
    expect(wetlandOverlap(line, wetland).map((row) => row.area_m2)).toEqual([0, 0]);
    const far: Polygon = { type: 'Polygon', coordinates: [rectangle.coordinates[0]!.map(([x, y]) => [x! - 0.2, y!])] };
    expect(wetlandOverlap(far, wetland).map((row) => row.area_m2)).toEqual([0, 0]);
  });
});
