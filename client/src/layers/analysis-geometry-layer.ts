import type { Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

/** Colours of one analysis geometry on the map. */
export interface AnalysisGeometryStyle {
  /** Fill of polygons (with its opacity) and colour of lines and points. */
  color: string;
  fillOpacity: number;
  /** Dashed outline, for buffers. */
  dashed?: boolean;
}

/**
 * A geometry of the analysis tools drawn by MapLibre (fill, outline and
 * point) above the SIT's layers: the intervention under review or the
 * proximity buffer. `set(null)` hides it. Survives style reloads.
 */
export class AnalysisGeometryLayer {
  private geometry: Geometry | null = null;

  constructor(
    private readonly map: MapLibreMap,
    private readonly id: string,
    private readonly style: AnalysisGeometryStyle,
  ) {
    map.on('styledata', () => this.ensure());
  }

  set(geometry: Geometry | null): void {
    this.geometry = geometry;
    if (!this.map.isStyleLoaded()) {
      // The style reads as not loaded while tiles load, long after 'load' has fired: wait for the map to settle.
      this.map.once('idle', () => this.ensure());
      return;
    }
    this.ensure();
  }

  private ensure(): void {
    const map = this.map;
    if (!map.isStyleLoaded()) return;
    const data = {
      type: 'FeatureCollection' as const,
      features: this.geometry ? [{ type: 'Feature' as const, properties: {}, geometry: this.geometry }] : [],
    };
    const source = map.getSource<GeoJSONSource>(this.id);
    if (source) {
      source.setData(data);
      return;
    }
    map.addSource(this.id, { type: 'geojson', data });
    const { color, fillOpacity, dashed } = this.style;
    map.addLayer({
      id: `${this.id}-relleno`,
      type: 'fill',
      source: this.id,
      filter: ['==', '$type', 'Polygon'],
      paint: { 'fill-color': color, 'fill-opacity': fillOpacity },
    });
    map.addLayer({
      id: `${this.id}-borde`,
      type: 'line',
      source: this.id,
      paint: { 'line-color': color, 'line-width': 2.5, ...(dashed ? { 'line-dasharray': [2, 1.5] } : {}) },
    });
    map.addLayer({
      id: `${this.id}-punto`,
      type: 'circle',
      source: this.id,
      filter: ['==', '$type', 'Point'],
      paint: { 'circle-color': color, 'circle-radius': 6, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
  }
}
