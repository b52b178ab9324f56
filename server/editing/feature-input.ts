import type { Geometry } from 'geojson';
import type { LayerDefinition, LayerProperty } from '../catalog/index.ts';
import { ApiError } from '../errors.ts';
import { textProblem } from './text-policy.ts';

/** A write the SIT refuses: 422 (or 400 when the body is not a Feature at all), naming the field. */
export const invalidFeature = (message: string, field: string, status = 422) => new ApiError(status, 'invalid_feature', message, field);

/** How the body's coordinates are to be read (Content-Crs of OGC API – Features Part 4 + Part 2). */
export interface InputCrs {
  srid: number;
  /** EPSG:4326 is latitude first; the geometry is flipped to lon/lat before it is stored. */
  latitudeFirst: boolean;
  projected: boolean;
  bounds?: readonly [number, number, number, number];
}

export interface FeatureInput {
  geometry: Geometry;
  /** Catalogue properties present in the body, checked and typed; a missing one is absent. */
  properties: Record<string, string | number | boolean | null>;
  /** What was accepted with a change the writer should know about (Polygon stored as MultiPolygon...). */
  notices: string[];
}

const maxPositions = 200_000;
const defaultMaxLength = 2_000;

const depthOf: Record<string, number> = { Point: 1, MultiPoint: 2, LineString: 2, MultiLineString: 3, Polygon: 3, MultiPolygon: 4 };

/** Geometry types each layer accepts, and what they are stored as. */
function acceptedTypes(layer: LayerDefinition): Record<string, string> {
  switch (layer.geometryType) {
    case 'Point':
      return { Point: 'Point' };
    case 'MultiLineString':
      return { LineString: 'MultiLineString', MultiLineString: 'MultiLineString' };
    case 'MultiPolygon':
      return { Polygon: 'MultiPolygon', MultiPolygon: 'MultiPolygon' };
    default:
      return Object.fromEntries((layer.acceptedGeometries ?? Object.keys(depthOf)).map((type) => [type, type]));
  }
}

const typeNames: Record<string, string> = {
  Point: 'punto',
  MultiPoint: 'multipunto',
  LineString: 'línea',
  MultiLineString: 'multilínea',
  Polygon: 'polígono',
  MultiPolygon: 'multipolígono',
};

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function looksLikeUtm(x: number, y: number): boolean {
  return Math.abs(x) > 1_000 && Math.abs(x) < 1_000_000 && Math.abs(y) > 1_000_000 && Math.abs(y) < 10_000_000;
}

/** Checks one position: two or three finite numbers inside the CRS's range. */
function checkPosition(value: unknown, field: string, crs: InputCrs): [number, number] {
  if (!Array.isArray(value) || value.length < 2 || value.length > 3) {
    throw invalidFeature('Cada posición debe ser [x, y] o [x, y, z].', field);
  }
  for (const [index, number] of value.entries()) {
    if (typeof number !== 'number') throw invalidFeature(`La coordenada ${index + 1} no es un número.`, field);
    if (!Number.isFinite(number))
      throw invalidFeature(`La coordenada ${index + 1} no es un número finito (¿NaN, Infinity o 1e400?).`, field);
  }
  const [first, second] = value as number[];
  const [x, y] = crs.latitudeFirst ? [second!, first!] : [first!, second!];
  if (!crs.projected) {
    if (x < -180 || x > 180 || y < -90 || y > 90) {
      throw invalidFeature(
        looksLikeUtm(x, y)
          ? `Las coordenadas (${first}, ${second}) parecen metros UTM, no grados: envíe longitud y latitud WGS 84, o declare el CRS con la cabecera Content-Crs (p. ej. <http://www.opengis.net/def/crs/EPSG/0/32719>).`
          : `Las coordenadas (${first}, ${second}) están fuera del rango de longitud (−180 a 180) y latitud (−90 a 90).`,
        field,
      );
    }
  } else if (crs.bounds) {
    const [minX, minY, maxX, maxY] = crs.bounds;
    if (x < minX || x > maxX || y < minY || y > maxY) {
      throw invalidFeature(`Las coordenadas (${first}, ${second}) están fuera del área de uso de EPSG:${crs.srid}.`, field);
    }
  }
  return [x, y];
}

