import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';
import { precisionSentence } from '../map/precision-label.ts';

export const unitColor = basePalette.unitOutline;

/** Neighbourhood units (census stand-ins, illustrative as units): outlines; names come from the labels layer. */
export const unidadesVecinalesLayer: StyleLayerModule = {
  entry: {
    id: 'unidades_vecinales',
    title: es.layer.unidadesVecinales,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 8,
    legend: [{ label: es.layer.unidadesVecinales, color: unitColor, symbol: 'line' }],
    note: `${es.legend.uvNote} ${precisionSentence('ilustrativa')}`,
  },
  styleLayers: (from) => [
    {
      id: 'uv-borde',
      type: 'line',
      ...from('unidades_vecinales'),
      minzoom: 8,
      paint: { 'line-color': unitColor, 'line-width': 1.3, 'line-opacity': 0.8 },
    },
  ],
};
