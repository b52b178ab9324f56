import { HexagonLayer } from '@deck.gl/aggregation-layers';
import { es } from '../i18n/es.ts';
import type { Rgba } from '../map/colors.ts';
import type { LayerEntry } from '../map/layer-entry.ts';
import type { DumpFeature } from './microbasurales-layer.ts';

export const densityLayerId = 'microbasurales-densidad';
/** Hexagon radius in metres. */
export const densityRadius = 250;

const colorRange: Rgba[] = [
  [255, 255, 178, 255],
  [254, 217, 118, 255],
  [254, 178, 76, 255],
  [253, 141, 60, 255],
  [240, 59, 32, 255],
  [189, 0, 38, 255],
];

export interface DensityLayerProps {
  dumps: readonly DumpFeature[];
  visible: boolean;
  opacity: number;
}

/** Density of micro-dumps: count per 250 m hexagon, aggregated on the CPU (exact counts for the tooltip). */
export function dumpsDensityLayer({ dumps, visible, opacity }: DensityLayerProps) {
  return new HexagonLayer<DumpFeature>({
    id: densityLayerId,
    data: dumps as DumpFeature[],
    visible,
    opacity: opacity * 0.75,
    pickable: true,
    gpuAggregation: false,
    radius: densityRadius,
    coverage: 0.92,
    extruded: false,
    colorRange,
    getPosition: (dump) => dump.geometry.coordinates as [number, number],
  });
}

export const densityEntry: LayerEntry = {
  id: 'microbasurales_densidad',
  title: es.layer.microbasuralesDensidad,
  group: 'territorio',
  defaultVisible: false,
  defaultOpacity: 1,
  legend: colorRange.map((color, index) => ({
    label: index === 0 ? es.legend.less : index === colorRange.length - 1 ? es.legend.more : '',
    color: `rgb(${color[0]}, ${color[1]}, ${color[2]})`,
    symbol: 'hexagon' as const,
  })),
  note: es.legend.density,
};
