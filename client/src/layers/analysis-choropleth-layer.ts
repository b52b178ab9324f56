import type { FeatureCollection, Geometry } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

/**
 * Sequential palette of the indicator choropleth, light to dark (ColorBrewer
 * YlOrBr, 5 classes, by Cynthia Brewer): not blue, which on this map is water,
 * so the river and wetland still read under a calculated choropleth.
 */
export const choroplethColors = ['#ffffd4', '#fed98e', '#fe9929', '#d95f0e', '#993404'] as const;
/** Fill of units with no value (sin dato). */
export const noDataColor = '#d9d9d9';

/** A unit polygon with the colour of its class and what the tooltip-free map needs. */
export type ChoroplethCollection = FeatureCollection<Geometry, { codigo: string; color: string }>;

const sourceId = 'analisis-coropletico';

/**
 * The indicator choropleth of the analysis panel: unit polygons filled with
 * the colour of their class (MapLibre fill + outline), drawn under the
 * deck.gl overlay. `set(null)` hides it. Survives style reloads.
 */
export class AnalysisChoroplethLayer {
  private data: ChoroplethCollection | null = null;

  constructor(private readonly map: MapLibreMap) {
    map.on('styledata', () => this.ensure());
  }

  set(data: ChoroplethCollection | null): void {
    this.data = data;
    if (this.map.isStyleLoaded()) this.ensure();
    // The style reads as not loaded while tiles load, long after 'load' has fired: wait for the map to settle.
    else this.map.once('idle', () => this.ensure());
  }

  private ensure(): void {
    const map = this.map;
    if (!map.isStyleLoaded()) return;
    const data: ChoroplethCollection = this.data ?? { type: 'FeatureCollection', features: [] };
    const source = map.getSource<GeoJSONSource>(sourceId);
    if (source) {
      source.setData(data);
      return;
    }
    map.addSource(sourceId, { type: 'geojson', data });
    // Under the drawn shapes and analysis results (terra-draw's layers and the other analysis layers), over the base map.
    const before = map
      .getStyle()
      .layers.find((layer) => layer.id.startsWith('sit-') || (layer.id.startsWith('analisis-') && !layer.id.startsWith(sourceId)))?.id;
    map.addLayer(
      {
        id: `${sourceId}-relleno`,
        type: 'fill',
        source: sourceId,
        paint: { 'fill-color': ['get', 'color'], 'fill-opacity': 0.72 },
      },
      before,
    );
    map.addLayer(
      { id: `${sourceId}-borde`, type: 'line', source: sourceId, paint: { 'line-color': '#37474f', 'line-width': 0.8 } },
      before,
    );
  }
}
