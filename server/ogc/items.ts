import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { layers, type LayerDefinition } from '../catalog/index.ts';
import { notFound } from '../errors.ts';
import { parseBbox } from './bbox.ts';
import { contentCrs, crs84, defaultCrs, findCrs, type SupportedCrs } from './crs.ts';
import { parseDatetime } from './datetime.ts';
import { etagListed, etagOf } from '../editing/feature-version.ts';
import { buildWhere, countCap, featureSql, pageSql, type ItemsSelection, type PageRow } from './items-sql.ts';
import { layerOr404 } from './collections.ts';
import type { LayerStatsCache } from './layer-stats.ts';
import { baseUrl, href, mediaTypes, requestParameters } from './links.ts';
import { answerTypes, pageLinks } from './paging.ts';
import {
  defaultLimit,
  filterableProperties,
  itemQuerySchema,
  itemsQueryDocumentation,
  itemsQuerySchema,
  maxLimit,
} from './query-schema.ts';
import { anyFeatureSchema, errorResponses, featureCollectionSchema, geoJsonResponse } from './schemas.ts';

const tags = ['Elementos'];

interface ItemsQuery {
  limit?: number;
  offset?: number;
  bbox?: string;
  'bbox-crs'?: string;
  datetime?: string;
  crs?: string;
  f?: string;
  [filter: string]: unknown;
}

function crsOf(uri: string | undefined): SupportedCrs {
  return (uri && findCrs(uri)) || defaultCrs;
}

/** The filters of an items query, parsed; bad values throw 400 ApiErrors. */
function selectionOf(layer: LayerDefinition, query: ItemsQuery): ItemsSelection {
  const equals = new Map<string, unknown>();
  for (const property of filterableProperties(layer)) {
    if (query[property.name] !== undefined) equals.set(property.name, query[property.name]);
  }
  return {
    equals,
    ...(query.bbox !== undefined ? { bbox: parseBbox(query.bbox, crsOf(query['bbox-crs'])) } : {}),
    // Parsed (and so validated) on every layer; only layers with a temporal dimension are filtered by it.
    ...(query.datetime !== undefined ? { datetime: parseDatetime(query.datetime) } : {}),
  };
}

/** Sends GeoJSON text as is: the features were built in SQL and are never parsed here. */
function sendGeoJson(reply: FastifyReply, parameters: URLSearchParams, crs: SupportedCrs, text: string) {
  return reply.type(answerTypes(parameters).own).header('Content-Crs', contentCrs(crs)).send(text);
}

async function itemsHandler(
  app: FastifyInstance,
  stats: LayerStatsCache,
  layer: LayerDefinition,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const query = request.query as ItemsQuery;
  const crs = crsOf(query.crs);
  const limit = Math.min(query.limit ?? defaultLimit, maxLimit);
  const offset = query.offset ?? 0;
  const where = buildWhere(layer, selectionOf(layer, query));
  const { text, params } = pageSql(layer, where, crs, limit, offset);
  const [row] = await app.db.query<PageRow>(text, params, { prepared: true });
  const returned = row?.returned ?? 0;
  // numberMatched, by the rule documented at `countCap`.
  let matched: number | undefined = row && row.matched <= countCap ? row.matched : undefined;
  if (matched === undefined && where.unfiltered) matched = (await stats.one(layer)).count;
  const hasNext = matched !== undefined ? offset + returned < matched : returned === limit;
  const parameters = requestParameters(request);
  const head = {
    type: 'FeatureCollection',
    ...(matched !== undefined ? { numberMatched: matched } : {}),
    numberReturned: returned,
    timeStamp: new Date().toISOString(),
    links: pageLinks({
      base: baseUrl(request),
      path: `/collections/${encodeURIComponent(layer.id)}/items`,
      parameters,
      limit,
      offset,
      returned,
      hasNext,
      collectionTitle: layer.title,
    }),
  };
  const body = `${JSON.stringify(head).slice(0, -1)},"features":[${row?.features ?? ''}]}`;
  return sendGeoJson(reply, parameters, crs, body);
}

