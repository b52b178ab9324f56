import { Map as MapLibreMap, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { es } from '../i18n/es.ts';
import { vallenarCenter } from '../map/create-map.ts';
import type { PositionOrigin } from './report.ts';
import { fieldStyle } from './field-style.ts';

setWorkerUrl(workerUrl);

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

  constructor(
    container: HTMLElement,
    private readonly onChange: (position: ChosenPosition) => void,
  ) {
    this.map = new MapLibreMap({
      container,
      style: fieldStyle(location.origin),
      center: vallenarCenter,
      zoom: 13,
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
  }

  /** A GPS fix: moves the marker unless the person placed it by hand. */
  gpsFix(lon: number, lat: number, accuracy: number): void {
    if (this.placedByHand) return;
    this.setMarker(lon, lat);
    if (!this.centredOnGps) {
      this.centredOnGps = true;
      this.map.jumpTo({ center: [lon, lat], zoom: 17 });
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
