import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { rgba, type Rgba } from '../map/colors.ts';

export const dashboardUnitsLayerId = 'tablero-unidades';

/** A neighbourhood unit with the dashboard's figures (GET /plan/tablero). */
export type DashboardUnitFeature = Feature<
  Polygon | MultiPolygon,
  { codigo: string; nombre: string; inversion: number | null; avance: number | null; proyectos: number }
>;

/** Progress 0–100 as a sequential blue; no progress recorded is grey with a dashed look (sin información). */
export function progressColor(avance: number | null, alpha = 190): Rgba {
  if (avance === null) return rgba('#d9d9d9', 140);
  const steps = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'];
  return rgba(steps[Math.min(steps.length - 1, Math.floor(avance / 20))] ?? '#08519c', alpha);
}

/**
 * Investment and progress per neighbourhood unit: fill by progress, outline
 * width by investment (thicker = more CLP attributed; thinnest where no
 * budget is recorded), for the dashboard map.
 */
export function dashboardUnitsLayer(units: readonly DashboardUnitFeature[], maxInvestment: number) {
  return new GeoJsonLayer<DashboardUnitFeature['properties']>({
    id: dashboardUnitsLayerId,
    data: units as never,
    pickable: true,
    stroked: true,
    filled: true,
    getFillColor: (unit) => progressColor(unit.properties.avance),
    getLineColor: [120, 40, 20, 230],
    getLineWidth: (unit) => (maxInvestment > 0 ? 1 + (7 * (unit.properties.inversion ?? 0)) / maxInvestment : 1),
    lineWidthUnits: 'pixels',
    updateTriggers: { getLineWidth: maxInvestment },
  });
}
