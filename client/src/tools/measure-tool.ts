import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { Position } from 'geojson';
import { measureArea } from '../analysis/measure-area.ts';
import { measureDistance } from '../analysis/measure-distance.ts';
import { es } from '../i18n/es.ts';
import { formatArea, formatDistance } from '../i18n/format.ts';
import type { MeasureMode } from '../layers/medicion-layer.ts';

export interface Measurement {
  mode: MeasureMode;
  positions: Position[];
  /** Drawing still open (clicks add vertices). */
  active: boolean;
}

/**
 * Measuring on the map: each click adds a vertex, a double click or Enter
 * ends, Esc cancels. The numbers come from the pure functions in analysis/.
 */
export class MeasureTool {
  #measurement: Measurement | null = null;
  readonly #map: MapLibreMap;
  readonly #onChange: (measurement: Measurement | null) => void;

  constructor(map: MapLibreMap, onChange: (measurement: Measurement | null) => void) {
    this.#map = map;
    this.#onChange = onChange;
    map.on('click', (event: MapMouseEvent) => {
      if (!this.#measurement?.active) return;
      this.addPosition([event.lngLat.lng, event.lngLat.lat]);
    });
    map.on('dblclick', (event: MapMouseEvent) => {
      if (!this.#measurement?.active) return;
      event.preventDefault();
      this.finish();
    });
  }

  get measurement(): Measurement | null {
    return this.#measurement;
  }

  get active(): boolean {
    return Boolean(this.#measurement?.active);
  }

  start(mode: MeasureMode): void {
    this.#measurement = { mode, positions: [], active: true };
    this.#map.doubleClickZoom.disable();
    this.#map.getCanvas().style.cursor = 'crosshair';
    this.#onChange(this.#measurement);
  }

  /** Adds a vertex (lon/lat); also used by the keyboard ("add the map centre"). */
  addPosition(position: Position): void {
    if (!this.#measurement?.active) return;
    const last = this.#measurement.positions.at(-1);
    // The two clicks of a double click land on the same spot: keep one.
    if (
      last &&
      Math.abs((last[0] as number) - (position[0] as number)) < 1e-9 &&
      Math.abs((last[1] as number) - (position[1] as number)) < 1e-9
    )
      return;
    this.#measurement = { ...this.#measurement, positions: [...this.#measurement.positions, position] };
    this.#onChange(this.#measurement);
  }

  finish(): void {
    if (!this.#measurement) return;
    this.#measurement = { ...this.#measurement, active: false };
    this.#restoreMap();
    this.#onChange(this.#measurement);
  }

  cancel(): void {
    this.#measurement = null;
    this.#restoreMap();
    this.#onChange(null);
  }

  #restoreMap(): void {
    this.#map.doubleClickZoom.enable();
    this.#map.getCanvas().style.cursor = '';
  }
}

/** The readout of a measurement, in Spanish: "Distancia: 1,25 km" or "Área: 2,50 ha". */
export function describeMeasurement(measurement: Measurement): string {
  return measurement.mode === 'distancia'
    ? es.tools.distance(formatDistance(measureDistance(measurement.positions)))
    : es.tools.area(formatArea(measureArea(measurement.positions)));
}
