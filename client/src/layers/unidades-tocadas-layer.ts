import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { rgba } from '../map/colors.ts';
import { unitColor } from './unidades-vecinales-layer.ts';

export const touchedUnitsLayerId = 'unidades-tocadas';

export type UnitFeature = Feature<Polygon | MultiPolygon, { codigo: string; nombre: string }>;

/** The neighbourhood units the selected project touches: a purple wash with a thick outline. */
export function touchedUnitsLayer(units: readonly UnitFeature[]) {
  return new GeoJsonLayer({
    id: touchedUnitsLayerId,
    data: units as never,
    visible: units.length > 0,
    pickable: false,
    stroked: true,
    filled: true,
    getFillColor: rgba(unitColor, 45),
    getLineColor: rgba(unitColor, 230),
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
  });
}
