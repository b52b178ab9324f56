import type { FeatureCollection } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { GeoJsonLayer } from '@deck.gl/layers';

export const comunaSourceId = 'comuna';
export const comunaFillLayerId = 'comuna-relleno';

/** Adds the comuna polygon as a MapLibre fill under everything else. */
export function addComunaFill(map: MapLibreMap, comuna: FeatureCollection): void {
  map.addSource(comunaSourceId, { type: 'geojson', data: comuna });
  map.addLayer({
    id: comunaFillLayerId,
    type: 'fill',
    source: comunaSourceId,
    paint: { 'fill-color': '#d9e4cf', 'fill-opacity': 0.85 },
  });
}

/** The comuna boundary drawn by deck.gl over the map (2 px, dark green). */
export function comunaOutlineLayer(comuna: FeatureCollection): GeoJsonLayer {
  return new GeoJsonLayer({
    id: 'comuna-limite',
    data: comuna,
    stroked: true,
    filled: false,
    getLineColor: [11, 110, 79, 255],
    getLineWidth: 2,
    lineWidthUnits: 'pixels',
    pickable: true,
  });
}