/** Checks the coordinate arrays of a geometry level by level (never recursing into the body). */
function checkCoordinates(type: string, coordinates: unknown, crs: InputCrs): number {
  let positions = 0;
  const samePosition = (a: [number, number], b: [number, number]) => a[0] === b[0] && a[1] === b[1];
  const line = (value: unknown, field: string, ring: boolean) => {
    if (!Array.isArray(value)) throw invalidFeature('Se esperaba una lista de posiciones.', field);
    const points = value.map((position, index) => checkPosition(position, `${field}.${index}`, crs));
    positions += points.length;
    if (positions > maxPositions) throw invalidFeature(`La geometría tiene más de ${maxPositions} vértices.`, 'geometry.coordinates', 413);
    if (ring) {
      if (points.length < 4) throw invalidFeature('Un anillo de polígono necesita al menos 4 posiciones (3 vértices y el cierre).', field);
      if (!samePosition(points[0]!, points.at(-1)!)) {
        throw invalidFeature('El anillo del polígono no está cerrado: la última posición debe repetir la primera.', field);
      }
      if (new Set(points.map((point) => point.join(','))).size < 3)
        throw invalidFeature('El anillo del polígono no encierra un área.', field);
    } else {
      if (points.length < 2) throw invalidFeature('Una línea necesita al menos dos posiciones.', field);
      if (points.every((point) => samePosition(point, points[0]!)))
        throw invalidFeature('Una línea necesita dos posiciones distintas.', field);
    }
  };
  const list = (value: unknown, field: string): unknown[] => {
    if (!Array.isArray(value) || value.length === 0) throw invalidFeature('Se esperaba una lista no vacía.', field);
    return value;
  };
  const field = 'geometry.coordinates';
  switch (type) {
    case 'Point':
      checkPosition(coordinates, field, crs);
      return 1;
    case 'MultiPoint':
      list(coordinates, field).forEach((position, index) => checkPosition(position, `${field}.${index}`, crs));
      return (coordinates as unknown[]).length;
    case 'LineString':
      line(coordinates, field, false);
      break;
    case 'MultiLineString':
      list(coordinates, field).forEach((part, index) => line(part, `${field}.${index}`, false));
      break;
    case 'Polygon':
      list(coordinates, field).forEach((ring, index) => line(ring, `${field}.${index}`, true));
      break;
    case 'MultiPolygon':
      list(coordinates, field).forEach((polygon, index) =>
        list(polygon, `${field}.${index}`).forEach((ring, ringIndex) => line(ring, `${field}.${index}.${ringIndex}`, true)),
      );
      break;
  }
  return positions;
}

