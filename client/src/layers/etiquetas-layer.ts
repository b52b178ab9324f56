import { TextLayer } from '@deck.gl/layers';
import type { Rgba } from '../map/colors.ts';

/** A name to draw at a position (lon/lat, EPSG:4326). */
export interface Label {
  text: string;
  position: [number, number];
  /** Degrees, counter-clockwise, for street names that follow their street. */
  angle?: number;
}

export interface LabelsLayerProps {
  id: string;
  labels: readonly Label[];
  visible: boolean;
  opacity: number;
  /** Pixels. */
  size: number;
  color: Rgba;
  bold?: boolean;
}

/**
 * Names drawn by deck.gl with the browser's own fonts: no glyph server is
 * needed, so labels render offline. The character set is collected from the
 * data (accents, ñ). A white halo keeps them readable over any fill.
 */
export function labelsLayer({ id, labels, visible, opacity, size, color, bold = false }: LabelsLayerProps) {
  return new TextLayer<Label>({
    id,
    data: labels as Label[],
    visible,
    opacity,
    characterSet: 'auto',
    fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    fontWeight: bold ? 700 : 500,
    getText: (label) => label.text,
    getPosition: (label) => label.position,
    getAngle: (label) => label.angle ?? 0,
    getSize: size,
    sizeUnits: 'pixels',
    getColor: color,
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true, fontSize: 48, buffer: 6 },
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    billboard: true,
  });
}
