import type { Geometry, Position } from 'geojson';

type Point = readonly [number, number];
type Segment = readonly [Point, Point];

interface Parts {
  points: Point[];
  segments: Segment[];
  /** Polygons as rings (outer first), for containment. */
  polygons: Point[][][];
}

const asPoint = (position: Position): Point => [position[0] as number, position[1] as number];

function segmentsOf(line: readonly Position[]): Segment[] {
  const segments: Segment[] = [];
  for (let index = 0; index + 1 < line.length; index += 1) segments.push([asPoint(line[index]!), asPoint(line[index + 1]!)]);
  return segments;
}

function partsOf(geometry: Geometry, parts: Parts = { points: [], segments: [], polygons: [] }): Parts {
  const addLine = (line: Position[]) => {
    parts.points.push(...line.map(asPoint));
    parts.segments.push(...segmentsOf(line));
  };
  const addPolygon = (rings: Position[][]) => {
    rings.forEach(addLine);
    parts.polygons.push(rings.map((ring) => ring.map(asPoint)));
  };
  switch (geometry.type) {
    case 'Point':
      parts.points.push(asPoint(geometry.coordinates));
      break;
    case 'MultiPoint':
      parts.points.push(...geometry.coordinates.map(asPoint));
      break;
    case 'LineString':
      addLine(geometry.coordinates);
      break;
    case 'MultiLineString':
      geometry.coordinates.forEach(addLine);
      break;
    case 'Polygon':
      addPolygon(geometry.coordinates);
      break;
    case 'MultiPolygon':
      geometry.coordinates.forEach(addPolygon);
      break;
    case 'GeometryCollection':
      geometry.geometries.forEach((member) => partsOf(member, parts));
      break;
  }
  return parts;
}

function pointToSegment([px, py]: Point, [[ax, ay], [bx, by]]: Segment): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function segmentsCross([a, b]: Segment, [c, d]: Segment): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function insideRing([x, y]: Point, ring: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside a polygon's outer ring and outside its holes. */
const insidePolygon = (point: Point, rings: readonly Point[][]) =>
  rings.length > 0 && insideRing(point, rings[0]!) && !rings.slice(1).some((hole) => insideRing(point, hole));

function oneWay(from: Parts, to: Parts): number {
  let best = Infinity;
  for (const point of from.points) {
    if (to.polygons.some((rings) => insidePolygon(point, rings))) return 0;
    for (const segment of to.segments) best = Math.min(best, pointToSegment(point, segment));
    if (to.segments.length === 0)
      for (const other of to.points) best = Math.min(best, Math.hypot(point[0] - other[0], point[1] - other[1]));
  }
  return best;
}

/**
 * Shortest distance between two geometries whose coordinates are planar
 * metres (UTM 19S from geometryToUtm), as PostGIS's ST_Distance: 0 when
 * they touch, cross or one contains the other.
 */
export function planarDistance(a: Geometry, b: Geometry): number {
  const first = partsOf(a);
  const second = partsOf(b);
  if (first.segments.some((segment) => second.segments.some((other) => segmentsCross(segment, other)))) return 0;
  return Math.min(oneWay(first, second), oneWay(second, first));
}
