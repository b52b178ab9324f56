import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';
import { precisionSentence } from '../map/precision-label.ts';

export const unitColor = '#6a3d9a';

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
    { id: 'uv-relleno', type: 'fill', ...from('unidades_vecinales'), minzoom: 8, paint: { 'fill-color': unitColor, 'fill-opacity': 0.03 } },
    {
      id: 'uv-borde',
      type: 'line',
      ...from('unidades_vecinales'),
      minzoom: 8,
      paint: { 'line-color': unitColor, 'line-width': 1.4, 'line-opacity': 0.75 },
    },
  ],
};
