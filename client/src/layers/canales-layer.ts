import { es } from '../i18n/es.ts';
import { basePalette } from '../map/colors.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

const color = basePalette.canal;

/** Irrigation canals (CNR), thin light blue (tiles from zoom 10). */
export const canalesLayer: StyleLayerModule = {
  entry: {
    id: 'canales',
    title: es.layer.canales,
    group: 'contexto',
    defaultVisible: true,
    defaultOpacity: 1,
    minZoom: 10,
    legend: [{ label: es.legend.canal, color, symbol: 'line' }],
  },
  styleLayers: (from) => [
    { id: 'canales', type: 'line', ...from('canales'), minzoom: 10, paint: { 'line-color': color, 'line-width': 1.1, 'line-opacity': 1 } },
  ],
};
