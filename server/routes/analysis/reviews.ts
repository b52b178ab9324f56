import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { recordAudit } from '../../audit/record.ts';
import { badRequest, notFound } from '../../errors.ts';
import { checkedMapImage } from '../../analysis/map-image.ts';
import { renderReviewHtml } from '../../analysis/prc-report-html.ts';
import { prcFindings } from '../../analysis/prc-review.ts';
import { insertReviewSql, pngDataUrlPrefix, reviewListSql, reviewSql, type StoredReview } from '../../analysis/prc-reviews.ts';
import { routeValidationError } from '../validation-errors.ts';
import { heritageDistance, reviewGeometry } from './checked-geometry.ts';
import { ErrorBody } from './schemas.ts';
import { ReviewBody, ReviewCreateRequest, ReviewListBody, ReviewParams } from './review-schemas.ts';

const tags = ['Análisis espacial'];
const reportUrl = (id: number) => `/analysis/revisiones-prc/${id}.html`;
/** A 2 MB map as base64 plus the findings: the default 1 MiB body limit is too small. */
const bodyLimit = 3 * 1024 * 1024;

type StoredRow = StoredReview & { mapa_png: string | null };

/**
 * Stored Plan Regulador reviews: the server recomputes the findings of the
 * geometry (it never stores findings a client sent), keeps them with the map
 * image and the author, and serves them as JSON and as a printable report.
 * Writing needs the revisor role (admin always); reading, any account.
 */
export default async function reviewRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(routeValidationError);
  const anyAccount = app.requireRole('planificador', 'revisor', 'terreno');

  async function storedReview(id: number): Promise<StoredRow> {
    const [row] = await app.db.query<StoredRow>(reviewSql, [id]);
    if (!row) throw notFound(`No existe la revisión ${id}.`, 'id');
    return row;
  }

  app.post(
    '/analysis/revisiones-prc',
    {
      bodyLimit,
      preHandler: app.requireRole('revisor'),
      schema: {
        summary: 'Guardar una revisión frente al Plan Regulador',
        description:
          'Revisa la geometría (o el proyecto) como POST /analysis/revision-prc y guarda el resultado con el título, la imagen del mapa y quien revisó. Rol revisor (o admin).',
        tags,
        body: ReviewCreateRequest,
        response: { 201: ReviewBody, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const user = request.user!;
      const body = request.body;
      const titulo = body.titulo.trim();
      if (titulo === '') throw badRequest('invalid_parameter', 'El título de la revisión está vacío.', 'titulo');
      const distancia = heritageDistance(body.distancia_patrimonio);
      const mapa = body.mapa_png === undefined ? null : checkedMapImage(body.mapa_png);
      const text = await reviewGeometry(app.db, body);
      const hallazgos = await prcFindings(app.db, text, distancia);
      const proyecto = body.geometry === undefined ? (body.proyecto ?? null) : null;
      const id = await app.db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: number }>(insertReviewSql, [
          titulo,
          text,
          JSON.stringify(hallazgos),
          mapa,
          proyecto,
          user.id,
          user.nombre,
        ]);
        const created = row!.id;
        await recordAudit(tx, {
          user,
          accion: 'crear',
          recurso: 'revisiones_prc',
          objetoId: created,
          antes: null,
          despues: {
            id: created,
            titulo,
            proyecto,
            geometry: JSON.parse(text),
            hallazgos,
            autor: user.nombre,
            mapa_png_bytes: mapa === null ? 0 : Buffer.byteLength(mapa.slice(pngDataUrlPrefix.length), 'base64'),
          },
        });
        return created;
      });
      const { mapa_png: _map, ...stored } = await storedReview(id);
      return reply
        .code(201)
        .header('location', `/analysis/revisiones-prc/${id}`)
        .send({ ...stored, informe: reportUrl(id) } as never);
    },
  );

  app.get(
    '/analysis/revisiones-prc',
    {
      preHandler: anyAccount,
      schema: {
        summary: 'Revisiones frente al Plan Regulador guardadas',
        description: 'Las 500 más recientes, con autor, fecha y enlace al informe imprimible. Requiere sesión.',
        tags,
        response: { 200: ReviewListBody, 401: ErrorBody },
      },
    },
    async () => {
      const rows = await app.db.query<Omit<StoredReview, 'geometry' | 'hallazgos'>>(reviewListSql, [500]);
      return { revisiones: rows.map((row) => ({ ...row, informe: reportUrl(row.id) })) };
    },
  );

  app.get(
    '/analysis/revisiones-prc/:id',
    {
      preHandler: anyAccount,
      schema: {
        summary: 'Una revisión guardada',
        description: 'Geometría, hallazgos, autor y fecha (sin la imagen del mapa, que va en el informe). Requiere sesión.',
        tags,
        params: ReviewParams,
        response: { 200: ReviewBody, 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { mapa_png: _map, ...stored } = await storedReview(request.params.id);
      return { ...stored, informe: reportUrl(stored.id) } as never;
    },
  );

  app.get(
    '/analysis/revisiones-prc/:id.html',
    {
      preHandler: anyAccount,
      schema: {
        summary: 'Informe técnico imprimible de una revisión',
        description: 'HTML con hoja de estilo de impresión A4: mapa, autor, fecha y hallazgos. Requiere sesión.',
        tags,
        params: ReviewParams,
        response: { 400: ErrorBody, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => reply.type('text/html; charset=utf-8').send(renderReviewHtml(await storedReview(request.params.id)) as never),
  );
}
