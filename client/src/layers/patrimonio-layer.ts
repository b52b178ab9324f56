import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';
import { markedPrecision, precisionMark, precisionSentence } from '../map/precision-label.ts';

const color = '#8c510a';
/** Fill of a point placed only to illustrate: pale, ringed in the layer's colour. */
const illustrative = '#e3cfb1';

/**
 * Heritage: buildings and sites as brown dots (pale with a brown ring where
 * the position is illustrative), areas (the river corridor) as a faint brown
 * fill (tiles from zoom 10).
 */
export const patrimonioLayer: StyleLayerModule = {
  entry: {
    id: 'patrimonio',
    title: es.layer.patrimonio,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 10,
    legend: [
      { label: es.legend.heritage, color, symbol: 'point' },
      { label: `${precisionMark} ${es.legend.illustrative}`, color: illustrative, symbol: 'point' },
    ],
    note: precisionSentence('ilustrativa'),
  },
  styleLayers: (from) => [
    {
      id: 'patrimonio-area',
      type: 'fill',
      ...from('patrimonio'),
      minzoom: 10,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'fill-color': color, 'fill-opacity': 0.08 },
    },
    {
      id: 'patrimonio',
      type: 'circle',
      ...from('patrimonio'),
      minzoom: 10,
      filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
      paint: {
        'circle-color': ['case', markedPrecision, illustrative, color],
        'circle-radius': 6,
        'circle-stroke-color': ['case', markedPrecision, color, '#ffffff'],
        'circle-stroke-width': 1.5,
        'circle-opacity': 1,
      },
    },
  ],
};
