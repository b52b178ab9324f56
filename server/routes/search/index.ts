import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { findLayer } from '../../catalog/index.ts';
import { badRequest } from '../../errors.ts';
import { routeValidationError } from '../validation-errors.ts';
import { ErrorBody } from '../plan/schemas.ts';
import { searchTerms } from './normalize.ts';
import { defaultSearchLimit, SearchQuery, SearchResult, type SearchResultBody } from './schemas.ts';
import { searchLayerIds, searchSql } from './search-sql.ts';

interface HitRow {
  capa: string;
  id: number | null;
  codigo: string | null;
  titulo: string;
  subtitulo: string | null;
  geometry: { type: 'Point'; coordinates: number[] } | null;
  bbox: number[] | null;
}

/** The layers named in `capas`, each checked against the searchable ones; absent = all. */
function chosenLayers(capas: string | undefined): string[] {
  if (capas === undefined) return [...searchLayerIds];
  const names = capas
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.find((name) => !searchLayerIds.includes(name));
  if (unknown !== undefined || names.length === 0) {
    throw badRequest(
      'invalid_parameter',
      `El parámetro «capas» admite solo: ${searchLayerIds.join(', ')}${unknown ? `; «${unknown}» no es una de ellas` : ''}.`,
      'capas',
    );
  }
  return names;
}

/** `GET /buscar`: text search over projects, neighbourhood units, heritage, streets and place names. */
export default async function searchRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Ajv errors become Spanish 400 answers naming the parameter, as in the OGC routes.
  app.setSchemaErrorFormatter(routeValidationError);
  app.get(
    '/buscar',
    {
      schema: {
        summary: 'Búsqueda de texto',
        description:
          'Busca en proyectos del PLADECO (nombre, código, descripción), unidades vecinales, patrimonio, calles y toponimia, sin distinguir tildes ni mayúsculas. Entrega GeoJSON con la capa, el título y la extensión de cada resultado.',
        tags: ['Búsqueda'],
        querystring: SearchQuery,
        response: { 200: SearchResult, 400: ErrorBody },
      },
    },
    async (request): Promise<SearchResultBody> => {
      const { q, limit = defaultSearchLimit, capas } = request.query;
      const terms = searchTerms(q);
      if (terms.join('').length < 2) {
        throw badRequest('invalid_parameter', 'Escriba al menos dos letras para buscar.', 'q');
      }
      const layers = chosenLayers(capas);
      const rows = await app.db.query<HitRow>(searchSql(layers), [JSON.stringify(terms), limit]);
      return {
        type: 'FeatureCollection',
        consulta: q,
        numberReturned: rows.length,
        features: rows.map((row) => ({
          type: 'Feature' as const,
          id: row.id === null ? `${row.capa}:${row.titulo}` : `${row.capa}.${row.id}`,
          geometry: row.geometry,
          ...(row.bbox ? { bbox: row.bbox } : {}),
          properties: {
            capa: row.capa,
            capaTitulo: findLayer(row.capa)?.title ?? row.capa,
            titulo: row.titulo,
            subtitulo: row.subtitulo,
            codigo: row.codigo,
            elemento: row.id === null ? null : `/collections/${row.capa}/items/${row.id}`,
          },
        })),
      };
    },
  );
}
