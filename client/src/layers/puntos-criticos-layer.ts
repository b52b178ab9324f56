import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = '#b2182b';

/** Critical risk points of winter 2024 (SENAPRED), off at first (tiles from zoom 9). */
export const puntosCriticosLayer: StyleLayerModule = {
  entry: {
    id: 'puntos_criticos',
    title: es.layer.puntosCriticos,
    group: 'contexto',
    defaultVisible: false,
    defaultOpacity: 1,
    minZoom: 9,
    legend: [{ label: es.legend.critical, color, symbol: 'point' }],
  },
  styleLayers: (from) => [
    {
      id: 'puntos-criticos',
      type: 'circle',
      ...from('puntos_criticos'),
      minzoom: 9,
      paint: {
        'circle-color': color,
        'circle-radius': 4,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1,
        'circle-opacity': 0.9,
      },
    },
  ],
};
