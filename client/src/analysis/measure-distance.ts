import { length } from '@turf/turf';
import type { Feature, LineString, Position } from 'geojson';

/**
 * Length of the path through `positions` (lon/lat, EPSG:4326) in metres,
 * along great circles (turf, mean Earth radius). Fewer than two positions
 * measure 0.
 */
export function measureDistance(positions: readonly Position[]): number {
  if (positions.length < 2) return 0;
  const line: Feature<LineString> = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...positions] } };
  return length(line, { units: 'meters' });
}
