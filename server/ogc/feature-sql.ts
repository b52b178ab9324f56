import type { LayerDefinition } from '../catalog/index.ts';
import { quoteIdent } from '../db/sql.ts';

/** Decimal digits kept in served coordinates: 7 digits of a degree is about 1 cm. */
export const coordinateDigits = 7;

/**
 * SQL expression building one GeoJSON Feature (jsonb) from a row aliased `t`,
 * with the catalogue's public properties only. `geometrySql` lets callers
 * transform the geometry (other CRS).
 */
export function featureJson(layer: LayerDefinition, geometrySql = `t.${quoteIdent(layer.geometryColumn)}`): string {
  const properties = layer.properties.map((property) => `'${property.name}', t.${quoteIdent(property.name)}`).join(', ');
  return `jsonb_build_object(
    'type', 'Feature',
    'id', t.${quoteIdent(layer.idColumn)},
    'geometry', ST_AsGeoJSON(${geometrySql}, ${coordinateDigits})::jsonb,
    'properties', jsonb_build_object(${properties})
  )`;
}
