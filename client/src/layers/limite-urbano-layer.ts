import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = basePalette.urbanLimit;

/** Urban limits (PRC 1981 and census 2017), dashed. */
export const limiteUrbanoLayer: StyleLayerModule = {
  entry: {
    id: 'limite_urbano',
    title: es.layer.limiteUrbano,
    group: 'contexto',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 8,
    legend: [{ label: es.legend.urbanLimit, color, symbol: 'dashed' }],
  },
  styleLayers: (from) => [
    {
      id: 'limite-urbano',
      type: 'line',
      ...from('limite_urbano'),
      paint: { 'line-color': color, 'line-width': 1.4, 'line-dasharray': [4, 2], 'line-opacity': 0.9 },
    },
  ],
};
