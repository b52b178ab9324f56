import type { LineString, MultiLineString, Position } from 'geojson';

/** Where to write a line's name: the middle of its longest part, and the angle of the line there. */
export interface LineLabel {
  position: [number, number];
  /** Degrees counter-clockwise from east on the screen, between −90 and 90 so the text is never upside down. */
  angle: number;
  /** Length of the longest part, in degrees of latitude (to rank labels; not a distance to show). */
  length: number;
}

/** Planar length of a segment in a local equirectangular frame (good enough to find a middle). */
function segmentLength(a: Position, b: Position, cosLatitude: number): number {
  return Math.hypot(((b[0] as number) - (a[0] as number)) * cosLatitude, (b[1] as number) - (a[1] as number));
}

/**
 * Label placement for a street or canal (lon/lat, EPSG:4326): the point
 * half-way along its longest part and the direction of the segment there,
 * as seen on a north-up map. Null for an empty geometry.
 */
export function lineLabel(geometry: LineString | MultiLineString): LineLabel | null {
  const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
  const first = parts.flat()[0];
  if (!first) return null;
  const cosLatitude = Math.cos(((first[1] as number) * Math.PI) / 180);
  const lengthOf = (part: Position[]) =>
    part.slice(1).reduce((sum, point, index) => sum + segmentLength(part[index] as Position, point, cosLatitude), 0);
  const longest = parts.reduce((best, part) => (lengthOf(part) > lengthOf(best) ? part : best), parts[0] as Position[]);
  const total = lengthOf(longest);
  if (longest.length < 2) return { position: [first[0] as number, first[1] as number], angle: 0, length: 0 };
  let remaining = total / 2;
  for (let index = 1; index < longest.length; index += 1) {
    const a = longest[index - 1] as Position;
    const b = longest[index] as Position;
    const length = segmentLength(a, b, cosLatitude);
    if (remaining > length && index < longest.length - 1) {
      remaining -= length;
      continue;
    }
    const t = length === 0 ? 0 : Math.min(remaining / length, 1);
    const x = (a[0] as number) + t * ((b[0] as number) - (a[0] as number));
    const y = (a[1] as number) + t * ((b[1] as number) - (a[1] as number));
    let angle = (Math.atan2((b[1] as number) - (a[1] as number), ((b[0] as number) - (a[0] as number)) * cosLatitude) * 180) / Math.PI;
    if (angle > 90) angle -= 180;
    if (angle < -90) angle += 180;
    return { position: [x, y], angle, length: total };
  }
  return null;
}
