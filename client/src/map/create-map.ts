import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl, type StyleSpecification } from 'maplibre-gl';
// Vite bundles MapLibre's module worker and gives its URL; MapLibre would otherwise look for it beside its own file.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { es } from '../i18n/es.ts';
import type { MapView } from '../state/app-state.ts';

setWorkerUrl(workerUrl);

/** Vallenar's Plaza de Armas, lon/lat (EPSG:4326). */
export const vallenarCenter: [number, number] = [-70.7616, -28.575];

/** Creates the MapLibre map on the local style, at the given camera or centred on Vallenar. */
export function createMap(container: HTMLElement, style: StyleSpecification, attribution: string, view: MapView | null): MapLibreMap {
  const map = new MapLibreMap({
    container,
    style,
    center: view ? [view.longitude, view.latitude] : vallenarCenter,
    zoom: view?.zoom ?? 9,
    bearing: view?.bearing ?? 0,
    pitch: view?.pitch ?? 0,
    maxPitch: 70,
    attributionControl: { compact: false, customAttribution: attribution },
    // Keeps the drawing buffer so the view can be exported as PNG.
    canvasContextAttributes: { preserveDrawingBuffer: true },
    locale: es.maplibre,
  });
  map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric', maxWidth: 140 }), 'bottom-right');
  return map;
}

/** The camera of the map as the URL keeps it. */
export function currentView(map: MapLibreMap): MapView {
  const center = map.getCenter();
  return { longitude: center.lng, latitude: center.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
}
