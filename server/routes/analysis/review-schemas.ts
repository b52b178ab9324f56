import { Type, type Static } from 'typebox';
import { maxMapDataUrlLength } from '../../analysis/prc-reviews.ts';
import { PrcReviewBody } from './schemas.ts';

export const ReviewCreateRequest = Type.Object({
  titulo: Type.String({ minLength: 1, maxLength: 200, description: 'Nombre de la intervención revisada' }),
  geometry: Type.Optional(Type.Unknown({ description: 'Geometría GeoJSON en EPSG:4326; o bien proyecto' })),
  proyecto: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Código de un proyecto del PLADECO con ubicación' })),
  distancia_patrimonio: Type.Optional(Type.Number({ default: 50, description: 'Distancia (m, 0–5000) para el patrimonio cercano' })),
  mapa_png: Type.Optional(
    Type.String({ maxLength: maxMapDataUrlLength, description: 'Imagen del mapa: PNG como URL de datos, hasta 2 MB' }),
  ),
});
export type ReviewCreateRequestType = Static<typeof ReviewCreateRequest>;

export const ReviewParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

const ReviewSummary = Type.Object({
  id: Type.Integer(),
  titulo: Type.String(),
  proyecto: Type.Union([Type.String(), Type.Null()]),
  autor: Type.String(),
  creado_en: Type.String({ description: 'Fecha y hora ISO 8601' }),
  tiene_mapa: Type.Boolean(),
});

export const ReviewBody = Type.Object({
  ...ReviewSummary.properties,
  geometry: Type.Unknown({ description: 'Geometría revisada (GeoJSON, EPSG:4326)' }),
  area_m2: Type.Number(),
  longitud_m: Type.Number(),
  hallazgos: PrcReviewBody,
  informe: Type.String({ description: 'URL del informe imprimible' }),
});

export const ReviewListBody = Type.Object({ revisiones: Type.Array(Type.Object({ ...ReviewSummary.properties, informe: Type.String() })) });
