import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import { ApiError, notFound } from '../../errors.ts';
import { unauthenticated } from '../../auth/plugin.ts';
import { maxPhotoBytes, maxPhotos, processPhoto, type StoredPhoto } from '../../field/photos.ts';
import { readFieldReport, reportDigest } from '../../field/report-input.ts';
import { findReport, reportAnswer, storeReport } from '../../field/report-store.ts';
import { ErrorBody } from '../auth/schemas.ts';

const tags = ['Terreno: reportes de microbasurales'];

export interface FieldOptions {
  reincidenceDistanceM: number;
  comunaToleranceM: number;
}

/** The parts of a multipart report: the `reporte` JSON and the photos' bytes, within the limits. */
async function readParts(request: FastifyRequest): Promise<{ reporte?: string; photos: Buffer[] }> {
  if (!request.isMultipart()) {
    throw new ApiError(
      415,
      'unsupported_media_type',
      'Envíe el reporte como multipart/form-data: la parte «reporte» (JSON) y las fotos «fotos».',
      'Content-Type',
    );
  }
  const photos: Buffer[] = [];
  let reporte: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'fotos')
          throw new ApiError(
            400,
            'invalid_report',
            `Parte de archivo inesperada «${part.fieldname}»; las fotos van en «fotos».`,
            part.fieldname,
          );
        photos.push(await part.toBuffer());
      } else if (part.fieldname === 'reporte') {
        reporte = String(part.value);
      } else {
        throw new ApiError(
          400,
          'invalid_report',
          `Campo inesperado «${part.fieldname}»; el reporte va entero en «reporte».`,
          part.fieldname,
        );
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ApiError(
        413,
        'photo_too_large',
        `La foto ${photos.length + 1} supera ${maxPhotoBytes / 1024 / 1024} MB; la app la reduce antes de enviarla.`,
        `fotos.${photos.length}`,
      );
    }
    if (code === 'FST_FILES_LIMIT') throw new ApiError(413, 'too_many_photos', `Un reporte lleva como máximo ${maxPhotos} fotos.`, 'fotos');
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT')
      throw new ApiError(413, 'too_many_parts', 'El formulario trae demasiadas partes.', 'reporte');
    throw new ApiError(400, 'invalid_report', 'El formulario multipart está incompleto o dañado; reintente el envío.', 'reporte');
  }
  return { reporte, photos };
}

/**
 * Field reports of micro-dumps from the /campo app. A report is idempotent
 * on the UUID the phone made: an identical resend (after a lost answer, a
 * crash, or a hundred concurrent retries) gets the stored report; the same
 * UUID with other content is a 409. The site, the report and its photos are
 * stored in one transaction or not at all.
 */
