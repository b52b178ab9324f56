import { Type, type Static } from 'typebox';

export const defaultSearchLimit = 20;
export const maxSearchLimit = 100;

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Texto buscado; sin distinguir tildes ni mayúsculas. Cada palabra debe aparecer.',
    }),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: maxSearchLimit, default: defaultSearchLimit, description: 'Número máximo de resultados' }),
    ),
    capas: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'Capas donde buscar, separadas por comas (por omisión: proyectos, unidades_vecinales, patrimonio, calles, toponimia)',
      }),
    ),
  },
  { additionalProperties: false },
);

export type SearchQueryType = Static<typeof SearchQuery>;

const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });

export const SearchHit = Type.Object({
  type: Type.Literal('Feature'),
  id: Type.String({ description: 'capa.id del elemento, o capa:titulo si agrupa varios' }),
  geometry: Type.Union([Type.Object({ type: Type.Literal('Point'), coordinates: Position }), Type.Null()], {
    description: 'Un punto representativo sobre el elemento; null si no tiene ubicación',
  }),
  bbox: Type.Optional(Type.Array(Type.Number(), { minItems: 4, maxItems: 4, description: 'Extensión del elemento (CRS84)' })),
  properties: Type.Object({
    capa: Type.String({ description: 'Identificador de la colección' }),
    capaTitulo: Type.String(),
    titulo: Type.String(),
    subtitulo: Type.Union([Type.String(), Type.Null()]),
    codigo: Type.Union([Type.String(), Type.Null()], { description: 'Código estable (proyectos, unidades vecinales)' }),
    elemento: Type.Union([Type.String(), Type.Null()], { description: 'Ruta del elemento en OGC API – Features' }),
  }),
});

export const SearchResult = Type.Object({
  type: Type.Literal('FeatureCollection'),
  consulta: Type.String(),
  numberReturned: Type.Integer(),
  features: Type.Array(SearchHit),
});

export type SearchResultBody = Static<typeof SearchResult>;
