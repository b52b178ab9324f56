import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap, PointLike } from 'maplibre-gl';
import { dumpsLayerId } from '../layers/microbasurales-layer.ts';
import { MapRefresher, recentLayerIds } from './map-refresh.ts';

/** Pixels around the click that still count as a hit on a point or a line. */
const tolerance = 6;

/**
 * The id of the feature of `layerId` under a map pixel: micro-dumps are
 * picked from deck.gl's picking buffer, every other layer from MapLibre's
 * rendered features (tile features carry the feature id); features saved in
 * this page and not yet in the tiles are found in their highlight layer.
 */
export function pickFeatureId(map: MapLibreMap, overlay: MapboxOverlay, layerId: string, x: number, y: number): number | null {
  if (layerId === dumpsLayerId) {
    const picked = overlay.pickObject({ x, y, radius: tolerance, layerIds: [dumpsLayerId] });
    const id = (picked?.object as { id?: unknown } | undefined)?.id;
    if (id !== undefined && id !== null) return Number(id);
  }
  const box: [PointLike, PointLike] = [
    [x - tolerance, y - tolerance],
    [x + tolerance, y + tolerance],
  ];
  const recent = Object.values(recentLayerIds).filter((id) => map.getLayer(id));
  const ofRecent = recent.length
    ? map.queryRenderedFeatures(box, { layers: recent }).filter((feature) => feature.properties?._capa === layerId)
    : [];
  const styleLayers = MapRefresher.styleLayerIds(layerId).filter((id) => map.getLayer(id));
  const ofTiles = styleLayers.length ? map.queryRenderedFeatures(box, { layers: styleLayers }) : [];
  const hit = [...ofRecent, ...ofTiles].find((feature) => feature.id !== undefined && feature.id !== null);
  return hit ? Number(hit.id) : null;
}
