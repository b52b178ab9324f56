import type { Geometry, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { GeometryType } from '../catalog/index.ts';
import type { RejectionCode } from './types.ts';

/** A geometry problem found before the database sees the feature. */
export interface GeometryRejection {
  code: RejectionCode;
  reason: string;
}

const spanishNames: Record<string, string> = {
  Point: 'un punto',
  MultiPoint: 'un multipunto',
  LineString: 'una línea',
  MultiLineString: 'una multilínea',
  Polygon: 'un polígono',
  MultiPolygon: 'un multipolígono',
  GeometryCollection: 'una colección de geometrías',
};

const layerKinds: Record<GeometryType, string> = {
  Point: 'puntos',
  MultiLineString: 'líneas',
  MultiPolygon: 'polígonos',
  Geometry: 'puntos o polígonos',
};

/** Every position of a geometry, flattened (collections included). */
export function positions(geometry: Geometry): Position[] {
  switch (geometry.type) {
    case 'Point':
      return [geometry.coordinates];
    case 'MultiPoint':
    case 'LineString':
      return geometry.coordinates;
    case 'MultiLineString':
    case 'Polygon':
      return geometry.coordinates.flat();
    case 'MultiPolygon':
      return geometry.coordinates.flat(2);
    case 'GeometryCollection':
      return geometry.geometries.flatMap(positions);
  }
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) && value.length >= 2 && value.every((number) => typeof number === 'number');

/** Checks the nesting of `coordinates` and the point counts GeoJSON requires; null when well formed. */
export function structureProblem(geometry: Geometry): string | null {
  const line = (value: unknown, minimum: number, what: string): string | null => {
    if (!Array.isArray(value) || !value.every(isPosition)) return `${what} con coordenadas mal formadas`;
    if (value.length < minimum) return `${what} con ${value.length} punto(s); se necesitan al menos ${minimum}`;
    return null;
  };
  const ring = (value: unknown): string | null => {
    const problem = line(value, 4, 'anillo de polígono');
    if (problem) return problem;
    const points = value as Position[];
    const [first, last] = [points[0], points[points.length - 1]];
    return first && last && first[0] === last[0] && first[1] === last[1]
      ? null
      : 'anillo de polígono sin cerrar (el último punto no repite el primero)';
  };
  const polygon = (value: unknown): string | null =>
    Array.isArray(value) && value.length > 0 ? (value.map(ring).find(Boolean) ?? null) : 'polígono sin anillos';
  const list = (value: unknown, check: (item: unknown) => string | null): string | null =>
    Array.isArray(value) ? (value.length === 0 ? 'geometría vacía' : (value.map(check).find(Boolean) ?? null)) : 'coordenadas mal formadas';
  const coordinates = (geometry as { coordinates?: unknown }).coordinates;
  switch (geometry.type) {
    case 'Point':
      return isPosition(coordinates) ? null : 'punto con coordenadas mal formadas';
    case 'MultiPoint':
      return list(coordinates, (item) => (isPosition(item) ? null : 'multipunto con coordenadas mal formadas'));
    case 'LineString':
      return line(coordinates, 2, 'línea');
    case 'MultiLineString':
      return list(coordinates, (item) => line(item, 2, 'línea'));
    case 'Polygon':
      return polygon(coordinates);
    case 'MultiPolygon':
      return list(coordinates, polygon);
    case 'GeometryCollection':
      return Array.isArray(geometry.geometries)
        ? (geometry.geometries.map(structureProblem).find(Boolean) ?? null)
        : 'colección mal formada';
    default:
      return `tipo de geometría desconocido «${String((geometry as { type?: unknown }).type)}»`;
  }
}

/** The same geometry with only x and y (the tables are 2D; KML and GPX carry altitude). */
export function force2d(geometry: Geometry): Geometry {
  const flat = (position: Position): Position => [position[0] as number, position[1] as number];
  switch (geometry.type) {
    case 'Point':
      return { type: 'Point', coordinates: flat(geometry.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: geometry.coordinates.map(flat) };
    case 'LineString':
      return { type: 'LineString', coordinates: geometry.coordinates.map(flat) };
    case 'MultiLineString':
      return { type: 'MultiLineString', coordinates: geometry.coordinates.map((line) => line.map(flat)) };
    case 'Polygon':
      return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(flat)) };
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => ring.map(flat))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: geometry.geometries.map(force2d) };
  }
}

/** A collection of one kind (KML MultiGeometry) as the matching Multi* geometry; anything else unchanged. */
function collectionAsMulti(geometry: Geometry): Geometry {
  if (geometry.type !== 'GeometryCollection' || geometry.geometries.length === 0) return geometry;
  const parts = geometry.geometries.map(collectionAsMulti);
  const kinds = new Set(parts.map((part) => part.type.replace(/^Multi/, '')));
  if (kinds.size !== 1) return geometry;
  const pick = <T extends Geometry>(type: string) => parts.filter((part): part is T => part.type === type);
  if (kinds.has('Point')) {
    const coordinates = [
      ...pick<Point>('Point').map((part) => part.coordinates),
      ...pick<MultiPoint>('MultiPoint').flatMap((part) => part.coordinates),
    ];
    return { type: 'MultiPoint', coordinates };
  }
  if (kinds.has('LineString')) {
    const coordinates = [
      ...pick<LineString>('LineString').map((part) => part.coordinates),
      ...pick<MultiLineString>('MultiLineString').flatMap((part) => part.coordinates),
    ];
    return { type: 'MultiLineString', coordinates };
  }
  const coordinates = [
    ...pick<Polygon>('Polygon').map((part) => part.coordinates),
    ...pick<MultiPolygon>('MultiPolygon').flatMap((part) => part.coordinates),
  ];
  return { type: 'MultiPolygon', coordinates };
}

/**
 * Fits a geometry to the layer's type: Polygon into a MultiPolygon layer and
 * LineString into a MultiLineString layer are promoted (in SQL, ST_Multi); a
 * MultiPoint of one point becomes that point; a different kind is refused.
 * Returns the geometry to store and the dimension ST_CollectionExtract keeps.
 */
export function fitToLayer(geometry: Geometry, layerType: GeometryType): { geometry: Geometry; dimension: 1 | 2 | 3 } | GeometryRejection {
  const fitted = collectionAsMulti(geometry);
  const kind = fitted.type.replace(/^Multi/, '');
  if (fitted.type === 'MultiPoint' && (layerType === 'Point' || layerType === 'Geometry')) {
    const [only, ...rest] = fitted.coordinates;
    if (only && rest.length === 0) return { geometry: { type: 'Point', coordinates: only }, dimension: 1 };
    return {
      code: 'wrong_geometry_type',
      reason: `multipunto de ${fitted.coordinates.length} puntos; la capa guarda un punto por elemento (separe los puntos en elementos distintos)`,
    };
  }
  const accepted =
    (layerType === 'Point' && kind === 'Point') ||
    (layerType === 'MultiLineString' && kind === 'LineString') ||
    (layerType === 'MultiPolygon' && kind === 'Polygon') ||
    (layerType === 'Geometry' && (kind === 'Point' || kind === 'Polygon'));
  if (!accepted) {
    return {
      code: 'wrong_geometry_type',
      reason: `es ${spanishNames[geometry.type] ?? geometry.type} y la capa solo admite ${layerKinds[layerType]}`,
    };
  }
  return { geometry: fitted, dimension: kind === 'Point' ? 1 : kind === 'LineString' ? 2 : 3 };
}
