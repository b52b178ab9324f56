import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const fill = basePalette.blockFill;
const outline = basePalette.blockOutline;

/** Census blocks 2017 (INE): the built fabric of the town (tiles from zoom 12). */
export const manzanasCensalesLayer: StyleLayerModule = {
  entry: {
    id: 'manzanas_censales',
    title: es.layer.manzanas,
    group: 'contexto',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 12,
    legend: [{ label: es.legend.block, color: fill, outline, symbol: 'fill' }],
  },
  styleLayers: (from) => [
    { id: 'manzanas-relleno', type: 'fill', ...from('manzanas_censales'), minzoom: 12, paint: { 'fill-color': fill, 'fill-opacity': 0.9 } },
    {
      id: 'manzanas-borde',
      type: 'line',
      ...from('manzanas_censales'),
      minzoom: 12,
      paint: { 'line-color': outline, 'line-width': 0.7, 'line-opacity': 1 },
    },
  ],
};
