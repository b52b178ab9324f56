import type { FeatureCollection } from 'geojson';
import { MapboxOverlay } from '@deck.gl/mapbox';
import bbox from '@turf/bbox';
import { getJson } from './api.ts';
import { es } from './i18n/es.ts';
import { createMap } from './map/create-map.ts';
import { addComunaFill, comunaOutlineLayer } from './layers/comuna-layer.ts';

const status = document.getElementById('status') as HTMLElement;
(document.getElementById('app-subtitle') as HTMLElement).textContent = es.appSubtitle;
(document.getElementById('api-link') as HTMLElement).textContent = es.apiLink;
const container = document.getElementById('map') as HTMLElement;
container.setAttribute('aria-label', es.mapLabel);

const map = createMap(container, es.attribution);
const overlay = new MapboxOverlay({ interleaved: false, layers: [] });
map.addControl(overlay);

// Exposed for the browser tests, which query rendered features instead of the DOM.
(window as unknown as { sit: unknown }).sit = { map, overlay };

status.textContent = es.loadingTerritory;
map.on('load', async () => {
  try {
    const comuna = await getJson<FeatureCollection>('/collections/comuna/items?limit=10');
    addComunaFill(map, comuna);
    overlay.setProps({ layers: [comunaOutlineLayer(comuna)] });
    const [minX, minY, maxX, maxY] = bbox(comuna);
    if (comuna.features.length > 0) map.fitBounds([minX, minY, maxX, maxY], { padding: 24, duration: 0 });
    map.once('idle', () => {
      status.textContent = '';
      document.body.dataset.ready = 'true';
    });
  } catch (error) {
    status.textContent = es.loadFailed((error as Error).message);
    document.body.dataset.ready = 'error';
  }
});
