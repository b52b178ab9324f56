import type { Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { AnalysisGeometryLayer } from '../layers/analysis-geometry-layer.ts';

const latest = new WeakMap<AnalysisGeometryLayer, Geometry | null>();

/**
 * Shows `geometry` in an analysis layer now and again when the map is next
 * idle: while tiles load the style reads as not loaded, and the layer would
 * otherwise wait for a `load` event that has already passed. Only the last
 * geometry set is shown again.
 */
export function setGeometry(map: MapLibreMap, layer: AnalysisGeometryLayer, geometry: Geometry | null): void {
  latest.set(layer, geometry);
  layer.set(geometry);
  map.once('idle', () => layer.set(latest.get(layer) ?? null));
}
