import { tileBuffer, tileExtent } from './web-mercator.ts';

/** A point in tile units (integers). */
export type TilePoint = [number, number];

/**
 * The tolerance-0 pass of PostGIS 3.3 over one line of integer points, as
 * mvt_geom() runs it after snapping: walking from the first point, a point
 * is dropped when it lies on the segment from the last point kept to the
 * next point, ends included. When the next point is the last one kept (a
 * spike going straight back), the segment has no length and the point is
 * dropped too. The first and last points always stay. Lines of fewer than
 * three points are returned as they are.
 */
export function simplifyCollinear(points: readonly TilePoint[]): TilePoint[] {
  if (points.length < 3) return [...points];
  const first = points[0] as TilePoint;
  const kept: TilePoint[] = [first];
  let anchor = first;
  for (let index = 1; index < points.length - 1; index += 1) {
    const current = points[index] as TilePoint;
    const next = points[index + 1] as TilePoint;
    const segmentX = next[0] - anchor[0];
    const segmentY = next[1] - anchor[1];
    const lengthSquared = segmentX * segmentX + segmentY * segmentY;
    const offsetX = current[0] - anchor[0];
    const offsetY = current[1] - anchor[1];
    const dot = offsetX * segmentX + offsetY * segmentY;
    const cross = offsetX * segmentY - offsetY * segmentX;
    if (dot < 0 || dot > lengthSquared || cross !== 0) {
      kept.push(current);
      anchor = current;
    }
  }
  kept.push(points[points.length - 1] as TilePoint);
  return kept;
}

/** A line without consecutive repeated points (what the final snap to the grid also does). */
function withoutRepeats(line: readonly TilePoint[]): TilePoint[] {
  return line.filter((point, index) => {
    const previous = line[index - 1];
    return !previous || previous[0] !== point[0] || previous[1] !== point[1];
  });
}

/**
 * The lines of a feature after the pass and the final snap of mvt_geom():
 * repeated points removed, lines left with fewer than two points dropped. A
 * feature without lines has no geometry.
 */
export function simplifyLines(lines: readonly (readonly TilePoint[])[]): TilePoint[][] {
  return lines.map((line) => withoutRepeats(simplifyCollinear(line))).filter((line) => line.length >= 2);
}

/** True when every point lies in the tile plus its buffer, edges included: such lines need no clipping. */
export function insideTileBuffer(lines: readonly (readonly TilePoint[])[]): boolean {
  const low = -tileBuffer;
  const high = tileExtent + tileBuffer;
  return lines.every((line) => line.every(([x, y]) => x >= low && x <= high && y >= low && y <= high));
}
