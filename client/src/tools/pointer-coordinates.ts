import type { Map as MapLibreMap } from 'maplibre-gl';
import { utmZone19sFromLonLat } from '../analysis/utm-zone-19s.ts';
import { es } from '../i18n/es.ts';
import { formatDegrees, formatInteger } from '../i18n/format.ts';
import { h, replaceChildren } from '../ui/dom.ts';

/**
 * The coordinates readout: the pointer's position in WGS 84 and UTM 19S
 * (EPSG:32719) while it is over the map, the map's centre otherwise (so
 * keyboard users see where they are too).
 */
export function mountPointerCoordinates(container: HTMLElement, map: MapLibreMap): void {
  const source = h('span', { class: 'coordinates-source' });
  const wgs84 = h('span', { 'data-wgs84': '' });
  const utm = h('span', { 'data-utm': '' });
  replaceChildren(container, h('span', { class: 'coordinates-title' }, `${es.tools.coordinates} (`, source, ')'), wgs84, utm);
  container.setAttribute('aria-label', es.tools.coordinates);
  const show = (longitude: number, latitude: number, what: string) => {
    const position = utmZone19sFromLonLat(longitude, latitude);
    source.textContent = what;
    wgs84.textContent = es.tools.wgs84(formatDegrees(latitude), formatDegrees(longitude));
    utm.textContent = es.tools.utm(formatInteger(position.easting), formatInteger(position.northing));
    container.dataset.lon = longitude.toFixed(6);
    container.dataset.lat = latitude.toFixed(6);
    container.dataset.easting = position.easting.toFixed(1);
    container.dataset.northing = position.northing.toFixed(1);
  };
  const showCenter = () => {
    const center = map.getCenter();
    show(center.lng, center.lat, es.tools.center);
  };
  let overMap = false;
  map.on('mousemove', (event) => {
    overMap = true;
    show(event.lngLat.lng, event.lngLat.lat, es.tools.pointer);
  });
  map.getCanvasContainer().addEventListener('mouseleave', () => {
    overMap = false;
    showCenter();
  });
  map.on('moveend', () => {
    if (!overMap) showCenter();
  });
  showCenter();
}
