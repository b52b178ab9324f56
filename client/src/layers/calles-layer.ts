import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const casing = basePalette.streetCasing;

/** Street axes (a sample of the centre and west), white with a grey casing (tiles from zoom 13). */
export const callesLayer: StyleLayerModule = {
  entry: {
    id: 'calles',
    title: es.layer.calles,
    group: 'contexto',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 13,
    legend: [{ label: es.legend.street, color: casing, symbol: 'line' }],
  },
  styleLayers: (from) => [
    {
      id: 'calles-borde',
      type: 'line',
      ...from('calles'),
      minzoom: 13,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': casing, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 3, 17, 12], 'line-opacity': 1 },
    },
    {
      id: 'calles',
      type: 'line',
      ...from('calles'),
      minzoom: 13,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': basePalette.street, 'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 9], 'line-opacity': 1 },
    },
  ],
};
