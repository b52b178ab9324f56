import { Map as MapLibreMap, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { es } from '../i18n/es.ts';
import { vallenarCenter } from '../map/create-map.ts';
import { FieldNamesLayer } from './field-names-layer.ts';
import { fieldStyle } from './field-style.ts';
import type { PositionOrigin } from './report.ts';

setWorkerUrl(workerUrl);

/** The first view without a known position: the centre of Vallenar with its blocks, river and streets (about 2 km across on a phone). */
export const townZoom = 13.5;
/** Zoom on a position (GPS fix, last known place, a report being corrected): blocks, streets and their names. */
export const siteZoom = 15.5;
/** Where the last GPS fix was, so the next visit opens there (localStorage, on this phone only). */
const lastPlaceKey = 'sit-campo-ultimo-lugar';

function lastPlace(): [number, number] | null {
  try {
    const value = JSON.parse(localStorage.getItem(lastPlaceKey) ?? 'null') as unknown;
    return Array.isArray(value) && value.length === 2 && value.every(Number.isFinite) ? [value[0] as number, value[1] as number] : null;
  } catch {
    return null;
  }
}

/** A position for the report: WGS 84 lon/lat, GPS accuracy in metres (null when placed on the map). */
export interface ChosenPosition {
  lon: number;
  lat: number;
  accuracy: number | null;
  origin: PositionOrigin;
}

/**
 * The small map of the report form. The marker follows the GPS until the
 * person drags it or taps the map; from then on the position is theirs
 * (origin 'mapa') until they ask for the GPS again.
 */
export class PositionMap {
  readonly map: MapLibreMap;
  private marker: Marker | null = null;
  private placedByHand = false;
  private centredOnGps = false;
  readonly names: FieldNamesLayer;

  constructor(
    container: HTMLElement,
    private readonly onChange: (position: ChosenPosition) => void,
  ) {
    const last = lastPlace();
    this.map = new MapLibreMap({
      container,
      style: fieldStyle(location.origin),
      center: last ?? vallenarCenter,
      zoom: last ? siteZoom - 0.5 : townZoom,
      attributionControl: { compact: true, customAttribution: es.attribution },
      locale: es.maplibre,
      dragRotate: false,
      pitchWithRotate: false,
    });
    this.map.touchZoomRotate.disableRotation();
    // The compact attribution starts open and would cover most of this small map.
    this.map.once('load', () => container.querySelector('.maplibregl-compact-show')?.classList.remove('maplibregl-compact-show'));
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    this.map.on('click', (event) => this.placeByHand(event.lngLat.lng, event.lngLat.lat));
    // The view, for the browser tests and whoever inspects the page: «zoom» and «lon,lat».
    const showView = () => {
      const { lng, lat } = this.map.getCenter();
      container.dataset.zoom = this.map.getZoom().toFixed(2);
      container.dataset.centro = `${lng.toFixed(5)},${lat.toFixed(5)}`;
    };
    showView();
    this.map.on('moveend', showView);
    this.names = new FieldNamesLayer(this.map, location.origin);
  }

  /** A GPS fix: moves the marker unless the person placed it by hand. */
  gpsFix(lon: number, lat: number, accuracy: number): void {
    if (this.placedByHand) return;
    this.setMarker(lon, lat);
    if (!this.centredOnGps) {
      this.centredOnGps = true;
      this.map.jumpTo({ center: [lon, lat], zoom: siteZoom });
    }
    try {
      localStorage.setItem(lastPlaceKey, JSON.stringify([lon, lat]));
    } catch {
      // Private mode or a full store: the next visit opens on the town.
    }
    this.onChange({ lon, lat, accuracy, origin: 'gps' });
  }

  /** Lets the GPS move the marker again (the next fix places it). */
  followGps(): void {
    this.placedByHand = false;
    this.centredOnGps = false;
  }

  /** Puts the marker back to nothing (after a report is saved). */
  reset(): void {
    this.marker?.remove();
    this.marker = null;
    this.followGps();
  }

  /** Places the marker where the person said (tap or drag). */
  placeByHand(lon: number, lat: number): void {
    this.placedByHand = true;
    this.setMarker(lon, lat);
    this.onChange({ lon, lat, accuracy: null, origin: 'mapa' });
  }

  private setMarker(lon: number, lat: number): void {
    if (!this.marker) {
      this.marker = new Marker({ draggable: true, color: '#d7301f' }).setLngLat([lon, lat]).addTo(this.map);
      this.marker.on('dragend', () => {
        const position = this.marker?.getLngLat();
        if (position) this.placeByHand(position.lng, position.lat);
      });
      return;
    }
    this.marker.setLngLat([lon, lat]);
  }
}
