import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';
import { precisionSentence } from '../map/precision-label.ts';

const color = '#2ca25f';

/** Cycle paths: all proposed and drawn by the SIT team to illustrate the plan, dotted green (dashes are the plan's projects) (tiles from zoom 10). */
export const cicloviasLayer: StyleLayerModule = {
  entry: {
    id: 'ciclovias',
    title: es.layer.ciclovias,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 10,
    legend: [{ label: es.legend.cyclePath, color, symbol: 'dotted' }],
    note: precisionSentence('ilustrativa'),
  },
  styleLayers: (from) => [
    {
      id: 'ciclovias',
      type: 'line',
      ...from('ciclovias'),
      minzoom: 10,
      layout: { 'line-cap': 'round' },
      paint: { 'line-color': color, 'line-width': 2.5, 'line-dasharray': [0.1, 1.8], 'line-opacity': 1 },
    },
  ],
};