export default async function fieldRoutes(app: FastifyInstance, options: FieldOptions) {
  await app.register(multipart, {
    limits: { files: maxPhotos, fileSize: maxPhotoBytes, fields: 1, parts: maxPhotos + 1, fieldSize: 64 * 1024 },
  });

  async function resend(reply: FastifyReply, uuid: string, digest: string, existing: { contenido_sha256: string }) {
    if (existing.contenido_sha256 !== digest) {
      throw new ApiError(
        409,
        'uuid_conflict',
        `Ya existe otro reporte con el UUID ${uuid} y un contenido distinto; el teléfono debe usar un UUID nuevo.`,
        'reporte.uuid',
      );
    }
    const answer = await reportAnswer(app.db, uuid);
    reply.header('Location', `/campo/reportes/${uuid}`);
    return reply.status(200).send(answer);
  }

  app.post(
    '/campo/reportes',
    {
      preHandler: app.requireRole('terreno', 'planificador'),
      schema: {
        summary: 'Enviar un reporte de microbasural',
        description:
          'multipart/form-data con «reporte» (JSON: uuid, lon, lat, precision_gps_m, origen_posicion gps|mapa, categoria_residuo, superficie_m2, volumen_m3, tenencia, notas, creado_en) y de 1 a 5 «fotos» (JPEG, PNG o WebP, hasta 8 MB). 201 al crear; 200 con el mismo cuerpo si se reenvía idéntico; 409 si el UUID ya se usó con otro contenido.',
        tags,
        consumes: ['multipart/form-data'],
        response: {
          200: Type.Unknown(),
          201: Type.Unknown(),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          413: ErrorBody,
          415: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const { reporte, photos: raw } = await readParts(request);
      const report = readFieldReport(reporte);
      if (raw.length === 0) throw new ApiError(422, 'invalid_report', 'El reporte necesita al menos una foto.', 'fotos');
      const digest = reportDigest(report, raw);
      const existing = await findReport(app.db, report.uuid);
      if (existing) return resend(reply, report.uuid, digest, existing);
      const photos: StoredPhoto[] = [];
      for (const [index, bytes] of raw.entries()) photos.push(await processPhoto(bytes, `fotos.${index}`));
      try {
        await app.db.transaction((tx) =>
          storeReport(tx, {
            report,
            photos,
            digest,
            user: request.user!,
            reincidenceM: options.reincidenceDistanceM,
            toleranceM: options.comunaToleranceM,
          }),
        );
      } catch (error) {
        // Another send of the same UUID committed first (concurrent retries): answer as a resend.
        if ((error as { code?: string }).code === '23505') {
          const winner = await findReport(app.db, report.uuid);
          if (winner) return resend(reply, report.uuid, digest, winner);
        }
        throw error;
      }
      reply.header('Location', `/campo/reportes/${report.uuid}`);
      return reply.status(201).send(await reportAnswer(app.db, report.uuid));
    },
  );

  app.get(
    '/campo/reportes/:uuid',
    {
      schema: {
        summary: 'Un reporte de terreno',
        tags,
        params: Type.Object({ uuid: Type.String({ maxLength: 40 }) }),
        response: { 200: Type.Unknown(), 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const uuid = (request.params as { uuid: string }).uuid.toLowerCase();
      const answer = /^[0-9a-f-]{36}$/.test(uuid) ? await reportAnswer(app.db, uuid) : null;
      if (!answer) throw notFound(`No existe el reporte ${uuid}.`, 'uuid');
      return answer;
    },
  );

  app.get(
    '/campo/reportes',
    {
      schema: {
        summary: 'Reportes de terreno',
        description: 'Con mios=true, los de quien consulta (la app los usa para mostrar el estado actual de cada sitio enviado).',
        tags,
        querystring: Type.Object(
          { mios: Type.Optional(Type.Boolean()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Unknown(), 401: ErrorBody },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const query = request.query as { mios?: boolean; limit?: number };
      const rows = await app.db.query(
        `select r.uuid::text as uuid, r.id, to_char(r.recibido_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as recibido_en,
           r.reportado_por, r.categoria_residuo, m.id as microbasural_id, m.codigo, m.estado,
           (select count(*)::int from fotos_microbasural f where f.reporte_id = r.id) as fotos
         from reportes_microbasural r join microbasurales m on m.id = r.microbasural_id
         where ($1::integer is null or r.reportado_por_id = $1)
         order by r.id desc limit $2`,
        [query.mios ? request.user.id : null, query.limit ?? 200],
      );
      return { reportes: rows };
    },
  );

  app.get(
    '/campo/fotos/:id',
    {
      schema: {
        summary: 'Una foto de un reporte',
        description: 'JPEG sin metadatos. Requiere sesión: las fotos pueden mostrar personas o patentes.',
        tags,
        params: Type.Object({ id: Type.Integer({ minimum: 1 }) }),
        response: { 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!request.user) throw unauthenticated();
      const { id } = request.params as { id: number };
      const [row] = await app.db.query<{ bytes: Uint8Array }>('select bytes from fotos_microbasural where id = $1', [id]);
      if (!row) throw notFound(`No existe la foto ${id}.`, 'id');
      return reply.type('image/jpeg').header('cache-control', 'private, max-age=86400').send(Buffer.from(row.bytes));
    },
  );
}
