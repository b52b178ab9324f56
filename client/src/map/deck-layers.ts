import type { Layer } from '@deck.gl/core';
import type { Position } from 'geojson';
import { labelsLayer, type Label } from '../layers/etiquetas-layer.ts';
import { investmentLayer, type UnitInvestmentFeature } from '../layers/inversion-3d-layer.ts';
import { measureLayers, type MeasureMode } from '../layers/medicion-layer.ts';
import { dumpsDensityLayer } from '../layers/microbasurales-densidad-layer.ts';
import { dumpsLayer, type DumpFeature } from '../layers/microbasurales-layer.ts';
import { projectsDensityLayer } from '../layers/proyectos-densidad-layer.ts';
import { projectCasingLayer, projectHaloLayer, projectsLayer } from '../layers/proyectos-layer.ts';
import { searchMarkerLayer } from '../layers/resultado-busqueda-layer.ts';
import { touchedUnitsLayer, type UnitFeature } from '../layers/unidades-tocadas-layer.ts';
import type { ProjectFeature } from '../plan/project.ts';
import type { AppState, LayerSetting } from '../state/app-state.ts';
import { basePalette, rgba } from './colors.ts';
import { placeLabelSize, streetLabelSize, unitLabelSize } from './labels.ts';

/** What the deck.gl overlay draws, already derived from the state and the data. */
export interface DeckInputs {
  state: AppState;
  /** Located projects passing the filters, to draw one by one. */
  projects: readonly ProjectFeature[];
  /** Positions of projects to draw as a density instead (thousands in view). */
  projectDensity: readonly [number, number][];
  selected: ProjectFeature | null;
  touchedUnits: readonly UnitFeature[];
  dumps: readonly DumpFeature[];
  investment: readonly UnitInvestmentFeature[];
  /** Labels already decluttered for the current view (see labels.ts). */
  labels: { places: readonly Label[]; streets: readonly Label[]; units: readonly Label[] };
  measure: { mode: MeasureMode; positions: Position[] } | null;
  searchMarker: [number, number] | null;
}

/** The deck.gl layers, bottom to top: 3D investment, touched units, density, dumps, selection halo, projects, marks, labels. */
export function deckLayers(inputs: DeckInputs): Layer[] {
  const { state } = inputs;
  const setting = (id: string): LayerSetting => state.layers[id] ?? { visible: false, opacity: 1 };
  const layers: Layer[] = [
    investmentLayer({ units: inputs.investment, metric: state.investmentMetric, ...setting('inversion_3d') }),
    touchedUnitsLayer(inputs.touchedUnits),
    dumpsDensityLayer({ dumps: inputs.dumps, ...setting('microbasurales_densidad') }),
    dumpsLayer({ dumps: inputs.dumps, ...setting('microbasurales') }),
    projectsDensityLayer({ positions: inputs.projectDensity, ...setting('proyectos') }),
    projectHaloLayer(setting('proyectos').visible ? inputs.selected : null),
    projectCasingLayer({ projects: inputs.projects, ...setting('proyectos') }),
    projectsLayer({ projects: inputs.projects, ...setting('proyectos') }),
    searchMarkerLayer(inputs.searchMarker),
    ...(inputs.measure ? measureLayers(inputs.measure) : []),
    labelsLayer({
      id: 'etiquetas-unidades',
      labels: inputs.labels.units,
      visible: setting('unidades_vecinales').visible,
      opacity: setting('unidades_vecinales').opacity,
      size: unitLabelSize,
      color: rgba(basePalette.unitLabel, 235),
    }),
    labelsLayer({
      id: 'etiquetas-calles',
      labels: inputs.labels.streets,
      visible: setting('calles').visible,
      opacity: setting('calles').opacity,
      size: streetLabelSize,
      color: rgba(basePalette.streetLabel),
    }),
    labelsLayer({
      id: 'etiquetas-lugares',
      labels: inputs.labels.places,
      visible: setting('toponimia').visible,
      opacity: setting('toponimia').opacity,
      size: placeLabelSize,
      color: rgba(basePalette.placeLabel),
      bold: true,
    }),
  ];
  return layers;
}
