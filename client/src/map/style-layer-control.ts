import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import type { LayerSetting } from '../state/app-state.ts';

/** The paint property holding the opacity of each kind of style layer. */
const opacityProperty: Partial<Record<LayerSpecification['type'], string>> = {
  fill: 'fill-opacity',
  line: 'line-opacity',
  circle: 'circle-opacity',
  raster: 'raster-opacity',
  'fill-extrusion': 'fill-extrusion-opacity',
};

interface Controlled {
  id: string;
  property: string;
  base: number;
}

/**
 * Shows, hides and fades the MapLibre layers of one panel entry. Each style
 * layer keeps its own opacity from the style; the panel's opacity scales it.
 */
export class StyleLayerControl {
  readonly #layers: Controlled[];

  constructor(specifications: readonly LayerSpecification[]) {
    this.#layers = specifications.flatMap((specification) => {
      const property = opacityProperty[specification.type];
      if (!property) return [];
      const paint = (specification as { paint?: Record<string, unknown> }).paint ?? {};
      const base = typeof paint[property] === 'number' ? (paint[property] as number) : 1;
      return [{ id: specification.id, property, base }];
    });
  }

  get layerIds(): string[] {
    return this.#layers.map((layer) => layer.id);
  }

  apply(map: MapLibreMap, setting: LayerSetting): void {
    for (const layer of this.#layers) {
      if (!map.getLayer(layer.id)) continue;
      map.setLayoutProperty(layer.id, 'visibility', setting.visible ? 'visible' : 'none');
      map.setPaintProperty(layer.id, layer.property as never, (layer.base * setting.opacity) as never);
    }
  }
}
