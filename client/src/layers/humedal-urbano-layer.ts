import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = basePalette.wetland;

/** The urban wetland of the Huasco: the declared polygon and the proposed extension (dashed). */
export const humedalUrbanoLayer: StyleLayerModule = {
  entry: {
    id: 'humedal_urbano',
    title: es.layer.humedal,
    group: 'territorio',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 8,
    legend: [
      { label: es.legend.wetland, color, symbol: 'fill', alpha: 0.22 },
      { label: es.legend.wetlandProposed, color, symbol: 'dashed' },
    ],
  },
  styleLayers: (from) => [
    {
      id: 'humedal-relleno',
      type: 'fill',
      ...from('humedal_urbano'),
      filter: ['==', ['get', 'version'], 'vigente'],
      paint: { 'fill-color': color, 'fill-opacity': 0.22, 'fill-outline-color': color },
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