/** Checks a GeoJSON geometry for the layer: structure, finite coordinates in range, type, closed rings. */
export function readGeometry(layer: LayerDefinition, value: unknown, crs: InputCrs, notices: string[]): Geometry {
  if (!isObject(value)) throw invalidFeature('Falta la geometría (un objeto GeoJSON con type y coordinates).', 'geometry');
  const type = value.type;
  if (typeof type !== 'string' || !(type in depthOf)) {
    throw invalidFeature(
      type === 'GeometryCollection'
        ? 'Las colecciones de geometrías no se aceptan; envíe un solo tipo de geometría.'
        : `Tipo de geometría desconocido: «${String(type)}».`,
      'geometry.type',
    );
  }
  const accepted = acceptedTypes(layer);
  const storedAs = accepted[type];
  if (!storedAs) {
    const names = Object.keys(accepted).map((name) => typeNames[name]);
    throw invalidFeature(`La capa «${layer.title}» guarda ${names.join(' o ')}; se recibió un ${typeNames[type]}.`, 'geometry.type');
  }
  checkCoordinates(type, value.coordinates, crs);
  if (storedAs !== type) notices.push(`La geometría (${typeNames[type]}) se guarda como ${typeNames[storedAs]}, el tipo de la capa.`);
  return { type, coordinates: value.coordinates } as Geometry;
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** One property value checked against its catalogue entry; '' counts as empty (null). */
export function readProperty(property: LayerProperty, raw: unknown): string | number | boolean | null {
  const field = `properties.${property.name}`;
  const label = `El campo «${property.title}»`;
  const value = raw === '' ? null : raw;
  if (value === null || value === undefined) {
    if (property.required) throw invalidFeature(`${label} es obligatorio.`, field);
    return null;
  }
  switch (property.type) {
    case 'string': {
      if (typeof value !== 'string') throw invalidFeature(`${label} debe ser texto.`, field);
      const max = property.maxLength ?? defaultMaxLength;
      if (value.length > max) throw invalidFeature(`${label} supera ${max} caracteres.`, field);
      if (property.required && value.trim() === '') throw invalidFeature(`${label} es obligatorio.`, field);
      const problem = textProblem(value);
      if (problem) throw invalidFeature(`${label} ${problem}.`, field);
      if (property.enum && !property.enum.includes(value)) {
        throw invalidFeature(`${label} debe ser uno de: ${property.enum.join(', ')}.`, field);
      }
      return value;
    }
    case 'integer':
    case 'number': {
      if (typeof value !== 'number') throw invalidFeature(`${label} debe ser un número.`, field);
      if (!Number.isFinite(value)) throw invalidFeature(`${label} debe ser un número finito.`, field);
      if (property.type === 'integer' && !Number.isSafeInteger(value)) throw invalidFeature(`${label} debe ser un número entero.`, field);
      if (property.minimum !== undefined && value < property.minimum)
        throw invalidFeature(`${label} no puede ser menor que ${property.minimum}.`, field);
      if (property.maximum !== undefined && value > property.maximum)
        throw invalidFeature(`${label} no puede ser mayor que ${property.maximum}.`, field);
      return value;
    }
    case 'date':
      if (typeof value !== 'string' || !isCalendarDate(value)) throw invalidFeature(`${label} debe ser una fecha AAAA-MM-DD.`, field);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw invalidFeature(`${label} debe ser verdadero o falso.`, field);
      return value;
  }
}

/**
 * Reads a Feature body for `layer`: the whole write is checked before any
 * SQL runs. Unknown and computed properties are refused (never dropped
 * silently); with `complete`, every required property must be present.
 */
export function readFeature(
  layer: LayerDefinition,
  body: unknown,
  crs: InputCrs,
  complete: boolean,
  /** The stored properties on a replace or patch; absent on create. */
  current?: Record<string, unknown>,
): FeatureInput {
  if (!isObject(body) || body.type !== 'Feature') {
    throw invalidFeature('El cuerpo debe ser un GeoJSON Feature ({"type": "Feature", "geometry": …, "properties": …}).', 'type', 400);
  }
  const notices: string[] = [];
  const geometry = readGeometry(layer, body.geometry, crs, notices);
  const rawProperties = body.properties ?? {};
  if (!isObject(rawProperties)) throw invalidFeature('«properties» debe ser un objeto.', 'properties');
  const properties: FeatureInput['properties'] = {};
  for (const [name, value] of Object.entries(rawProperties)) {
    const property = layer.properties.find((candidate) => candidate.name === name);
    if (!property) throw invalidFeature(`La capa «${layer.title}» no tiene el campo «${name}».`, `properties.${name}`);
    if (property.generated)
      throw invalidFeature(`El campo «${property.title}» lo calcula la base de datos; no se escribe.`, `properties.${name}`);
    if (property.lifecycle) {
      // Lifecycle fields are never written here: repeating the stored (or initial) value is fine, changing it is not.
      const expected = current ? (current[name] ?? null) : property.lifecycle.initial;
      if ((value === '' ? null : (value ?? null)) !== expected) {
        throw invalidFeature(
          `El campo «${property.title}» cambia solo con el ciclo de vida (POST /microbasurales/{id}/transiciones), no con una edición.`,
          `properties.${name}`,
        );
      }
      continue;
    }
    properties[name] = readProperty(property, value);
  }
  if (complete) {
    for (const property of layer.properties) {
      if (property.required && !property.generated && !property.lifecycle && (properties[property.name] ?? null) === null) {
        throw invalidFeature(`El campo «${property.title}» es obligatorio.`, `properties.${property.name}`);
      }
    }
  }
  return { geometry, properties, notices };
}

/**
 * JSON Merge Patch (RFC 7396) of a stored feature: members set to null are
 * removed, objects merge one level deep (properties), the geometry is
 * replaced whole. The merged feature is then checked like a PUT.
 */
export function mergePatch(current: { geometry: unknown; properties: Record<string, unknown> }, patch: unknown): unknown {
  if (!isObject(patch)) throw invalidFeature('El parche debe ser un objeto JSON (JSON Merge Patch).', 'type', 400);
  const properties: Record<string, unknown> = { ...current.properties };
  if ('properties' in patch) {
    if (!isObject(patch.properties)) throw invalidFeature('«properties» debe ser un objeto.', 'properties');
    for (const [name, value] of Object.entries(patch.properties)) {
      properties[name] = value;
    }
  }
  const geometry = 'geometry' in patch ? patch.geometry : current.geometry;
  return { type: 'Feature', geometry, properties };
}
