import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { baseUrl, mediaTypes, type Link } from './links.ts';
import { Conformance, errorResponses, LandingPage } from './schemas.ts';
import { metadataQuerySchema } from './query-schema.ts';

const conformanceClasses = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
  // Part 4 (draft): editing of the collections whose catalogue entry has `editing` (server/editing).
  ...['create-replace-delete', 'update', 'optimistic-locking-etags', 'features'].map(
    (name) => `http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/${name}`,
  ),
  // Vector tiles (server/tiles).
  ...['core', 'tileset', 'tilesets-list', 'geodata-tilesets', 'dataset-tilesets', 'mvt'].map(
    (name) => `http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/${name}`,
  ),
];

const tags = ['Capacidades'];

/**
 * A browser asks for HTML: `?f=html`, or an Accept header naming text/html
 * without `?f=json`. Query parameters other than `f` are left to the client
 * (deep links of the map), so the landing page does not reject them.
 */
function wantsHtml(format: string | undefined, accept: string | undefined): boolean {
  if (format !== undefined) return format === 'html';
  return (accept ?? '').includes(mediaTypes.html);
}

function landingLinks(base: string): Link[] {
  return [
    { href: `${base}/`, rel: 'self', type: mediaTypes.json, title: 'Esta página' },
    { href: `${base}/?f=html`, rel: 'alternate', type: mediaTypes.html, title: 'Visor del SIT Vallenar' },
    { href: `${base}/api`, rel: 'service-desc', type: mediaTypes.openApi, title: 'Definición de la API (OpenAPI 3.0)' },
    { href: `${base}/api.html`, rel: 'service-doc', type: mediaTypes.html, title: 'Documentación de la API' },
    { href: `${base}/conformance`, rel: 'conformance', type: mediaTypes.json, title: 'Clases de conformidad' },
    { href: `${base}/collections`, rel: 'data', type: mediaTypes.json, title: 'Colecciones de datos' },
    {
      href: `${base}/tiles`,
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector',
      type: mediaTypes.json,
      title: 'Teselas vectoriales del mapa',
    },
    {
      href: `${base}/tileMatrixSets`,
      rel: 'http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes',
      type: mediaTypes.json,
      title: 'Esquemas de teselado',
    },
  ];
}

/** `/` (landing page, or the map client for browsers) and `/conformance`. */
export default async function landingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/',
    {
      schema: {
        summary: 'Página de inicio',
        description:
          'Enlaces a la definición de la API, la conformidad y las colecciones. Un navegador (text/html o f=html) recibe el visor.',
        tags,
        querystring: Type.Object(
          { f: Type.Optional(Type.String({ enum: ['json', 'html'], description: 'Formato: json o html (visor)' })) },
          { additionalProperties: true },
        ),
        response: { 200: LandingPage, 400: errorResponses[400] },
      },
    },
    async (request, reply) => {
      reply.header('Vary', 'Accept');
      if (wantsHtml(request.query.f, request.headers.accept)) return app.sendClient(reply);
      return {
        title: 'SIT Vallenar',
        description:
          'Sistema de Información Territorial de la Municipalidad de Vallenar (SECPLA): capas del territorio, del plan comunal y de contexto según OGC API – Features.',
        links: landingLinks(baseUrl(request)),
      };
    },
  );

  app.get(
    '/conformance',
    {
      schema: {
        summary: 'Clases de conformidad',
        description: 'Clases de conformidad de OGC API – Features que implementa este servicio (Parte 1 y Parte 2).',
        tags,
        querystring: metadataQuerySchema,
        response: { 200: Conformance, 400: errorResponses[400] },
      },
    },
    async () => ({ conformsTo: conformanceClasses }),
  );
}
