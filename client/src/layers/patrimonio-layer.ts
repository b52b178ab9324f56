import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';
import { markedPrecision, precisionMark, precisionSentence } from '../map/precision-label.ts';

const color = basePalette.heritage;
/** Fill of a point placed only to illustrate: pale, ringed in the layer's colour. */
const illustrative = '#e3cfb1';

/**
 * Heritage: buildings and sites as brown dots (pale with a brown ring where
 * the position is illustrative), areas (the river corridor) as a dotted brown
 * outline over an almost clear fill (tiles from zoom 10).
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
      { label: es.legend.heritageArea, color, symbol: 'dotted' },
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
      paint: { 'fill-color': color, 'fill-opacity': 0.04 },
    },
    {
      // The outline carries the area: a fill strong enough to see would muddy the wetland and river it often covers.
      id: 'patrimonio-area-borde',
      type: 'line',
      ...from('patrimonio'),
      minzoom: 10,
      filter: ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]],
      paint: { 'line-color': color, 'line-width': 1.2, 'line-dasharray': [1, 1.5], 'line-opacity': 0.9 },
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
