import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';
import { precisionSentence } from '../map/precision-label.ts';

const color = '#2ca25f';

/** Cycle paths: all proposed and drawn by the SIT team to illustrate the plan, dashed green (tiles from zoom 10). */
export const cicloviasLayer: StyleLayerModule = {
  entry: {
    id: 'ciclovias',
    title: es.layer.ciclovias,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 10,
    legend: [{ label: es.legend.cyclePath, color, symbol: 'dashed' }],
    note: precisionSentence('ilustrativa'),
  },
  styleLayers: (from) => [
    {
      id: 'ciclovias',
      type: 'line',
      ...from('ciclovias'),
      minzoom: 10,
      paint: { 'line-color': color, 'line-width': 2.5, 'line-dasharray': [2, 1.5], 'line-opacity': 1 },
    },
  ],
};
