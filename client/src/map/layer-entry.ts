import type { LayerSpecification } from 'maplibre-gl';

export type LayerGroup = 'plan' | 'territorio' | 'contexto' | 'base';

/** How a legend swatch is drawn. */
export type LegendSymbol = 'fill' | 'line' | 'dashed' | 'dotted' | 'point' | 'diamond' | 'hexagon' | 'column' | 'label';

export interface LegendItem {
  label: string;
  /** CSS colour. */
  color: string;
  symbol: LegendSymbol;
  /** 0–1; default 1. */
  alpha?: number;
  /** CSS colour of a fill's outline, when the map draws one. */
  outline?: string;
}

/** A layer as the layers panel lists it and the URL names it. */
export interface LayerEntry {
  /** Stable id, used in links (`capas=`); catalogue ids where there is one. */
  id: string;
  title: string;
  group: LayerGroup;
  defaultVisible: boolean;
  defaultOpacity: number;
  legend: LegendItem[];
  /** A sentence under the legend (data honesty, how to read it). */
  note?: string;
  /** Zoom from which the layer draws anything. */
  minZoom?: number;
}

/** Where a catalogue layer's features come from in the style: the SIT tileset or a GeoJSON source. */
export type SourceOf = (layerId: string) => { source: string; 'source-layer'?: string };

/** A layer drawn by MapLibre from the SIT's own data. */
export interface StyleLayerModule {
  entry: LayerEntry;
  /** The style layers, bottom to top; opacities given as plain numbers (the layers panel scales them). */
  styleLayers(from: SourceOf): LayerSpecification[];
}
