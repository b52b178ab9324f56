import type { SwaggerOptions } from '@fastify/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { apiPageHtml } from './api-page.ts';
import { baseUrl, mediaTypes } from './links.ts';
import { metadataQuerySchema } from './query-schema.ts';
import { errorResponses } from './schemas.ts';

/**
 * Options of @fastify/swagger: the OpenAPI 3.0 document is generated from
 * the route schemas (registered in app.ts before the routes).
 */
export const swaggerOptions: SwaggerOptions = {
  openapi: {
    openapi: '3.0.3',
    info: {
      title: 'SIT Vallenar – OGC API – Features',
      version: '1.0.0',
      description:
        'API del Sistema de Información Territorial de Vallenar (SECPLA). Implementa OGC API – Features Parte 1 (Core, GeoJSON, OpenAPI 3.0) y Parte 2 (CRS por referencia). Las coordenadas se entregan en CRS84 (longitud, latitud) salvo que se pida otro CRS con el parámetro «crs».',
      license: { name: 'Datos: ver la fuente de cada elemento (propiedad «fuente»)' },
    },
    tags: [
      { name: 'Capacidades', description: 'Página de inicio, conformidad y definición de la API' },
      { name: 'Colecciones', description: 'Capas del SIT' },
      { name: 'Elementos', description: 'Elementos (features) de cada capa' },
    ],
  },
};

/** The OpenAPI document as served: the generated one with this request's absolute server URL. */
export function servedDocument(document: object, request: FastifyRequest): Record<string, unknown> {
  return { ...document, servers: [{ url: baseUrl(request), description: 'Este servidor' }] };
}

/**
 * `/api`: the OpenAPI 3.0 definition (service-desc of the landing page);
 * `/api.html`: the same document as a Spanish page for people (service-doc).
 */
export default async function openApiRoutes(app: FastifyInstance) {
  app.get(
    '/api',
    {
      schema: {
        summary: 'Definición de la API (OpenAPI 3.0)',
        description: 'Este documento, generado a partir de los esquemas de las rutas.',
        tags: ['Capacidades'],
        querystring: metadataQuerySchema,
        response: {
          200: {
            description: 'Documento OpenAPI 3.0',
            content: { [mediaTypes.openApi]: { schema: Type.Object({}, { additionalProperties: true }) } },
          },
          400: errorResponses[400],
        },
      },
    },
    // With its charset given, Fastify keeps the media type as written (it would quote version="3.0", which GDAL rejects).
    async (request, reply) =>
      reply.type(`${mediaTypes.openApi}; charset=utf-8`).send(JSON.stringify(servedDocument(app.swagger(), request))),
  );
  // Rendered on the server from the same document, in Spanish, with no script (see api-page.ts for why not Swagger UI).
  app.get('/api.html', { schema: { hide: true } }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(apiPageHtml(servedDocument(app.swagger(), request))),
  );
}
