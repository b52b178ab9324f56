import { badRequest } from '../errors.ts';

const depthOf: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};

function checkPosition(position: unknown, field: string): void {
  if (!Array.isArray(position) || position.length < 2 || position.length > 3) {
    throw badRequest('invalid_geometry', 'Cada coordenada debe ser [longitud, latitud].', field);
  }
  if (!position.every((value) => typeof value === 'number' && Number.isFinite(value))) {
    throw badRequest('invalid_geometry', 'Las coordenadas deben ser números finitos.', field);
  }
  const [longitude, latitude] = position as number[];
  if (Math.abs(longitude!) > 180 || Math.abs(latitude!) > 90) {
    throw badRequest(
      'invalid_geometry',
      'Las coordenadas deben ser longitud y latitud en grados (EPSG:4326); ¿se enviaron metros UTM?',
      field,
    );
  }
}

function checkNesting(value: unknown, depth: number, field: string): void {
  if (depth === 0) return checkPosition(value, field);
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest('invalid_geometry', 'La geometría no tiene la estructura de coordenadas de su tipo.', field);
  }
  for (const item of value) checkNesting(item, depth - 1, field);
}

/**
 * Checks that `value` is a GeoJSON geometry (RFC 7946, lon/lat degrees, no
 * GeometryCollection) and returns it as text for `ST_GeomFromGeoJSON`.
 * Anything else is a 400 naming `field`. Validity (self-intersections) is
 * checked by PostGIS afterwards.
 */
export function geometryText(value: unknown, field: string): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('invalid_geometry', 'La geometría debe ser un objeto GeoJSON.', field);
  }
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  const depth = typeof type === 'string' ? depthOf[type] : undefined;
  if (depth === undefined) {
    throw badRequest('invalid_geometry', `Tipo de geometría no admitido: use ${Object.keys(depthOf).join(', ')}.`, field);
  }
  checkNesting(coordinates, depth, field);
  return JSON.stringify({ type, coordinates });
}
