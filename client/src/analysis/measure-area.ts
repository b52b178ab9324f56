import { area } from '@turf/turf';
import type { Feature, Polygon, Position } from 'geojson';

/**
 * Area in square metres of the polygon whose vertices are `positions`
 * (lon/lat, EPSG:4326, the ring is closed here), on the sphere (turf).
 * Fewer than three positions enclose no area.
 */
export function measureArea(positions: readonly Position[]): number {
  if (positions.length < 3) return 0;
  const first = positions[0] as Position;
  const polygon: Feature<Polygon> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates: [[...positions, first]] },
  };
  return area(polygon);
}
