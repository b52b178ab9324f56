import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = '#8c6bb1';

/** Urban census zones 2017: outlines only, off at first (tiles from zoom 9). */
export const zonasCensalesLayer: StyleLayerModule = {
  entry: {
    id: 'zonas_censales',
    title: es.layer.zonasCensales,
    group: 'contexto',
    defaultVisible: false,
    defaultOpacity: 1,
    minZoom: 9,
    legend: [{ label: es.legend.censusZone, color, symbol: 'dashed' }],
  },
  styleLayers: (from) => [
    {
      id: 'zonas-censales-borde',
      type: 'line',
      ...from('zonas_censales'),
      minzoom: 9,
      paint: { 'line-color': color, 'line-width': 1.2, 'line-dasharray': [3, 2], 'line-opacity': 1 },
    },
  ],
};
