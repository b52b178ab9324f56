import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Label } from '../layers/etiquetas-layer.ts';
import type { AppState } from '../state/app-state.ts';
import { declutter } from './declutter.ts';
import type { WorkbenchData } from './workbench-data.ts';

/** Zoom from which street names are written: street zooms, where a block face is long enough for a name. */
export const streetLabelZoom = 14;
/** Zoom from which neighbourhood unit names are written. */
export const unitLabelZoom = 11.5;

export const placeLabelSize = 14;
export const unitLabelSize = 12;
export const streetLabelSize = 11;

export interface VisibleLabels {
  places: Label[];
  units: Label[];
  streets: Label[];
}

/**
 * The labels to write in the current view: places first, then
 * neighbourhood units, then streets, none overlapping another, each set
 * only when its layer is on and the map is zoomed in enough.
 */
export function visibleLabels(map: MapLibreMap, data: WorkbenchData, state: AppState): VisibleLabels {
  const zoom = map.getZoom();
  const on = (id: string) => Boolean(state.layers[id]?.visible);
  const canvas = map.getCanvas();
  const [places = [], units = [], streets = []] = declutter(
    [
      { labels: on('toponimia') ? data.placeLabels : [], size: placeLabelSize },
      { labels: on('unidades_vecinales') && zoom >= unitLabelZoom ? data.unitLabels : [], size: unitLabelSize },
      { labels: on('calles') && zoom >= streetLabelZoom ? data.streetLabels : [], size: streetLabelSize },
    ],
    (position) => {
      const point = map.project(position);
      return [point.x, point.y];
    },
    canvas.clientWidth,
    canvas.clientHeight,
  );
  return { places, units, streets };
}
