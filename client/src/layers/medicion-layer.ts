import { GeoJsonLayer, ScatterplotLayer } from '@deck.gl/layers';
import type { Feature, Position } from 'geojson';

export type MeasureMode = 'distancia' | 'area';

export interface MeasureLayerProps {
  mode: MeasureMode;
  positions: readonly Position[];
}

const ink: [number, number, number, number] = [200, 30, 90, 255];

/** The measurement being drawn: its vertices, the path and, for areas, the closed polygon. */
export function measureLayers({ mode, positions }: MeasureLayerProps) {
  const shape: Feature[] = [];
  if (mode === 'area' && positions.length >= 3) {
    shape.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...positions, positions[0] as Position]] } });
  } else if (positions.length >= 2) {
    shape.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...positions] } });
  }
  return [
    new GeoJsonLayer({
      id: 'medicion-forma',
      data: shape as never,
      stroked: true,
      filled: true,
      getFillColor: [200, 30, 90, 50],
      getLineColor: ink,
      getLineWidth: 2.5,
      lineWidthUnits: 'pixels',
    }),
    new ScatterplotLayer<Position>({
      id: 'medicion-vertices',
      data: positions as Position[],
      getPosition: (position) => position as [number, number],
      getRadius: 4,
      radiusUnits: 'pixels',
      getFillColor: [255, 255, 255, 255],
      getLineColor: ink,
      stroked: true,
      getLineWidth: 2,
      lineWidthUnits: 'pixels',
    }),
  ];
}
