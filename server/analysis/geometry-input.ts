import { ApiError, badRequest } from '../errors.ts';

/**
 * The most an analysis geometry may carry. A planner's drawing or a project's
 * outline has tens to hundreds of vertices; these limits leave ample room for
 * a detailed polygon traced in QGIS, and bound the cost of one request (the
 * cost of a buffer or an overlay grows with the vertices).
 */
export const geometryLimits = {
  /** Positions in the whole geometry. */
  vertices: 10_000,
  /** Polygons, lines or points of a Multi* geometry, and rings of a polygon, counted together. */
  parts: 500,
} as const;

const thousands = (value: number) => value.toLocaleString('es-CL');

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

interface Counts {
  vertices: number;
  parts: number;
}

function checkNesting(value: unknown, depth: number, field: string, counts: Counts): void {
  if (depth === 0) {
    counts.vertices += 1;
    if (counts.vertices > geometryLimits.vertices) {
      throw new ApiError(
        422,
        'geometry_too_complex',
        `La geometría tiene más de ${thousands(geometryLimits.vertices)} vértices, el máximo para un análisis. Simplifíquela (en QGIS: Vectorial › Herramientas de geometría › Simplificar) y vuelva a enviarla.`,
        field,
      );
    }
    return checkPosition(value, field);
  }
  if (!Array.isArray(value) || value.length === 0) {
    throw badRequest('invalid_geometry', 'La geometría no tiene la estructura de coordenadas de su tipo.', field);
  }
  // Rings (depth 1 inside a polygon) and the members of a Multi* count as parts.
  if (depth >= 2) {
    counts.parts += value.length;
    if (counts.parts > geometryLimits.parts) {
      throw new ApiError(
        422,
        'geometry_too_complex',
        `La geometría tiene más de ${thousands(geometryLimits.parts)} partes (polígonos, anillos o líneas), el máximo para un análisis. Únalas o divida el análisis.`,
        field,
      );
    }
  }
  for (const item of value) checkNesting(item, depth - 1, field, counts);
}

/**
 * Checks that `value` is a GeoJSON geometry (RFC 7946, lon/lat degrees, no
 * GeometryCollection) and returns it as text for `ST_GeomFromGeoJSON`.
 * Anything else is a 400 naming `field`; more than {@link geometryLimits}
 * is a 422 `geometry_too_complex`. Validity (self-intersections) is
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
  checkNesting(coordinates, depth, field, { vertices: 0, parts: 0 });
  return JSON.stringify({ type, coordinates });
}
