import type { Geometry, Position } from 'geojson';

/** Shoelace area of a closed ring of planar positions (unsigned). */
function ringArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let index = 0; index + 1 < ring.length; index += 1) {
    const [x1, y1] = ring[index] as [number, number];
    const [x2, y2] = ring[index + 1] as [number, number];
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

const polygonArea = (rings: readonly Position[][]) =>
  rings.reduce((total, ring, index) => total + (index === 0 ? ringArea(ring) : -ringArea(ring)), 0);

/**
 * Area of a geometry whose coordinates are already planar metres (UTM 19S
 * from geometryToUtm), in m²: outer rings minus holes; 0 for points and
 * lines, as PostGIS's ST_Area.
 */
export function planarArea(geometry: Geometry): number {
  switch (geometry.type) {
    case 'Polygon':
      return polygonArea(geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.reduce((total, polygon) => total + polygonArea(polygon), 0);
    case 'GeometryCollection':
      return geometry.geometries.reduce((total, member) => total + planarArea(member), 0);
    default:
      return 0;
  }
}
