import { featureCollection, intersect, union } from '@turf/turf';
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { geometryToUtm } from './geometry-to-utm.ts';
import { planarArea } from './planar-area.ts';

/** One version of the urban wetland: vigente or ampliacion_propuesta. */
export interface WetlandOverlap {
  version: string;
  /** Overlap with the geometry in m² (UTM 19S); 0 for points and lines. */
  area_m2: number;
  area_ha: number;
}

type Areal = Feature<Polygon | MultiPolygon>;

const isAreal = (geometry: Geometry | null): geometry is Polygon | MultiPolygon =>
  geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';

/**
 * Area (m² and ha) of `geometry` (EPSG:4326) inside each wetland version,
 * for the Plan Regulador preview: the wetland features of one version are
 * merged (as the server's ST_Union) and intersected with the geometry in
 * UTM 19S, with turf's planar clipping. `versions` fixes the order.
 */
export function wetlandOverlap(
  geometry: Geometry,
  wetland: readonly Feature<Geometry | null, { version?: unknown }>[],
  versions: readonly string[] = ['vigente', 'ampliacion_propuesta'],
): WetlandOverlap[] {
  const target = isAreal(geometry) ? geometryToUtm(geometry) : null;
  return versions.map((version) => {
    const parts: Areal[] = wetland
      .filter((feature) => feature.properties?.version === version && isAreal(feature.geometry))
      .map((feature) => ({ type: 'Feature', properties: {}, geometry: geometryToUtm(feature.geometry as Polygon | MultiPolygon) }));
    if (!target || parts.length === 0) return { version, area_m2: 0, area_ha: 0 };
    const merged = parts.length === 1 ? parts[0]! : union(featureCollection(parts));
    const overlap = merged
      ? intersect(featureCollection<Polygon | MultiPolygon>([merged, { type: 'Feature', properties: {}, geometry: target }]))
      : null;
    const area = overlap ? planarArea(overlap.geometry) : 0;
    return { version, area_m2: area, area_ha: area / 1e4 };
  });
}
