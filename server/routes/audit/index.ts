import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { toCsv, type CsvColumn } from '../../analysis/csv.ts';
import { ErrorBody } from '../auth/schemas.ts';
import { routeValidationError } from '../validation-errors.ts';

const tags = ['Auditoría'];

const AuditQuery = Type.Object(
  {
    desde: Type.Optional(Type.String({ format: 'date', description: 'Primer día (AAAA-MM-DD, hora de Chile)' })),
    hasta: Type.Optional(Type.String({ format: 'date', description: 'Último día incluido' })),
    usuario: Type.Optional(Type.String({ maxLength: 40 })),
    recurso: Type.Optional(Type.String({ maxLength: 60, description: 'Colección o recurso (patrimonio, usuarios...)' })),
    accion: Type.Optional(
      Type.Union([Type.Literal('crear'), Type.Literal('modificar'), Type.Literal('eliminar'), Type.Literal('restaurar')]),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1000 })),
    f: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])),
  },
  { additionalProperties: false },
);

interface AuditRow {
  id: number;
  ocurrido_en: string;
  usuario: string;
  accion: string;
  recurso: string;
  objeto_id: string;
  antes: unknown;
  despues: unknown;
}

/** The audit trail for administrators, filtered, as JSON or CSV (before/after as JSON text). */
export default async function auditRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(routeValidationError);

  app.get(
    '/auditoria',
    {
      preHandler: app.requireRole(),
      schema: {
        summary: 'Registro de auditoría',
        description: 'Cada escritura aceptada: quién, cuándo (UTC), acción, recurso, objeto, antes y después. Con f=csv, para planilla.',
        tags,
        querystring: AuditQuery,
        response: { 200: Type.Unknown(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const query = request.query;
      const rows = await app.db.query<AuditRow>(
        `select id, to_char(ocurrido_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ocurrido_en,
           usuario, accion, recurso, objeto_id, antes, despues
         from auditoria
         where ($1::date is null or ocurrido_en >= ($1::date::timestamp at time zone 'America/Santiago'))
           and ($2::date is null or ocurrido_en < (($2::date + 1)::timestamp at time zone 'America/Santiago'))
           and ($3::text is null or usuario = $3) and ($4::text is null or recurso = $4) and ($5::text is null or accion = $5)
         order by id limit $6`,
        [query.desde ?? null, query.hasta ?? null, query.usuario ?? null, query.recurso ?? null, query.accion ?? null, query.limit ?? 1000],
      );
      if (query.f === 'csv') {
        const columns: CsvColumn<AuditRow>[] = [
          { header: 'id', value: (row) => row.id },
          { header: 'ocurrido_en_utc', value: (row) => row.ocurrido_en },
          { header: 'usuario', value: (row) => row.usuario },
          { header: 'accion', value: (row) => row.accion },
          { header: 'recurso', value: (row) => row.recurso },
          { header: 'objeto_id', value: (row) => row.objeto_id },
          { header: 'antes', value: (row) => row.antes },
          { header: 'despues', value: (row) => row.despues },
        ];
        const csv = toCsv(rows, columns);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="auditoria.csv"')
          .send(csv as never);
      }
      return { registros: rows, limite: query.limit ?? 1000 };
    },
  );
}
