import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

export const comunaFillLayerId = 'comuna-relleno';
export const comunaOutlineLayerId = 'comuna-limite';
const fill = '#e3e8dc';
const outline = basePalette.comunaOutline;

/** The comuna of Vallenar: a light fill under everything and its boundary (EPSG:4326 data, tiles from zoom 0). */
export const comunaLayer: StyleLayerModule = {
  entry: {
    id: 'comuna',
    title: es.layer.comuna,
    group: 'contexto',
    defaultVisible: true,
    defaultOpacity: 1,
    legend: [{ label: es.legend.comuna, color: fill, outline, symbol: 'fill' }],
  },
  styleLayers: (from) => [
    { id: comunaFillLayerId, type: 'fill', ...from('comuna'), paint: { 'fill-color': fill, 'fill-opacity': 0.8 } },
    {
      id: comunaOutlineLayerId,
      type: 'line',
      ...from('comuna'),
      paint: { 'line-color': outline, 'line-width': 1.6, 'line-dasharray': [5, 2, 1, 2], 'line-opacity': 1 },
    },
  ],
};
