import type { LayerDefinition, PropertyType } from '../catalog/index.ts';

const casts: Record<PropertyType, string> = {
  string: 'text',
  integer: 'integer',
  number: 'double precision',
  date: 'date',
  boolean: 'boolean',
};

/** `(expression)::type` for a property's type. */
export function propertyCast(expression: string, type: PropertyType): string {
  return `(${expression})::${casts[type]}`;
}

/**
 * SQL that turns a GeoJSON geometry expression (json/jsonb) into the layer's
 * storage: EPSG:4326, promoted to Multi* for Multi* layers.
 */
export function geometryExpression(layer: LayerDefinition, geojson: string): string {
  const geometry = `ST_SetSRID(ST_GeomFromGeoJSON(${geojson}), 4326)`;
  return layer.geometryType.startsWith('Multi') ? `ST_Multi(${geometry})` : geometry;
}
