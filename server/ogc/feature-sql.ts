import type { LayerDefinition } from '../catalog/index.ts';
import { quoteIdent } from '../db/sql.ts';
import { defaultCrs, geometryInCrs, type SupportedCrs } from './crs.ts';

/** Decimal digits kept in served CRS84 coordinates: 7 digits of a degree is about 1 cm. */
export const coordinateDigits = defaultCrs.digits;

/** An SQL string literal for a catalogue name (catalogue names only; they are plain identifiers). */
export function nameLiteral(name: string): string {
  return `'${name.replaceAll("'", "''")}'`;
}

/** `t."column"`: a column of the row aliased `t`, quoted. */
export function column(name: string): string {
  return `t.${quoteIdent(name)}`;
}

/**
 * JSON text of a property value. Numbers of `number` properties always carry
 * a decimal point (12 → 12.0): clients that guess field types from the first
 * page, as GDAL does, then read them as reals and do not truncate 12.5 later.
 */
function valueText(layer: LayerDefinition, name: string): string {
  const property = layer.properties.find((candidate) => candidate.name === name);
  const value = column(name);
  if (property?.type !== 'number') return `coalesce(to_json(${value})::text, 'null')`;
  const number = `(${value})::double precision`;
  return `coalesce(case when ${number} = trunc(${number}) and abs(${number}) < 1e15
      then trunc(${number})::bigint::text || '.0' else to_json(${number})::text end, 'null')`;
}

/**
 * SQL expression building the text of one GeoJSON Feature from a row aliased
 * `t`, with the catalogue's public properties only, in catalogue order, and
 * the geometry in `crs` (axis order included). Built as text by
 * concatenation: the geometry from ST_AsGeoJSON is never re-parsed as JSON,
 * neither in PostgreSQL nor in Node. Option 0 of ST_AsGeoJSON keeps a `crs`
 * member out of the geometry: the CRS travels in the Content-Crs header.
 */
export function featureText(layer: LayerDefinition, crs: SupportedCrs = defaultCrs): string {
  const properties = layer.properties
    .map(
      (property, index) => `${nameLiteral(`${index ? ',' : ''}${JSON.stringify(property.name)}:`)} || ${valueText(layer, property.name)}`,
    )
    .join('\n    || ');
  const geometry = geometryInCrs(column(layer.geometryColumn), crs);
  return `('{"type":"Feature","id":' || to_json(${column(layer.idColumn)})::text
    || ',"geometry":' || coalesce(ST_AsGeoJSON(${geometry}, ${Number(crs.digits)}, 0), 'null')
    || ',"properties":{' || ${properties || "''"} || '}}')`;
}
