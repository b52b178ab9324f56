import { HexagonLayer } from '@deck.gl/aggregation-layers';
import type { Rgba } from '../map/colors.ts';

export const projectsDensityLayerId = 'proyectos-densidad';
/** Hexagon radius in metres: a few city blocks. */
const radius = 150;

const colorRange: Rgba[] = [
  [222, 235, 247, 255],
  [189, 215, 231, 255],
  [107, 174, 214, 255],
  [49, 130, 189, 255],
  [8, 81, 156, 255],
  [8, 48, 107, 255],
];

export interface ProjectsDensityLayerProps {
  /** A representative position (lon/lat) of each project in view; empty when projects are drawn one by one. */
  positions: readonly [number, number][];
  visible: boolean;
  opacity: number;
}

/**
 * Projects counted per 150 m hexagon, drawn instead of the points when more
 * than a few thousand are in view: thousands of instanced circles are slow
 * to rasterise without a GPU, a few hundred hexagons are not. Binned on the
 * CPU once per data change, so panning costs nothing extra.
 */
export function projectsDensityLayer({ positions, visible, opacity }: ProjectsDensityLayerProps) {
  return new HexagonLayer<[number, number]>({
    id: projectsDensityLayerId,
    data: positions as [number, number][],
    visible: visible && positions.length > 0,
    opacity: opacity * 0.85,
    pickable: true,
    gpuAggregation: false,
    radius,
    coverage: 0.9,
    extruded: false,
    colorRange,
    getPosition: (position) => position,
  });
}
