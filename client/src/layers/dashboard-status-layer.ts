import { GeoJsonLayer } from '@deck.gl/layers';
import { rgba, type Rgba } from '../map/colors.ts';
import type { ProjectFeature } from '../plan/project.ts';

export const dashboardStatusLayerId = 'tablero-estado';

/** Colour of each status on the replay map; no recorded status is grey ("sin información"). */
export const replayColors: Record<string, string> = {
  idea: '#c7e9c0',
  perfil: '#a1d99b',
  diseño: '#74c476',
  licitación: '#fdae6b',
  ejecución: '#e6550d',
  terminado: '#08519c',
  suspendido: '#756bb1',
  descartado: '#252525',
};
export const noStatusColor = '#bdbdbd';

export interface DashboardStatusLayerProps {
  /** Located projects of the plan. */
  projects: readonly ProjectFeature[];
  /** Status of each project (by code) on the chosen date; absent = sin información. */
  statuses: ReadonlyMap<string, string>;
  /** The date, so deck.gl recomputes colours when it changes. */
  date: string;
}

const colorOf = (statuses: ReadonlyMap<string, string>, codigo: string): Rgba => {
  const estado = statuses.get(codigo);
  return rgba(estado ? (replayColors[estado] ?? noStatusColor) : noStatusColor, 235);
};

/** The projects coloured by their status on a date (the dashboard's time slider). */
export function dashboardStatusLayer({ projects, statuses, date }: DashboardStatusLayerProps) {
  return new GeoJsonLayer<ProjectFeature['properties']>({
    id: dashboardStatusLayerId,
    data: projects as never,
    pickable: true,
    stroked: true,
    filled: true,
    pointType: 'circle',
    getPointRadius: 7,
    pointRadiusUnits: 'pixels',
    getFillColor: (feature) => colorOf(statuses, feature.properties.codigo),
    getLineColor: (feature) => colorOf(statuses, feature.properties.codigo),
    getLineWidth: 4,
    lineWidthUnits: 'pixels',
    lineWidthMinPixels: 2,
    updateTriggers: { getFillColor: date, getLineColor: date },
  });
}
