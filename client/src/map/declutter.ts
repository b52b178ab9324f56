import type { Label } from '../layers/etiquetas-layer.ts';

/** A label set to place, with the text size its layer draws at (pixels). */
export interface LabelSet {
  labels: readonly Label[];
  size: number;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Average glyph width as a share of the font size, for the system sans-serif fonts. */
const glyphWidth = 0.6;
/** Pixels kept free around every label. */
const margin = 4;

/**
 * Greedy label placement in screen space: sets earlier in the list win, and
 * within a set earlier labels win; a label overlapping one already placed,
 * or off screen, is dropped. `project` maps lon/lat to pixels. Returns the
 * kept labels of each set, in the same order as the sets.
 */
export function declutter(
  sets: readonly LabelSet[],
  project: (position: [number, number]) => [number, number],
  width: number,
  height: number,
): Label[][] {
  const placed: Box[] = [];
  return sets.map(({ labels, size }) =>
    labels.filter((label) => {
      const [x, y] = project(label.position);
      const halfWidth = (label.text.length * size * glyphWidth) / 2 + margin;
      const halfHeight = (size * 1.2) / 2 + margin;
      // A rotated label takes the upright box around its rotated rectangle.
      const radians = ((label.angle ?? 0) * Math.PI) / 180;
      const cos = Math.abs(Math.cos(radians));
      const sin = Math.abs(Math.sin(radians));
      const halfX = halfWidth * cos + halfHeight * sin;
      const halfY = halfWidth * sin + halfHeight * cos;
      const box = { left: x - halfX, right: x + halfX, top: y - halfY, bottom: y + halfY };
      if (box.right < 0 || box.left > width || box.bottom < 0 || box.top > height) return false;
      if (placed.some((other) => box.left < other.right && box.right > other.left && box.top < other.bottom && box.bottom > other.top))
        return false;
      placed.push(box);
      return true;
    }),
  );
}
