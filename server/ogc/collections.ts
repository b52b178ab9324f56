import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { findLayer, layers, type LayerDefinition } from '../catalog/index.ts';
import { notFound } from '../errors.ts';
import { crs84, supportedCrsUris } from './crs.ts';
import type { LayerStats, LayerStatsCache } from './layer-stats.ts';
import { baseUrl, mediaTypes, type Link } from './links.ts';
import { metadataQuerySchema } from './query-schema.ts';
import { Collection, Collections, errorResponses, JsonSchemaDocument } from './schemas.ts';
import { propertiesSchema } from './properties-schema.ts';

type CollectionBody = Static<typeof Collection>;

const tags = ['Colecciones'];
const gregorian = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';

/** The layer with this collection id, or a 404. */
export function layerOr404(collectionId: string): LayerDefinition {
  const layer = findLayer(collectionId);
  if (!layer)
    throw notFound(`No existe la colección «${collectionId}». Las colecciones disponibles están en /collections.`, 'collectionId');
  return layer;
}

function collectionLinks(base: string, layer: LayerDefinition): Link[] {
  const path = `${base}/collections/${encodeURIComponent(layer.id)}`;
  return [
    { href: path, rel: 'self', type: mediaTypes.json, title: layer.title },
    { href: `${path}/items`, rel: 'items', type: mediaTypes.geoJson, title: `Elementos de «${layer.title}»` },
    { href: `${path}/schema`, rel: 'describedby', type: mediaTypes.jsonSchema, title: 'Esquema de las propiedades' },
    {
      href: `${path}/tiles`,
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector',
      type: mediaTypes.json,
      title: 'Teselas vectoriales',
    },
  ];
}

/** The description of one collection, the same in `/collections` and in `/collections/{id}`. */
export function collectionBody(base: string, layer: LayerDefinition, stats: LayerStats): CollectionBody {
  const extent: CollectionBody['extent'] = {};
  if (stats.bbox) extent.spatial = { bbox: [stats.bbox], crs: crs84 };
  if (stats.interval) extent.temporal = { interval: [stats.interval], trs: gregorian };
  return {
    id: layer.id,
    title: layer.title,
    description: layer.description,
    links: collectionLinks(base, layer),
    ...(stats.bbox || stats.interval ? { extent } : {}),
    itemType: 'feature',
    crs: [...supportedCrsUris],
    storageCrs: crs84,
  };
}

const CollectionParams = Type.Object({
  collectionId: Type.String({ description: `Identificador de la colección: ${layers.map((layer) => layer.id).join(', ')}` }),
});

/** `/collections`, `/collections/{collectionId}` and the JSON Schema of its properties. */
export default async function collectionRoutes(fastify: FastifyInstance, { stats }: { stats: LayerStatsCache }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/collections',
    {
      schema: {
        summary: 'Colecciones',
        description: 'Todas las capas del SIT con su extensión espacial y temporal y los CRS en que se entregan.',
        tags,
        querystring: metadataQuerySchema,
        response: { 200: Collections, 400: errorResponses[400] },
      },
    },
    async (request) => {
      const base = baseUrl(request);
      const all = await stats.get(layers);
      return {
        links: [{ href: `${base}/collections`, rel: 'self', type: mediaTypes.json, title: 'Colecciones' }],
        collections: layers.map((layer) => collectionBody(base, layer, all.get(layer.id) as LayerStats)),
      };
    },
  );

  app.get(
    '/collections/:collectionId',
    {
      schema: {
        summary: 'Una colección',
        description: 'Descripción de una capa: título, extensión, CRS y enlaces a sus elementos y al esquema de sus propiedades.',
        tags,
        params: CollectionParams,
        querystring: metadataQuerySchema,
        response: { 200: Collection, ...errorResponses },
      },
    },
    async (request) => {
      const layer = layerOr404(request.params.collectionId);
      return collectionBody(baseUrl(request), layer, await stats.one(layer));
    },
  );

  app.get(
    '/collections/:collectionId/schema',
    {
      schema: {
        summary: 'Esquema de las propiedades de una colección',
        description: 'JSON Schema de las propiedades de los elementos, con sus tipos, títulos y valores admitidos.',
        tags,
        params: CollectionParams,
        querystring: metadataQuerySchema,
        response: {
          200: { description: 'JSON Schema de las propiedades', content: { [mediaTypes.jsonSchema]: { schema: JsonSchemaDocument } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const layer = layerOr404(request.params.collectionId);
      const id = `${baseUrl(request)}/collections/${encodeURIComponent(layer.id)}/schema`;
      reply.type(mediaTypes.jsonSchema);
      return propertiesSchema(layer, id);
    },
  );
}
