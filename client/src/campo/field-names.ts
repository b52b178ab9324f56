import type { Feature, Geometry, Position } from 'geojson';
import { streetName } from '../map/street-name.ts';

/** A name on the field map: where (WGS 84), turned `angle` degrees clockwise, shown from `minZoom`. */
export interface FieldName {
  text: string;
  lon: number;
  lat: number;
  angle: number;
  kind: 'lugar' | 'calle';
  /** Length of the street piece it names, in metres (0 for a place). */
  metres: number;
}

const metresPerDegree = 111_320;

function parts(geometry: Geometry | null): Position[][] {
  if (geometry?.type === 'LineString') return [geometry.coordinates];
  if (geometry?.type === 'MultiLineString') return geometry.coordinates;
  return [];
}

/** East and north offsets in metres from `a` to `b` (fine over a town). */
function offset(a: Position, b: Position): [number, number] {
  const lat = (((a[1] ?? 0) + (b[1] ?? 0)) / 2) * (Math.PI / 180);
  return [((b[0] ?? 0) - (a[0] ?? 0)) * metresPerDegree * Math.cos(lat), ((b[1] ?? 0) - (a[1] ?? 0)) * metresPerDegree];
}

/**
 * Where a street's name may go: every `spacing` metres along each piece
 * (one in the middle of a shorter piece), turned along the segment there and
 * kept upright (−90° to 90°, clockwise on screen, north up). The map shows
 * at most one per street: the first that fits the view.
 */
export function streetNames(features: readonly Feature[], spacing = 150): FieldName[] {
  const names: FieldName[] = [];
  for (const feature of features) {
    const raw = feature.properties?.nombre;
    if (typeof raw !== 'string' || !raw.trim()) continue;
    const text = streetName(raw.trim());
    for (const piece of parts(feature.geometry)) {
      const segments = piece.slice(1).map((b, index) => {
        const a = piece[index] ?? [];
        const [east, north] = offset(a, b);
        return { a, b, east, north, length: Math.hypot(east, north) };
      });
      const metres = segments.reduce((sum, segment) => sum + segment.length, 0);
      if (metres === 0) continue;
      for (let at = Math.min(spacing / 2, metres / 2); at < metres; at += spacing) {
        let travelled = 0;
        const segment = segments.find((candidate) => (travelled += candidate.length) >= at);
        if (!segment) break;
        const t = segment.length > 0 ? 1 - (travelled - at) / segment.length : 0;
        let angle = (Math.atan2(-segment.north, segment.east) * 180) / Math.PI;
        if (angle > 90) angle -= 180;
        if (angle <= -90) angle += 180;
        const [ax = 0, ay = 0] = segment.a;
        const [bx = 0, by = 0] = segment.b;
        names.push({ text, lon: ax + (bx - ax) * t, lat: ay + (by - ay) * t, angle, kind: 'calle', metres });
      }
    }
  }
  return names;
}

/** Place names (toponimia points). */
export function placeNames(features: readonly Feature[]): FieldName[] {
  return features.flatMap((feature): FieldName[] => {
    const name = feature.properties?.nombre;
    if (typeof name !== 'string' || feature.geometry?.type !== 'Point') return [];
    const [lon = 0, lat = 0] = feature.geometry.coordinates;
    return [{ text: name, lon, lat, angle: 0, kind: 'lugar', metres: 0 }];
  });
}

/** Metres per CSS pixel at `zoom` and latitude `lat` (MapLibre's 512 px tiles). */
export function metresPerPixel(zoom: number, lat: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** Whether a street piece is long enough on screen for its name (about 6.5 px a letter at 12 px). */
export function streetFits(name: FieldName, zoom: number): boolean {
  return name.metres / metresPerPixel(zoom, name.lat) >= [...name.text].length * 6.5 * 1.1;
}

export interface ScreenBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Greedy: keeps each box that overlaps none kept before it and whose key (if any) was not kept yet; callers order by priority. */
export function keepApart(boxes: readonly (ScreenBox | null)[], keys: readonly (string | null)[] = []): boolean[] {
  const kept: ScreenBox[] = [];
  const keptKeys = new Set<string>();
  return boxes.map((box, index) => {
    const key = keys[index] ?? null;
    if (!box || (key !== null && keptKeys.has(key))) return false;
    if (kept.some((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom))
      return false;
    kept.push(box);
    if (key !== null) keptKeys.add(key);
    return true;
  });
}
