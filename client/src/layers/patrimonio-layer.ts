import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = '#8c510a';

/** Heritage: buildings and sites as brown dots, areas (the river corridor) as a faint brown fill (tiles from zoom 10). */
export const patrimonioLayer: StyleLayerModule = {
  entry: {
    id: 'patrimonio',
    title: es.layer.patrimonio,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 10,
    legend: [{ label: es.legend.heritage, color, symbol: 'point' }],
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
        'circle-color': color,
        'circle-radius': 6,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
        'circle-opacity': 1,
      },
    },
  ],
};
