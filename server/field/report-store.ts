import type { Queryable } from '../db/database.ts';
import { findLayer } from '../catalog/index.ts';
import { recordAudit } from '../audit/record.ts';
import { lockFeature } from '../editing/feature-store.ts';
import { ApiError } from '../errors.ts';
import type { FieldReport } from './report-input.ts';
import type { StoredPhoto } from './photos.ts';

const sites = findLayer('microbasurales')!;

/** The answer to a report, the same for its first send and for every identical resend. */
export interface ReportAnswer {
  uuid: string;
  id: number;
  recibido_en: string;
  microbasural: { id: number; codigo: string; estado: string; reincidencia_de: number | null };
  fotos: { id: number; url: string; ancho: number; alto: number }[];
  avisos: string[];
}

export async function findReport(db: Queryable, uuid: string): Promise<{ id: number; contenido_sha256: string } | null> {
  const [row] = await db.query<{ id: number; contenido_sha256: string }>(
    'select id, contenido_sha256 from reportes_microbasural where uuid = $1',
    [uuid],
  );
  return row ?? null;
}

export async function reportAnswer(db: Queryable, uuid: string): Promise<ReportAnswer | null> {
  const [row] = await db.query<Omit<ReportAnswer, 'avisos'> & { exif_lejos_m: number | null }>(
    `select r.uuid::text as uuid, r.id,
       to_char(r.recibido_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as recibido_en,
       json_build_object('id', m.id, 'codigo', m.codigo, 'estado', m.estado, 'reincidencia_de', m.reincidencia_de) as microbasural,
       coalesce((select json_agg(json_build_object('id', f.id, 'url', '/campo/fotos/' || f.id, 'ancho', f.ancho, 'alto', f.alto) order by f.orden)
                 from fotos_microbasural f where f.reporte_id = r.id), '[]') as fotos,
       case when r.exif_geom is null then null else ST_Distance(ST_Transform(r.exif_geom, 32719), ST_Transform(r.geom, 32719)) end as exif_lejos_m
     from reportes_microbasural r join microbasurales m on m.id = r.microbasural_id
     where r.uuid = $1`,
    [uuid],
  );
  if (!row) return null;
  const { exif_lejos_m: far, ...answer } = row;
  const avisos: string[] = [];
  if (answer.microbasural.reincidencia_de !== null) {
    avisos.push(`Está junto a un sitio ya limpiado (id ${answer.microbasural.reincidencia_de}): se registró como reincidencia.`);
  }
  if (far !== null && far > 100) {
    avisos.push(`Según los datos EXIF, una foto se tomó a ${Math.round(far)} m del punto del reporte; revise la ubicación.`);
  }
  return { ...answer, avisos };
}

/** Throws 422 when the point is outside the comuna (with the configured tolerance). */
async function checkInsideComuna(tx: Queryable, report: FieldReport, toleranceM: number) {
  const [row] = await tx.query<{ dentro: boolean | null; distancia_m: number | null }>(
    `with p as (select ST_Transform(ST_SetSRID(ST_MakePoint($1, $2), 4326), 32719) as utm),
          c as (select ST_Transform(ST_Union(geom), 32719) as utm from comuna)
     select case when c.utm is null then null else ST_DWithin(c.utm, p.utm, $3) end as dentro, ST_Distance(c.utm, p.utm) as distancia_m from p, c`,
    [report.lon, report.lat, toleranceM],
  );
  if (row?.dentro === false) {
    throw new ApiError(
      422,
      'invalid_report',
      `La posición está fuera de la comuna de Vallenar (a ${((row.distancia_m ?? 0) / 1000).toLocaleString('es-CL', { maximumFractionDigits: 1 })} km).`,
      'reporte.lat',
    );
  }
}

/**
 * Stores a report as a new site, with its photos, in the caller's
 * transaction: all of it or nothing. A site cleaned or closed within
 * `reincidenceM` metres becomes the new site's `reincidencia_de`.
 */
export async function storeReport(
  tx: Queryable,
  input: {
    report: FieldReport;
    photos: StoredPhoto[];
    digest: string;
    user: { id: number; usuario: string };
    reincidenceM: number;
    toleranceM: number;
  },
): Promise<void> {
  const { report, photos, user } = input;
  await checkInsideComuna(tx, report, input.toleranceM);
  const [site] = await tx.query<{ id: number }>(
    `with p as (select ST_SetSRID(ST_MakePoint($6, $7), 4326) as geom)
     insert into microbasurales (codigo, estado, categoria_residuo, superficie_m2, volumen_m3, tenencia, primer_reporte, ultimo_reporte,
                                 notas, fuente, "precision", reincidencia_de, geom)
     select 'MB-' || to_char(now() at time zone 'America/Santiago', 'YYYY') || '-' || lpad(nextval('microbasurales_codigo_seq')::text, 5, '0'),
            'reportado', $1, $2, $3, $4, (now() at time zone 'America/Santiago')::date, (now() at time zone 'America/Santiago')::date,
            $5, 'Reporte de terreno (app /campo del SIT)', 'aproximada',
            (select m.id from microbasurales m
              where m.estado in ('limpiado', 'cerrado')
                and ST_DWithin(ST_Transform(m.geom, 32719), ST_Transform(p.geom, 32719), $8)
              order by ST_Distance(ST_Transform(m.geom, 32719), ST_Transform(p.geom, 32719)) limit 1),
            p.geom
     from p
     returning id`,
    [
      report.categoria_residuo,
      report.superficie_m2,
      report.volumen_m3,
      report.tenencia,
      report.notas,
      report.lon,
      report.lat,
      input.reincidenceM,
    ],
  );
  const exif = photos.find((photo) => photo.exif)?.exif ?? null;
  const [stored] = await tx.query<{ id: number }>(
    `insert into reportes_microbasural (uuid, contenido_sha256, microbasural_id, reportado_por_id, reportado_por, creado_en_telefono, origen_posicion,
        precision_gps_m, categoria_residuo, superficie_m2, volumen_m3, tenencia, notas, exif_geom, geom)
     values ($1, $2, $3, $4, $5, $6::timestamptz, $7, $8, $9, $10, $11, $12, $13,
        case when $14::double precision is null then null else ST_SetSRID(ST_MakePoint($14, $15), 4326) end,
        ST_SetSRID(ST_MakePoint($16, $17), 4326))
     returning id`,
    [
      report.uuid,
      input.digest,
      site!.id,
      user.id,
      user.usuario,
      report.creado_en,
      report.origen_posicion,
      report.precision_gps_m,
      report.categoria_residuo,
      report.superficie_m2,
      report.volumen_m3,
      report.tenencia,
      report.notas,
      exif?.lon ?? null,
      exif?.lat ?? null,
      report.lon,
      report.lat,
    ],
  );
  for (const [index, photo] of photos.entries()) {
    await tx.query(
      `insert into fotos_microbasural (reporte_id, orden, tipo, ancho, alto, bytes) values ($1, $2, 'image/jpeg', $3, $4, $5)`,
      [stored!.id, index + 1, photo.width, photo.height, photo.bytes],
    );
  }
  const after = await lockFeature(tx, sites, site!.id);
  await recordAudit(tx, {
    user,
    accion: 'crear',
    recurso: 'microbasurales',
    objetoId: site!.id,
    antes: null,
    despues: { ...(JSON.parse(after!.feature) as object), reporte: { uuid: report.uuid, fotos: photos.length } },
  });
}
