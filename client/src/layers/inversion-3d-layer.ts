import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { UnitInvestment } from '../analysis/investment-by-unit.ts';
import { es } from '../i18n/es.ts';
import type { Rgba } from '../map/colors.ts';
import type { LayerEntry } from '../map/layer-entry.ts';
import type { InvestmentMetric } from '../state/app-state.ts';

export const investmentLayerId = 'inversion-3d';

/** A neighbourhood unit polygon with its investment figures. */
export type UnitInvestmentFeature = Feature<Polygon | MultiPolygon, { codigo: string; nombre: string } & UnitInvestment>;

/** Height of the tallest unit, metres (a tenth of the city's width: readable at pitch 50° without hiding the town). */
const tallest = 600;
const low: Rgba = [198, 219, 239, 220];
const high: Rgba = [8, 69, 148, 235];
const noBudget: Rgba = [170, 170, 170, 90];

/** Light to dark blue as the value grows from 0 to the maximum. */
function ramp(share: number): Rgba {
  return low.map((channel, index) => Math.round(channel + ((high[index] as number) - channel) * share)) as Rgba;
}

export interface InvestmentLayerProps {
  units: readonly UnitInvestmentFeature[];
  metric: InvestmentMetric;
  visible: boolean;
  opacity: number;
}

/** The value a unit is raised by: its recorded investment, or the number of projects. Null budgets stay flat. */
export function investmentValue(unit: UnitInvestment, metric: InvestmentMetric): number {
  return metric === 'proyectos' ? unit.proyectos : (unit.inversionClp ?? 0);
}

/**
 * Investment per neighbourhood unit as extruded polygons: height and shade
 * of blue by the chosen metric, scaled to the largest unit; flat grey where
 * nothing is recorded ("sin presupuesto registrado").
 */
export function investmentLayer({ units, metric, visible, opacity }: InvestmentLayerProps) {
  const maximum = Math.max(0, ...units.map((unit) => investmentValue(unit.properties, metric)));
  const scale = maximum > 0 ? tallest / maximum : 0;
  return new GeoJsonLayer<UnitInvestmentFeature['properties']>({
    id: investmentLayerId,
    data: units as never,
    visible,
    opacity,
    pickable: true,
    extruded: true,
    wireframe: true,
    stroked: false,
    filled: true,
    getElevation: (feature) => investmentValue(feature.properties as UnitInvestment, metric) * scale,
    getFillColor: (feature) => {
      const value = investmentValue(feature.properties as UnitInvestment, metric);
      return value > 0 && maximum > 0 ? ramp(value / maximum) : noBudget;
    },
    getLineColor: [255, 255, 255, 160],
    material: { ambient: 0.5, diffuse: 0.6, shininess: 16 },
    updateTriggers: { getElevation: [metric, units], getFillColor: [metric, units] },
  });
}

export const investmentEntry: LayerEntry = {
  id: 'inversion_3d',
  title: es.layer.inversion3d,
  group: 'plan',
  defaultVisible: false,
  defaultOpacity: 0.8,
  legend: [
    { label: es.legend.withBudget, color: 'rgb(8, 69, 148)', symbol: 'column' },
    { label: es.legend.noBudget, color: 'rgb(170, 170, 170)', symbol: 'fill', alpha: 0.5 },
  ],
  note: es.legend.investmentNote,
};
