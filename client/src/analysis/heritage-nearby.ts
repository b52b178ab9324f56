import type { Feature, Geometry } from 'geojson';
import { geometryToUtm } from './geometry-to-utm.ts';
import { planarDistance } from './planar-distance.ts';

/** A heritage item near the reviewed geometry. */
export interface NearbyHeritage {
  id: string | number | undefined;
  nombre: string;
  /** Distance in metres (UTM 19S); 0 inside or on the edge. */
  distancia_m: number;
  dentro: boolean;
}

/**
 * Heritage items within `maxDistance` metres of `geometry` (both EPSG:4326),
 * nearest first, measured in the UTM 19S plane as the server does, for the
 * Plan Regulador preview while a geometry is drawn. `dentro` allows 1 cm,
 * like the server.
 */
export function heritageNearby(
  geometry: Geometry,
  heritage: readonly Feature<Geometry | null, { nombre?: unknown }>[],
  maxDistance: number,
): NearbyHeritage[] {
  const target = geometryToUtm(geometry);
  const nearby: NearbyHeritage[] = [];
  for (const feature of heritage) {
    if (!feature.geometry) continue;
    const distance = planarDistance(geometryToUtm(feature.geometry), target);
    if (distance > maxDistance) continue;
    nearby.push({ id: feature.id, nombre: String(feature.properties?.nombre ?? ''), distancia_m: distance, dentro: distance <= 0.01 });
  }
  return nearby.sort((a, b) => a.distancia_m - b.distancia_m || String(a.id).localeCompare(String(b.id)));
}
