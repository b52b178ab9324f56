import type { PrcFindings } from './prc-review.ts';

/** Largest map image a stored review keeps: 2 MiB of PNG. */
export const maxMapBytes = 2 * 1024 * 1024;
export const pngDataUrlPrefix = 'data:image/png;base64,';
/** Base64 length of {@link maxMapBytes} plus the prefix: the longest accepted data URL. */
export const maxMapDataUrlLength = pngDataUrlPrefix.length + Math.ceil(maxMapBytes / 3) * 4;

/** A stored Plan Regulador review without its map image (lists, JSON). */
export interface StoredReview {
  id: number;
  titulo: string;
  proyecto: string | null;
  autor: string;
  /** ISO 8601 instant. */
  creado_en: string;
  geometry: { type: string; coordinates: unknown };
  /** Area (m²) and length (m) of the geometry in UTM 19S; 0 when it has none. */
  area_m2: number;
  longitud_m: number;
  hallazgos: PrcFindings;
  tiene_mapa: boolean;
}

const reviewColumns = `r.id, r.titulo, r.proyecto, r.autor, to_json(r.creado_en) #>> '{}' as creado_en,
  ST_AsGeoJSON(r.geom, 9)::json as geometry,
  round(ST_Area(ST_Transform(r.geom, 32719))::numeric, 2)::float8 as area_m2,
  round(ST_Length(ST_Transform(r.geom, 32719))::numeric, 2)::float8 as longitud_m,
  r.hallazgos, r.mapa_png is not null as tiene_mapa`;

/** Inserts a review: $1 titulo, $2 geometry (GeoJSON text, EPSG:4326), $3 hallazgos (JSON text), $4 map data URL, $5 proyecto, $6 author id, $7 author name. */
export const insertReviewSql = `insert into revisiones_prc (titulo, geom, hallazgos, mapa_png, proyecto, autor_id, autor)
values ($1, ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326), $3::jsonb, $4, $5, $6, $7)
returning id`;

/** One review by id ($1), with its map image as `mapa_png`. */
export const reviewSql = `select ${reviewColumns}, r.mapa_png from revisiones_prc r where r.id = $1`;

/** The latest reviews, newest first, at most $1, without geometry, findings or map. */
export const reviewListSql = `select r.id, r.titulo, r.proyecto, r.autor, to_json(r.creado_en) #>> '{}' as creado_en,
  r.mapa_png is not null as tiene_mapa
from revisiones_prc r order by r.creado_en desc, r.id desc limit $1`;
