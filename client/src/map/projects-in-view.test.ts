import { describe, expect, it } from 'vitest';
import type { ProjectFeature } from '../plan/project.ts';
import { crowdedCount, projectsToDraw, type Bounds } from './projects-in-view.ts';

const point = (index: number, longitude: number, latitude: number) =>
  ({
    type: 'Feature',
    id: index,
    geometry: { type: 'Point', coordinates: [longitude, latitude] },
    properties: { codigo: `P${index}` },
  }) as unknown as ProjectFeature;

const view: Bounds = [-70.77, -28.59, -70.75, -28.57];

describe('projectsToDraw', () => {
  it('draws every project, the same array, when there are few', () => {
    const few = [point(1, -70.76, -28.58), point(2, -70.9, -28.9)];
    const drawn = projectsToDraw(few, view);
    expect(drawn.points).toBe(few);
    expect(drawn.density).toEqual([]);
  });

  it('keeps only the projects in (and near) the view when there are thousands', () => {
    const many = Array.from({ length: crowdedCount + 10 }, (_, index) => point(index, -71.5, -29.5));
    many.push(point(-1, -70.76, -28.58), point(-2, -70.745, -28.58));
    const drawn = projectsToDraw(many, view);
    expect(drawn.points.map((project) => project.properties.codigo)).toEqual(['P-1', 'P-2']);
    expect(drawn.density).toEqual([]);
  });

  it('turns to a density when thousands are in view', () => {
    const many = Array.from({ length: crowdedCount + 1 }, (_, index) => point(index, -70.76 + index * 1e-7, -28.58));
    const drawn = projectsToDraw(many, view);
    expect(drawn.points).toEqual([]);
    expect(drawn.density).toHaveLength(crowdedCount + 1);
    expect(drawn.density[0]).toEqual([-70.76, -28.58]);
  });
});
