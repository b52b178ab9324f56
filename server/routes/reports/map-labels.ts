/**
 * Label placement for the maps the server draws: where a name goes along a
 * street, and which names fit without overlapping (greedy, by priority, as
 * QGIS's PAL does in its simplest mode). Pure: pixel coordinates in, pixel
 * coordinates out, y down as in SVG.
 */

/** An axis-aligned box in pixels. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A name that may be drawn, centred on (x, y), rotated `angle` degrees clockwise. */
export interface LabelCandidate {
  text: string;
  x: number;
  y: number;
  angle: number;
  fontSize: number;
  /** Lower goes first: a name placed earlier is never displaced by a later one. */
  priority: number;
  /** Drawn only once per map (a street in several pieces is named once). */
  key?: string;
}

/** Average advance of DejaVu Sans / Arial glyphs, as a fraction of the font size (generous: a name never overruns its box). */
const advance = 0.6;
/** Space kept around each label, in pixels (the halo and some air). */
const padding = 2;

/** The width in pixels a text takes at `fontSize`, estimated (no font metrics on the server). */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * advance;
}

/** The axis-aligned box around a label, rotation and padding included. */
export function labelBox(label: LabelCandidate): Box {
  const halfWidth = textWidth(label.text, label.fontSize) / 2 + padding;
  const halfHeight = (label.fontSize * 1.2) / 2 + padding;
  const radians = (label.angle * Math.PI) / 180;
  const cos = Math.abs(Math.cos(radians));
  const sin = Math.abs(Math.sin(radians));
  const dx = halfWidth * cos + halfHeight * sin;
  const dy = halfWidth * sin + halfHeight * cos;
  return { x0: label.x - dx, y0: label.y - dy, x1: label.x + dx, y1: label.y + dy };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

const inside = (box: Box, frame: Box) => box.x0 >= frame.x0 && box.y0 >= frame.y0 && box.x1 <= frame.x1 && box.y1 <= frame.y1;

/**
 * The labels that can be drawn: taken by priority (then in the given order),
 * each kept only if it lies wholly inside `frame`, overlaps none kept before
 * nor any of `obstacles` (scale bar, north arrow), and its key was not drawn.
 */
export function placeLabels<T extends LabelCandidate>(candidates: readonly T[], frame: Box, obstacles: readonly Box[] = []): T[] {
  const taken: Box[] = [...obstacles];
  const keys = new Set<string>();
  const placed: T[] = [];
  const ordered = candidates
    .map((label, index) => ({ label, index }))
    .sort((a, b) => a.label.priority - b.label.priority || a.index - b.index);
  for (const { label } of ordered) {
    if (label.key && keys.has(label.key)) continue;
    const box = labelBox(label);
    if (!inside(box, frame) || taken.some((other) => boxesOverlap(box, other))) continue;
    taken.push(box);
    if (label.key) keys.add(label.key);
    placed.push(label);
  }
  return placed;
}

type Point = readonly [number, number];

/** The point at distance `at` along a polyline whose cumulative lengths are `lengths`. */
function pointAt(points: readonly Point[], lengths: readonly number[], at: number): Point {
  for (let index = 1; index < points.length; index++) {
    const end = lengths[index] ?? 0;
    if (end < at) continue;
    const start = lengths[index - 1] ?? 0;
    const [ax, ay] = points[index - 1] ?? [0, 0];
    const [bx, by] = points[index] ?? [0, 0];
    const t = end > start ? (at - start) / (end - start) : 0;
    return [ax + (bx - ax) * t, ay + (by - ay) * t];
  }
  return points[points.length - 1] ?? [0, 0];
}

/**
 * Where a name `length` pixels long fits along a line (pixels): centred on a
 * stretch that is long enough and nearly straight (its chord at least 95 % of
 * the name), tried at the middle, then at a third and two thirds. The angle
 * keeps the text upright (−90° to 90°). Null when it fits nowhere.
 */
export function lineLabelAnchor(points: readonly Point[], length: number): { x: number; y: number; angle: number } | null {
  const lengths = [0];
  for (let index = 1; index < points.length; index++) {
    const [ax, ay] = points[index - 1] ?? [0, 0];
    const [bx, by] = points[index] ?? [0, 0];
    lengths.push((lengths[index - 1] ?? 0) + Math.hypot(bx - ax, by - ay));
  }
  const total = lengths[lengths.length - 1] ?? 0;
  const needed = length * 1.1;
  if (total < needed) return null;
  for (const fraction of [0.5, 1 / 3, 2 / 3]) {
    const centre = Math.min(Math.max(total * fraction, needed / 2), total - needed / 2);
    const [ax, ay] = pointAt(points, lengths, centre - length / 2);
    const [bx, by] = pointAt(points, lengths, centre + length / 2);
    if (Math.hypot(bx - ax, by - ay) < length * 0.95) continue;
    let angle = (Math.atan2(by - ay, bx - ax) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle <= -90) angle += 180;
    return { x: (ax + bx) / 2, y: (ay + by) / 2, angle };
  }
  return null;
}
