import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';
import { markedPrecision, precisionMark, precisionSentence } from '../map/precision-label.ts';

const existing = '#4d4d4d';
const proposed = '#4d4d4d';
const illustrative = '#a8a8a8';

/** Bridges over the Huasco: existing solid dark grey, proposed dashed dark grey, pale grey where only illustrative (grey is infrastructure; the plan's colours are its projects) (tiles from zoom 10). */
export const puentesLayer: StyleLayerModule = {
  entry: {
    id: 'puentes',
    title: es.layer.puentes,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 10,
    legend: [
      { label: es.legend.existente, color: existing, symbol: 'line' },
      { label: es.legend.propuesto, color: proposed, symbol: 'dashed' },
      { label: `${es.legend.propuesto}, ${precisionMark} ${es.legend.illustrative}`, color: illustrative, symbol: 'dashed' },
    ],
    note: precisionSentence('ilustrativa'),
  },
  styleLayers: (from) => [
    {
      id: 'puentes-existentes',
      type: 'line',
      ...from('puentes'),
      minzoom: 10,
      filter: ['==', ['get', 'estado'], 'existente'],
      paint: { 'line-color': existing, 'line-width': 5, 'line-opacity': 1 },
    },
    {
      id: 'puentes-propuestos',
      type: 'line',
      ...from('puentes'),
      minzoom: 10,
      filter: ['!=', ['get', 'estado'], 'existente'],
      paint: {
        'line-color': ['case', markedPrecision, illustrative, proposed],
        'line-width': 4,
        'line-dasharray': [1.5, 1],
        'line-opacity': 1,
      },
    },
  ],
};
