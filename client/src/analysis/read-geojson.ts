import type { Geometry, Position } from 'geojson';

/** Why an uploaded file gave no geometry (the panel words it). */
export type ReadGeoJsonProblem = 'json' | 'empty' | 'type' | 'mixed' | 'degrees';

export type ReadGeoJsonResult = { geometry: Geometry } | { problem: ReadGeoJsonProblem };

const simpleTypes = ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'];

function positionsOf(value: unknown, into: Position[] = []): Position[] {
  if (Array.isArray(value) && typeof value[0] === 'number') into.push(value as Position);
  else if (Array.isArray(value)) for (const item of value) positionsOf(item, into);
  return into;
}

/** The geometries of a GeoJSON object: a geometry, a Feature or a FeatureCollection. */
function geometriesOf(value: unknown): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  const object = value as { type?: unknown; features?: unknown; geometry?: unknown };
  if (object.type === 'FeatureCollection' && Array.isArray(object.features)) return object.features.flatMap(geometriesOf);
  if (object.type === 'Feature') return object.geometry ? [object.geometry] : [];
  return [value];
}

/**
 * The intervention in an uploaded GeoJSON file (text): its one geometry, or
 * several of the same kind merged into a Multi* geometry. Coordinates must
 * be lon/lat degrees (RFC 7946); metres (UTM) are reported, not guessed.
 */
export function readGeoJson(text: string): ReadGeoJsonResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { problem: 'json' };
  }
  const geometries = geometriesOf(parsed) as Geometry[];
  if (geometries.length === 0) return { problem: 'empty' };
  if (
    !geometries.every(
      (geometry) => simpleTypes.includes(geometry.type) && Array.isArray((geometry as { coordinates?: unknown }).coordinates),
    )
  ) {
    return { problem: 'type' };
  }
  const positions = geometries.flatMap((geometry) => positionsOf((geometry as { coordinates: unknown }).coordinates));
  if (positions.length === 0) return { problem: 'empty' };
  if (positions.some(([longitude, latitude]) => !(Math.abs(longitude ?? NaN) <= 180 && Math.abs(latitude ?? NaN) <= 90))) {
    return { problem: 'degrees' };
  }
  if (geometries.length === 1) return { geometry: geometries[0]! };
  const kind = geometries[0]!.type.replace(/^Multi/, '');
  if (!geometries.every((geometry) => geometry.type.replace(/^Multi/, '') === kind)) return { problem: 'mixed' };
  const parts = geometries.flatMap((geometry) =>
    geometry.type.startsWith('Multi')
      ? (geometry as { coordinates: unknown[] }).coordinates
      : [(geometry as { coordinates: unknown }).coordinates],
  );
  return { geometry: { type: `Multi${kind}`, coordinates: parts } as Geometry };
}
