import path from 'node:path';
import type { Geometry } from 'geojson';
import { sridFromCrsMember } from '../crs.ts';
import { ImportError } from '../errors.ts';
import type { ReadOptions, SourceData, SourceFeature } from '../types.ts';
import { decodeText, lineAndColumn } from './text.ts';

const geometryTypes = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

type Json = Record<string, unknown>;

/** JSON.parse with a Spanish reason that tells a file cut short from a file written wrong. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? text.length);
    const truncated = /end of JSON input|Unterminated string/i.test(message) || offset >= text.trimEnd().length;
    const { line, column } = lineAndColumn(text, offset);
    if (truncated) {
      throw new ImportError(
        'truncated_file',
        `El archivo «${path.basename(file)}» está incompleto: el JSON termina antes de cerrarse (línea ${line}). ` +
          'Probablemente la copia o descarga se cortó; vuelva a obtener el archivo completo.',
      );
    }
    throw new ImportError('malformed_file', `El archivo «${path.basename(file)}» no es JSON válido (línea ${line}, columna ${column}).`);
  }
}

function toFeature(value: unknown, number: number): SourceFeature {
  const feature = value as Json | null;
  if (!feature || feature.type !== 'Feature') {
    throw new ImportError('malformed_file', `El elemento ${number} de «features» no es un Feature de GeoJSON.`);
  }
  if (feature.crs !== undefined) {
    throw new ImportError(
      'crs_unsupported',
      `El elemento ${number} trae su propio miembro «crs»; no se admiten sistemas de referencia por elemento. Exporte el archivo en un solo sistema.`,
    );
  }
  const properties = feature.properties && typeof feature.properties === 'object' ? (feature.properties as Json) : {};
  const geometry = feature.geometry ?? null;
  return { number, geometry: geometry as Geometry | null, properties: { ...properties } };
}

/**
 * Reads a GeoJSON file: a FeatureCollection, one Feature or a bare geometry.
 * RFC 7946 coordinates are lon/lat in EPSG:4326; a legacy `crs` member is
 * honoured when it names an EPSG code, and refused otherwise.
 */
export function readGeoJson(bytes: Uint8Array, file: string, options: ReadOptions): SourceData {
  const { text, encoding } = decodeText(bytes, options.encoding, path.basename(file));
  if (text.trim() === '') throw new ImportError('empty_file', `El archivo «${path.basename(file)}» no tiene contenido.`);
  const root = parseJson(text, file) as Json | null;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    throw new ImportError('malformed_file', `«${path.basename(file)}» no es un objeto GeoJSON.`);
  }
  const notes: string[] = [];
  if (encoding.origin === 'detected') {
    notes.push('El archivo no está en UTF-8 como exige RFC 7946; se leyó como windows-1252 (Latin-1).');
  }
  let features: SourceFeature[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) throw new ImportError('malformed_file', 'La FeatureCollection no tiene una lista «features».');
    features = root.features.map((feature, index) => toFeature(feature, index + 1));
  } else if (root.type === 'Feature') {
    features = [toFeature(root, 1)];
  } else if (typeof root.type === 'string' && geometryTypes.has(root.type)) {
    features = [{ number: 1, geometry: root as unknown as Geometry, properties: {} }];
  } else {
    throw new ImportError(
      'malformed_file',
      `«${path.basename(file)}» no es GeoJSON: falta «type» o su valor (${String(root.type)}) no es válido.`,
    );
  }
  if (root.crs !== undefined && root.crs !== null) {
    const srid = sridFromCrsMember(root.crs);
    notes.push(
      `El archivo trae un miembro «crs» (GeoJSON de 2008, eliminado en RFC 7946) que declara EPSG:${srid}; se respetó esa declaración.`,
    );
    return { format: 'geojson', features, declaredSrid: srid, crsOrigin: 'crs-member', encoding, notes };
  }
  return { format: 'geojson', features, declaredSrid: 4326, crsOrigin: 'rfc7946', encoding, notes };
}
