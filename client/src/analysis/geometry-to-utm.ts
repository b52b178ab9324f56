import type { Geometry, Position } from 'geojson';
import { utmZone19sFromLonLat } from './utm-zone-19s.ts';

const positionToUtm = (position: Position): Position => {
  const { easting, northing } = utmZone19sFromLonLat(position[0] as number, position[1] as number);
  return [easting, northing];
};

/**
 * The same geometry with every position projected from WGS 84 lon/lat
 * (EPSG:4326) to UTM 19S metres (EPSG:32719), the plane where the server
 * measures; planar operations on the result give metres and m².
 * GeometryCollections are projected member by member.
 */
export function geometryToUtm<G extends Geometry>(geometry: G): G {
  switch (geometry.type) {
    case 'Point':
      return { ...geometry, coordinates: positionToUtm(geometry.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { ...geometry, coordinates: geometry.coordinates.map(positionToUtm) };
    case 'MultiLineString':
    case 'Polygon':
      return { ...geometry, coordinates: geometry.coordinates.map((line) => line.map(positionToUtm)) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(positionToUtm))) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((member) => geometryToUtm(member)) };
  }
}
