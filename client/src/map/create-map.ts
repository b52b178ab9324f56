import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
// Vite bundles MapLibre's module worker and gives its URL; MapLibre would otherwise look for it beside its own file.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';

setWorkerUrl(workerUrl);
import { baseStyle } from './base-style.ts';

/** Vallenar's Plaza de Armas, lon/lat (EPSG:4326). */
export const vallenarCenter: [number, number] = [-70.758, -28.576];

/** Creates the MapLibre map on the local style, centred on Vallenar. */
export function createMap(container: HTMLElement, attribution: string): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style: baseStyle(),
    center: vallenarCenter,
    zoom: 9,
    attributionControl: { compact: false, customAttribution: attribution },
    // Keeps the drawing buffer so the view can be exported as PNG.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  return map;
}
