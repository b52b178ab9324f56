import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = '#2b9e8f';

/** The urban wetland of the Huasco: the declared polygon and the proposed extension (dashed). */
export const humedalUrbanoLayer: StyleLayerModule = {
  entry: {
    id: 'humedal_urbano',
    title: es.layer.humedal,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 8,
    legend: [{ label: es.legend.wetland, color, symbol: 'fill', alpha: 0.4 }],
  },
  styleLayers: (from) => [
    {
      id: 'humedal-relleno',
      type: 'fill',
      ...from('humedal_urbano'),
      filter: ['==', ['get', 'version'], 'vigente'],
      paint: { 'fill-color': color, 'fill-opacity': 0.3 },
    },
    {
      id: 'humedal-ampliacion',
      type: 'line',
      ...from('humedal_urbano'),
      filter: ['==', ['get', 'version'], 'ampliacion_propuesta'],
      paint: { 'line-color': color, 'line-width': 1.5, 'line-dasharray': [2, 2], 'line-opacity': 1 },
    },
  ],
};
