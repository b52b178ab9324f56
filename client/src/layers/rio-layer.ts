import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

export const riverColor = basePalette.river;

/** The Huasco river (approximate axis), wider as the map zooms in. */
export const rioLayer: StyleLayerModule = {
  entry: {
    id: 'rio',
    title: es.layer.rio,
    group: 'contexto',
    defaultVisible: true,
    defaultOpacity: 1,
    legend: [{ label: es.legend.river, color: riverColor, symbol: 'line' }],
  },
  styleLayers: (from) => [
    {
      id: 'rio',
      type: 'line',
      ...from('rio'),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': riverColor, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 5, 17, 12], 'line-opacity': 1 },
    },
  ],
};