/** Feature ids are serial integers; anything else names no feature. */
const featureIdPattern = /^(0|[1-9]\d{0,15})$/;

async function itemHandler(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const { collectionId, featureId } = request.params as { collectionId: string; featureId: string };
  const layer = layerOr404(collectionId);
  const query = request.query as { crs?: string };
  const crs = crsOf(query.crs);
  const missing = () => notFound(`No existe el elemento «${featureId}» en la colección «${layer.id}».`, 'featureId');
  if (!featureIdPattern.test(featureId)) throw missing();
  const [row] = await app.db.query<{ feature: string; version: string }>(featureSql(layer, crs), [featureId]);
  if (!row) throw missing();
  const etag = etagOf(row.version);
  reply.header('ETag', etag);
  if (etagListed(request.headers['if-none-match'], etag)) return reply.status(304).send();
  const base = baseUrl(request);
  const path = `/collections/${encodeURIComponent(layer.id)}`;
  const parameters = requestParameters(request);
  const types = answerTypes(parameters);
  const links = [
    { href: href(base, `${path}/items/${featureId}`, parameters), rel: 'self', type: types.own, title: 'Este elemento' },
    {
      href: href(base, `${path}/items/${featureId}`, types.otherParameters),
      rel: 'alternate',
      type: types.other,
      title: 'Este elemento en otro formato',
    },
    { href: `${base}${path}`, rel: 'collection', type: mediaTypes.json, title: layer.title },
  ];
  return sendGeoJson(reply, parameters, crs, `${row.feature.slice(0, -1)},"links":${JSON.stringify(links)}}`);
}

/**
 * `/collections/{id}/items`, one route per catalogue layer so that the API
 * definition lists each layer's own filters (GDAL reads them there to filter
 * on the server), and `/collections/{id}/items/{featureId}`.
 */
export default async function itemRoutes(fastify: FastifyInstance, { stats }: { stats: LayerStatsCache }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  for (const layer of layers) {
    const documentedQuery = itemsQueryDocumentation(layer);
    app.get(`/collections/${layer.id}/items`, {
      schema: {
        summary: `Elementos de «${layer.title}»`,
        description: `${layer.description} Paginado con limit/offset y enlaces next/prev; filtros por bbox, datetime y propiedades; coordenadas en el CRS pedido (${crs84} por omisión).`,
        tags,
        querystring: itemsQuerySchema(layer),
        response: {
          200: geoJsonResponse('Página de elementos (GeoJSON FeatureCollection)', featureCollectionSchema(layer)),
          ...errorResponses,
        },
      },
      config: { swaggerTransform: ({ schema, url }) => ({ schema: { ...schema, querystring: documentedQuery }, url }) },
      handler: (request, reply) => itemsHandler(app, stats, layer, request, reply),
    });
  }

  // Any other collection id: a 404 naming the collection (hidden from the API definition).
  app.get('/collections/:collectionId/items', { schema: { hide: true } }, async (request) => {
    const { collectionId } = request.params as { collectionId: string };
    layerOr404(collectionId);
    throw notFound(`No existe la colección «${collectionId}».`, 'collectionId');
  });

  app.get('/collections/:collectionId/items/:featureId', {
    schema: {
      summary: 'Un elemento',
      description: 'Un elemento de una colección por su identificador, con su ETag; coordenadas en el CRS pedido.',
      tags,
      params: Type.Object({
        collectionId: Type.String({ description: 'Identificador de la colección' }),
        featureId: Type.String({ description: 'Identificador (entero) del elemento' }),
      }),
      querystring: itemQuerySchema,
      response: {
        200: geoJsonResponse('Un elemento (GeoJSON Feature)', anyFeatureSchema, {
          'Content-Crs': Type.String({ description: 'URI del CRS de las coordenadas, entre < y >' }),
          ETag: Type.String({ description: 'Versión del elemento guardado; envíela en If-Match al modificarlo o eliminarlo' }),
        }),
        304: { type: 'null', description: 'No modificado (If-None-Match)' },
        ...errorResponses,
      },
    },
    handler: (request, reply) => itemHandler(app, request, reply),
  });
}
