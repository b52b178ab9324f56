import { Type, type TSchema } from 'typebox';
import type { LayerDefinition, PropertyType } from '../catalog/index.ts';

/** A link of OGC API – Common (RFC 8288 in JSON). */
export const Link = Type.Object({
  href: Type.String({ description: 'URL absoluta del recurso enlazado' }),
  rel: Type.String({ description: 'Relación (self, alternate, next, items, …)' }),
  type: Type.Optional(Type.String({ description: 'Tipo de medio del recurso enlazado' })),
  title: Type.Optional(Type.String()),
});

const Links = Type.Array(Link);

export const LandingPage = Type.Object({
  title: Type.String(),
  description: Type.String(),
  links: Links,
});

export const Conformance = Type.Object({ conformsTo: Type.Array(Type.String({ format: 'uri' })) });

/** The error body of every failure (the OGC `exception` schema plus the parameter at fault). */
export const Exception = Type.Object({
  code: Type.String({ description: 'Código estable del error, p. ej. invalid_parameter o not_found' }),
  description: Type.String({ description: 'Descripción para personas (es-CL)' }),
  field: Type.Optional(Type.String({ description: 'Parámetro o campo que causó el error' })),
});

const Extent = Type.Object({
  spatial: Type.Optional(
    Type.Object({
      bbox: Type.Array(Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }), { minItems: 1 }),
      crs: Type.String(),
    }),
  ),
  temporal: Type.Optional(
    Type.Object({
      interval: Type.Array(Type.Array(Type.Union([Type.String({ format: 'date-time' }), Type.Null()]), { minItems: 2, maxItems: 2 }), {
        minItems: 1,
      }),
      trs: Type.String(),
    }),
  ),
});

export const Collection = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  links: Links,
  extent: Type.Optional(Extent),
  itemType: Type.String(),
  crs: Type.Array(Type.String({ format: 'uri' })),
  storageCrs: Type.String({ format: 'uri' }),
});

export const Collections = Type.Object({
  links: Links,
  collections: Type.Array(Collection),
});

const jsonTypes: Record<PropertyType, TSchema> = {
  string: Type.String(),
  integer: Type.Integer(),
  number: Type.Number(),
  date: Type.String({ format: 'date' }),
  boolean: Type.Boolean(),
};

const Geometry = Type.Object(
  {
    type: Type.String({ enum: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] }),
    coordinates: Type.Array(Type.Unknown()),
  },
  { description: 'Geometría GeoJSON en el CRS pedido (CRS84 por omisión)' },
);

/** A GeoJSON Feature of one layer, its properties typed from the catalogue (documentation only). */
export function featureSchema(layer: LayerDefinition) {
  const properties: Record<string, TSchema> = {};
  for (const property of layer.properties) {
    properties[property.name] = Type.Union([jsonTypes[property.type], Type.Null()], { description: property.title });
  }
  return Type.Object({
    type: Type.String({ enum: ['Feature'] }),
    id: Type.Integer(),
    geometry: Type.Union([Geometry, Type.Null()]),
    properties: Type.Object(properties),
    links: Type.Optional(Links),
  });
}

/** A GeoJSON Feature of any layer (documentation only). */
export const anyFeatureSchema = Type.Object({
  type: Type.String({ enum: ['Feature'] }),
  id: Type.Integer(),
  geometry: Type.Union([Geometry, Type.Null()]),
  properties: Type.Record(Type.String(), Type.Unknown(), {
    description: 'Propiedades públicas de la capa (ver /collections/{collectionId}/schema)',
  }),
  links: Type.Optional(Links),
});

/** A page of features of one layer (documentation only: pages are built as text). */
export function featureCollectionSchema(layer: LayerDefinition) {
  return Type.Object({
    type: Type.String({ enum: ['FeatureCollection'] }),
    numberMatched: Type.Optional(
      Type.Integer({ minimum: 0, description: 'Elementos que cumplen el filtro (se omite si contarlos es caro)' }),
    ),
    numberReturned: Type.Integer({ minimum: 0 }),
    timeStamp: Type.String({ format: 'date-time' }),
    links: Links,
    features: Type.Array(featureSchema(layer)),
  });
}

/** A JSON Schema document (the `describedby` schema of a collection's properties; `$schema` and `$id` among the others). */
export const JsonSchemaDocument = Type.Object(
  {
    title: Type.String(),
    description: Type.String(),
    type: Type.String(),
    required: Type.Array(Type.String()),
    properties: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: true },
);

/** The `Content-Crs` response header of GeoJSON answers (OGC API – Features Part 2). */
export const contentCrsHeader = {
  'Content-Crs': Type.String({ description: 'URI del CRS de las coordenadas, entre < y >' }),
};

/** A geo+json response (also served as application/json with `f=json`) with its headers, for the API definition. */
export function geoJsonResponse(description: string, schema: TSchema, headers: Record<string, TSchema> = contentCrsHeader) {
  return {
    description,
    headers,
    content: {
      'application/geo+json': { schema },
      'application/json': { schema },
    },
  };
}

/** The 400/404/500 answers shared by the OGC operations. */
export const errorResponses = {
  400: { ...Exception, description: 'Parámetro inválido o desconocido' },
  404: { ...Exception, description: 'Recurso inexistente' },
  500: { ...Exception, description: 'Error interno' },
};
