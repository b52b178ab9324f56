import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = basePalette.placeLabel;

/** Place names: a small dot from the tiles; the name itself is drawn by the labels layer (no glyph server offline). */
export const toponimiaLayer: StyleLayerModule = {
  entry: {
    id: 'toponimia',
    title: es.layer.toponimia,
    group: 'contexto',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 8,
    legend: [{ label: es.legend.placeName, color, symbol: 'label' }],
  },
  styleLayers: (from) => [
    {
      id: 'toponimia',
      type: 'circle',
      ...from('toponimia'),
      paint: { 'circle-color': color, 'circle-radius': 3, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1, 'circle-opacity': 1 },
    },
  ],
};
