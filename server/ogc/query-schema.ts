import { Type, type TSchema } from 'typebox';
import type { LayerDefinition, LayerProperty, PropertyType } from '../catalog/index.ts';
import { supportedCrsUris } from './crs.ts';

/** Features per page when `limit` is absent. */
export const defaultLimit = 100;
/** Largest page: a larger `limit` is capped to this, not rejected (OGC API – Features /req/core/fc-limit-response-1). */
export const maxLimit = 10_000;

/** Query parameters of every items request; catalogue properties may not take these names. */
export const reservedParameters = ['limit', 'offset', 'bbox', 'bbox-crs', 'datetime', 'crs', 'f'] as const;

const safeInteger = { minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER };

const filterSchemas: Record<PropertyType, (property: LayerProperty) => TSchema> = {
  // PostgreSQL text cannot hold a NUL character: such a value is a 400 here, not a database error.
  string: (property) => Type.String(property.enum ? { enum: [...property.enum] } : { pattern: '^[^\\u0000]*$' }),
  integer: () => Type.Integer(safeInteger),
  number: () => Type.Number(),
  date: () => Type.String({ format: 'date' }),
  boolean: () => Type.Boolean(),
};

/** The catalogue properties of a layer that may be used as `?name=value` equality filters. */
export function filterableProperties(layer: LayerDefinition): LayerProperty[] {
  return layer.properties.filter((property) => property.filterable);
}

function filterParameters(layer: LayerDefinition): Record<string, TSchema> {
  const parameters: Record<string, TSchema> = {};
  for (const property of filterableProperties(layer)) {
    if ((reservedParameters as readonly string[]).includes(property.name)) {
      throw new Error(`La propiedad «${property.name}» de la capa «${layer.id}» usa un nombre reservado de OGC API – Features.`);
    }
    const schema = filterSchemas[property.type](property);
    parameters[property.name] = Type.Optional({ ...schema, description: `Solo elementos cuyo «${property.title}» es igual a este valor.` });
  }
  return parameters;
}

const descriptions = {
  limit: `Número máximo de elementos por página: por omisión ${defaultLimit}; un valor mayor que ${maxLimit.toLocaleString('es-CL')} se reduce a ${maxLimit.toLocaleString('es-CL')}.`,
  offset: 'Cantidad de elementos que se saltan antes de la página (paginación; siga los enlaces «next» y «prev»).',
  bbox: 'Solo elementos cuya geometría intersecta el rectángulo: 4 números (oeste, sur, este, norte; o 6 con alturas) en «bbox-crs», CRS84 por omisión. Si oeste > este, el rectángulo cruza el antimeridiano.',
  bboxCrs: 'CRS de los números de «bbox» (OGC API – Features Parte 2). EPSG:4326 se lee latitud primero.',
  datetime:
    'Solo elementos cuyo intervalo temporal intersecta el valor: una fecha, una fecha y hora RFC 3339 o un intervalo «inicio/fin» con «..» para un extremo abierto. En colecciones sin dimensión temporal se ignora.',
  crs: 'CRS de las coordenadas de la respuesta (OGC API – Features Parte 2); CRS84 por omisión. EPSG:4326 se entrega latitud primero.',
  f: 'Formato: «json» entrega el mismo GeoJSON como application/json.',
};

const format = Type.String({ enum: ['json'], description: descriptions.f });

/**
 * Query string of `/collections/{id}/items` for one layer, as validated by
 * Fastify: the OGC parameters plus an equality filter per filterable
 * property, typed from the catalogue. Anything else is an unknown parameter (400).
 */
export function itemsQuerySchema(layer: LayerDefinition) {
  return Type.Object(
    {
      limit: Type.Optional(Type.Integer({ minimum: 1, default: defaultLimit, description: descriptions.limit })),
      offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, default: 0, description: descriptions.offset })),
      bbox: Type.Optional(Type.String({ description: descriptions.bbox })),
      'bbox-crs': Type.Optional(Type.String({ enum: [...supportedCrsUris], description: descriptions.bboxCrs })),
      datetime: Type.Optional(Type.String({ description: descriptions.datetime })),
      crs: Type.Optional(Type.String({ enum: [...supportedCrsUris], description: descriptions.crs })),
      f: Type.Optional(format),
      ...filterParameters(layer),
    },
    { additionalProperties: false },
  );
}

/**
 * The same query string as the API definition shows it: `bbox` as the array
 * of numbers of the OGC building block and `limit` with its documented
 * maximum, every parameter in `form` style without explode (what the OGC
 * test suite and GDAL read). Only the documentation differs from validation.
 */
export function itemsQueryDocumentation(layer: LayerDefinition) {
  const schema = itemsQuerySchema(layer);
  const { limit } = schema.properties;
  return {
    ...schema,
    style: 'form',
    explode: false,
    properties: {
      ...schema.properties,
      limit: { ...limit, maximum: maxLimit },
      bbox: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' }, description: descriptions.bbox },
      'bbox-crs': { ...schema.properties['bbox-crs'], format: 'uri' },
      crs: { ...schema.properties.crs, format: 'uri' },
    },
  };
}

/** Query string of a single feature: the output CRS and the format. */
export const itemQuerySchema = Type.Object(
  {
    crs: Type.Optional(Type.String({ enum: [...supportedCrsUris], description: descriptions.crs })),
    f: Type.Optional(format),
  },
  { additionalProperties: false },
);

/** Query string of the metadata resources: only `f=json`. */
export const metadataQuerySchema = Type.Object({ f: Type.Optional(format) }, { additionalProperties: false });
