import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findLayer, findProperty, layers } from '../catalog/index.ts';
import { badRequest, notFound } from '../errors.ts';
import { quoteIdent } from '../db/sql.ts';
import { featureJson } from './feature-sql.ts';

const wantsHtml = (accept: string | undefined, format: unknown) =>
  format === 'html' || (format === undefined && !!accept && accept.includes('text/html'));

/** OGC API – Features: landing page, collections and items, from the layer catalogue. */
export default async function ogcRoutes(app: FastifyInstance) {
  app.get('/', async (request, reply) => {
    const query = request.query as { f?: string };
    if (wantsHtml(request.headers.accept, query.f)) return app.sendClient(reply);
    return {
      title: 'SIT Vallenar',
      description: 'Sistema de Información Territorial de la Municipalidad de Vallenar (SECPLA).',
      links: [
        { href: '/', rel: 'self', type: 'application/json', title: 'Esta página' },
        { href: '/conformance', rel: 'conformance', type: 'application/json', title: 'Clases de conformidad' },
        { href: '/collections', rel: 'data', type: 'application/json', title: 'Colecciones' },
      ],
    };
  });

  app.get('/collections', async () => ({
    links: [{ href: '/collections', rel: 'self', type: 'application/json' }],
    collections: layers.map((layer) => ({
      id: layer.id,
      title: layer.title,
      description: layer.description,
      links: [{ href: `/collections/${layer.id}/items`, rel: 'items', type: 'application/geo+json' }],
    })),
  }));

  app.get(
    '/collections/:collectionId/items',
    {
      schema: {
        params: Type.Object({ collectionId: Type.String() }),
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) },
          { additionalProperties: Type.String() },
        ),
      },
    },
    async (request, reply) => {
      const { collectionId } = request.params as { collectionId: string };
      const layer = findLayer(collectionId);
      if (!layer) throw notFound(`No existe la colección «${collectionId}».`, 'collectionId');
      const { limit = 100, offset = 0, ...filters } = request.query as Record<string, string> & { limit?: number; offset?: number };
      const where: string[] = [];
      const params: unknown[] = [];
      for (const [name, value] of Object.entries(filters)) {
        if (name === 'f') continue;
        const property = findProperty(layer, name);
        if (!property?.filterable) throw badRequest('invalid_parameter', `Parámetro desconocido «${name}».`, name);
        params.push(value);
        where.push(`t.${quoteIdent(property.name)}::text = $${params.length}`);
      }
      params.push(Math.min(limit, 10_000), offset);
      const rows = await app.db.query<{ feature: unknown }>(
        `select ${featureJson(layer)} as feature from ${quoteIdent(layer.table)} t
         ${where.length ? `where ${where.join(' and ')}` : ''}
         order by t.${quoteIdent(layer.idColumn)} limit $${params.length - 1} offset $${params.length}`,
        params,
      );
      reply.type('application/geo+json');
      return { type: 'FeatureCollection', numberReturned: rows.length, features: rows.map((row) => row.feature) };
    },
  );
}
