import type { LayerDefinition, PropertyType } from '../catalog/index.ts';

const jsonTypes: Record<PropertyType, Record<string, string>> = {
  string: { type: 'string' },
  integer: { type: 'integer' },
  number: { type: 'number' },
  date: { type: 'string', format: 'date' },
  boolean: { type: 'boolean' },
};

/**
 * JSON Schema (2020-12) of the `properties` member of a layer's features,
 * from the catalogue: type, title, allowed values and which are never null.
 * The `describedby` link of a collection.
 */
export function propertiesSchema(layer: LayerDefinition, id: string) {
  const properties: Record<string, Record<string, unknown>> = {};
  for (const property of layer.properties) {
    properties[property.name] = {
      title: property.title,
      ...jsonTypes[property.type],
      ...(property.enum ? { enum: [...property.enum] } : {}),
      ...(property.generated ? { readOnly: true } : {}),
      // Lifecycle fields change only through their transitions (POST /microbasurales/{id}/transiciones).
      ...(property.lifecycle ? { readOnly: true, description: 'Cambia solo con las transiciones del ciclo de vida' } : {}),
      ...(property.minimum !== undefined ? { minimum: property.minimum } : {}),
      ...(property.maximum !== undefined ? { maximum: property.maximum } : {}),
      ...(property.type === 'string' && !property.enum ? { maxLength: property.maxLength ?? 2000 } : {}),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: id,
    title: layer.title,
    description: layer.description,
    type: 'object',
    required: layer.properties.filter((property) => property.required).map((property) => property.name),
    properties,
    // Not JSON Schema: what editing forms need to know (geometry types accepted, roles that edit).
    'x-sit-geometria': layer.geometryType === 'Geometry' ? [...(layer.acceptedGeometries ?? [])] : [layer.geometryType],
    'x-sit-edicion': layer.editing
      ? { crear: [...layer.editing.create], modificar: [...layer.editing.update], eliminar: [...layer.editing.delete] }
      : null,
  };
}
