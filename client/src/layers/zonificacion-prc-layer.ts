import type { ExpressionSpecification } from 'maplibre-gl';
import { es } from '../i18n/es.ts';
import type { StyleLayerModule } from '../map/layer-entry.ts';

/** Zone colours by the first letters of the PRC code: urban, restricted, industrial, anything else. */
const zoneColors = { ZU: '#f6e8a6', ZR: '#f4b6b6', ZI: '#cdb8e6', otra: '#d9d9d9' } as const;
const outline = '#9b8f5c';
const fillAlpha = 0.45;
const color: ExpressionSpecification = [
  'match',
  ['slice', ['coalesce', ['get', 'codigo'], ''], 0, 2],
  'ZU',
  zoneColors.ZU,
  'ZR',
  zoneColors.ZR,
  'ZI',
  zoneColors.ZI,
  zoneColors.otra,
];

/** Zoning of the 1981 Plan Regulador Comunal, coloured by kind of zone (tiles from zoom 10). */
export const zonificacionPrcLayer: StyleLayerModule = {
  entry: {
    id: 'zonificacion_prc',
    title: es.layer.zonificacion,
    group: 'contexto',
    defaultVisible: false,
    defaultOpacity: 1,
    minZoom: 10,
    legend: [
      { label: es.legend.zoneUrban, color: zoneColors.ZU, outline, alpha: fillAlpha, symbol: 'fill' },
      { label: es.legend.zoneRestricted, color: zoneColors.ZR, outline, alpha: fillAlpha, symbol: 'fill' },
      { label: es.legend.zoneIndustrial, color: zoneColors.ZI, outline, alpha: fillAlpha, symbol: 'fill' },
      { label: es.legend.zoneOther, color: zoneColors.otra, outline, alpha: fillAlpha, symbol: 'fill' },
    ],
  },
  styleLayers: (from) => [
    {
      id: 'zonificacion-relleno',
      type: 'fill',
      ...from('zonificacion_prc'),
      minzoom: 10,
      paint: { 'fill-color': color, 'fill-opacity': fillAlpha },
    },
    {
      id: 'zonificacion-borde',
      type: 'line',
      ...from('zonificacion_prc'),
      minzoom: 10,
      paint: { 'line-color': outline, 'line-width': 0.8, 'line-opacity': 0.8 },
    },
  ],
};
