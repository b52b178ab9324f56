import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { findLayer } from '../../catalog/index.ts';
import { cierresMicrobasural, estadosMicrobasural } from '../../catalog/territory-layers.ts';
import { ApiError, notFound } from '../../errors.ts';
import { recordAudit } from '../../audit/record.ts';
import { unauthenticated } from '../../auth/plugin.ts';
import { lockFeature } from '../../editing/feature-store.ts';
import { readGeometry } from '../../editing/feature-input.ts';
import { defaultCrs } from '../../ogc/crs.ts';
import { textProblem } from '../../editing/text-policy.ts';
import { transitionProblem, type Estado } from '../../field/lifecycle.ts';
import { ErrorBody } from '../auth/schemas.ts';
import { routeValidationError } from '../validation-errors.ts';
import type { Queryable } from '../../db/database.ts';
import { scopeOf } from '../../figures/scope.ts';
import { byStatusSql, byUnitSql, monthlySql, programmeSql } from './summary-sql.ts';

const tags = ['Microbasurales: ciclo de vida'];
const sites = findLayer('microbasurales')!;
const chileToday = `(now() at time zone 'America/Santiago')::date`;

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((value) => Type.Literal(value)));
const SiteParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
const Note = Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()]));
const date = Type.String({ format: 'date' });

const TransitionBody = Type.Object(
  {
    hacia: literals(estadosMicrobasural),
    como: Type.Optional(Type.Union([literals(cierresMicrobasural), Type.Null()])),
    duplicado_de: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()])),
    nota: Note,
    fecha: Type.Optional({ ...date, description: 'Día en que ocurrió (por omisión, hoy); no futuro' }),
  },
  { additionalProperties: false },
);

const SurveyBody = Type.Object(
  {
    fecha: date,
    superficie_m2: Type.Number({ minimum: 0, maximum: 1e7 }),
    volumen_m3: Type.Number({ minimum: 0, maximum: 1e7 }),
    huella: Type.Optional(Type.Union([Type.Unknown({ description: 'Polygon o MultiPolygon GeoJSON (CRS84)' }), Type.Null()])),
    nota: Note,
  },
  { additionalProperties: false },
);

const SummaryQuery = Type.Object(
  {
    desde: Type.Optional({ ...date, description: 'Sitios con primer reporte desde este día' }),
    hasta: Type.Optional({ ...date, description: 'Sitios con primer reporte hasta este día' }),
    estado: Type.Optional(literals(estadosMicrobasural)),
    oficial: Type.Optional(
      Type.Boolean({ description: 'true: solo sitios de precisión oficial o aproximada (sin datos de demostración ni ilustrativos)' }),
    ),
  },
  { additionalProperties: false },
);

function checkNote(nota: string | null | undefined, field = 'nota') {
  const problem = nota ? textProblem(nota) : null;
  if (problem) throw new ApiError(422, 'invalid_parameter', `La nota ${problem}.`, field);
}

/** Records a change of a site in the audit trail (same transaction) and returns the site as it is now. */
async function auditSiteChange(
  tx: Queryable,
  user: { id: number; usuario: string },
  id: number,
  before: { feature: string },
  extra: Record<string, unknown> = {},
): Promise<unknown> {
  const after = JSON.parse((await lockFeature(tx, sites, id))!.feature) as object;
  await recordAudit(tx, {
    user,
    accion: 'modificar',
    recurso: 'microbasurales',
    objetoId: id,
    antes: JSON.parse(before.feature),
    despues: { ...after, ...extra },
  });
  return after;
}

/**
 * The eradication programme of the micro-dumps: status transitions in order
 * and by role (server/field/lifecycle.ts), drone surveys, a site's file, and
 * the office's figures. Every write carries its audit row in the same
 * transaction; layer versions follow through the triggers.
 */
export default async function microbasuralRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(routeValidationError);

  app.post(
    '/microbasurales/:id/transiciones',
    {
      preHandler: app.requireRole('terreno', 'planificador'),
      schema: {
        summary: 'Cambiar el estado de un sitio',
        description:
          'reportado → verificado → programado → limpiado → cerrado (con «como»: cercado, señalizado, cercado_por_privado); un reportado o verificado puede marcarse duplicado (con «duplicado_de») o descartado (con «nota»). Cada paso solo en orden y solo por los roles de docs/roles.md; 409 fuera de orden.',
        tags,
        params: SiteParams,
        body: TransitionBody,
        response: { 200: Type.Unknown(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      checkNote(body.nota);
      const user = request.user!;
      return app.db.transaction(async (tx) => {
        const before = await lockFeature(tx, sites, id);
        if (!before) throw notFound(`No existe el microbasural ${id}.`, 'id');
        const [site] = await tx.query<{ estado: Estado; primer_reporte: string | null; hoy: string }>(
          `select estado, primer_reporte, ${chileToday}::text as hoy from microbasurales where id = $1`,
          [id],
        );
        const problem = transitionProblem(site!.estado, body, user.rol, id);
        if (problem) throw new ApiError(problem.status, problem.code, problem.message, problem.field);
        const fecha = body.fecha ?? site!.hoy;
        if (fecha > site!.hoy) throw new ApiError(422, 'invalid_parameter', 'La fecha no puede ser futura.', 'fecha');
        if (site!.primer_reporte && fecha < site!.primer_reporte) {
          throw new ApiError(
            422,
            'invalid_parameter',
            `La fecha es anterior al primer reporte del sitio (${site!.primer_reporte}).`,
            'fecha',
          );
        }
        if (body.hacia === 'duplicado') {
          const [original] = await tx.query<{ estado: string }>('select estado from microbasurales where id = $1', [body.duplicado_de]);
          if (!original) throw new ApiError(422, 'invalid_parameter', `No existe el sitio original ${body.duplicado_de}.`, 'duplicado_de');
          if (['duplicado', 'descartado'].includes(original.estado)) {
            throw new ApiError(
              422,
              'invalid_parameter',
              `El sitio ${body.duplicado_de} está ${original.estado}: indique el sitio original.`,
              'duplicado_de',
            );
          }
        }
        await tx.query(
          `update microbasurales set estado = $2,
             cierre = case when $2 = 'cerrado' then $3 else cierre end,
             duplicado_de = case when $2 = 'duplicado' then $4::integer else duplicado_de end,
             limpiado_en = case when $2 = 'limpiado' then $5::date else limpiado_en end,
             cerrado_en = case when $2 = 'cerrado' then $5::date else cerrado_en end,
             ultimo_reporte = greatest(ultimo_reporte, $5::date)
           where id = $1`,
          [id, body.hacia, body.como ?? null, body.duplicado_de ?? null, fecha],
        );
        await tx.query(
          `insert into microbasural_transiciones (microbasural_id, desde, hacia, como, duplicado_de, nota, por_id, por, en)
           values ($1, $2, $3, $4, $5, $6, $7, $8, case when $9::date = ${chileToday} then now() else ($9::date + time '12:00') at time zone 'America/Santiago' end)`,
          [id, site!.estado, body.hacia, body.como ?? null, body.duplicado_de ?? null, body.nota ?? null, user.id, user.usuario, fecha],
        );
        return auditSiteChange(tx, user, id, before);
      });
    },
  );

  app.post(
    '/microbasurales/:id/sobrevuelos',
    {
      preHandler: app.requireRole('terreno', 'planificador'),
      schema: {
        summary: 'Registrar un sobrevuelo con dron',
        description:
          'Superficie y volumen medidos (y la huella, opcional). El sitio toma la superficie y el volumen del sobrevuelo más reciente.',
        tags,
        params: SiteParams,
        body: SurveyBody,
        response: { 201: Type.Unknown(), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const body = request.body;
      checkNote(body.nota);
      let footprint: string | null = null;
      if (body.huella !== undefined && body.huella !== null) {
        const polygonLayer = { ...sites, geometryType: 'MultiPolygon' as const };
        const notices: string[] = [];
        footprint = JSON.stringify(readGeometry(polygonLayer, body.huella, defaultCrs, notices));
      }
      const user = request.user!;
      const survey = await app.db.transaction(async (tx) => {
        const before = await lockFeature(tx, sites, id);
        if (!before) throw notFound(`No existe el microbasural ${id}.`, 'id');
        const [check] = await tx.query<{ futura: boolean; valida: boolean | null; lejos_m: number | null }>(
          `select $1::date > ${chileToday} as futura,
             case when $2::text is null then null else ST_IsValid(ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326)) end as valida,
             case when $2::text is null then null
               else ST_Distance(ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326), 32719), ST_Transform(m.geom, 32719)) end as lejos_m
           from microbasurales m where m.id = $3`,
          [body.fecha, footprint, id],
        );
        if (check!.futura) throw new ApiError(422, 'invalid_parameter', 'La fecha del sobrevuelo no puede ser futura.', 'fecha');
        if (check!.valida === false)
          throw new ApiError(422, 'invalid_parameter', 'La huella no es un polígono válido (sus bordes se cruzan).', 'huella');
        if ((check!.lejos_m ?? 0) > 200) {
          throw new ApiError(
            422,
            'invalid_parameter',
            `La huella está a ${Math.round(check!.lejos_m!)} m del sitio; ¿es de otro microbasural?`,
            'huella',
          );
        }
        const [row] = await tx.query<{ id: number }>(
          `insert into sobrevuelos_dron (microbasural_id, fecha, superficie_m2, volumen_m3, huella, nota, registrado_por)
           values ($1, $2, $3, $4, case when $5::text is null then null else ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($5::text), 4326)) end, $6, $7)
           returning id`,
          [id, body.fecha, body.superficie_m2, body.volumen_m3, footprint, body.nota ?? null, user.usuario],
        );
        await tx.query(
          `update microbasurales m set superficie_m2 = s.superficie_m2, volumen_m3 = s.volumen_m3, huella = coalesce(s.huella, m.huella)
           from (select superficie_m2, volumen_m3, huella from sobrevuelos_dron where microbasural_id = $1 order by fecha desc, id desc limit 1) s
           where m.id = $1`,
          [id],
        );
        return { id: row!.id, microbasural: await auditSiteChange(tx, user, id, before, { sobrevuelo: row!.id }) };
      });
      return reply.status(201).send(survey);
    },
  );

  app.get(
    '/microbasurales/:id/ficha',
    {
      schema: {
        summary: 'Ficha de un sitio',
        description:
          'El sitio con sus reportes (y fotos), transiciones, sobrevuelos y reincidencias. Requiere sesión (contiene nombres de funcionarios).',
        tags,
        params: SiteParams,
        response: { 200: Type.Unknown(), 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      if (!request.user) throw unauthenticated();
      const { id } = request.params;
      const site = await lockFeature(app.db, sites, id);
      if (!site) throw notFound(`No existe el microbasural ${id}.`, 'id');
      const [reportes, transiciones, sobrevuelos, reincidencias] = await Promise.all([
        app.db.query(
          `select r.uuid::text as uuid, r.reportado_por, to_char(r.recibido_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as recibido_en,
             r.origen_posicion, r.precision_gps_m::double precision as precision_gps_m, r.categoria_residuo, r.notas,
             coalesce((select json_agg(json_build_object('id', f.id, 'url', '/campo/fotos/' || f.id) order by f.orden) from fotos_microbasural f where f.reporte_id = r.id), '[]') as fotos
           from reportes_microbasural r where r.microbasural_id = $1 order by r.id`,
          [id],
        ),
        app.db.query(
          `select desde, hacia, como, duplicado_de, nota, por, to_char(en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as en
           from microbasural_transiciones where microbasural_id = $1 order by id`,
          [id],
        ),
        app.db.query(
          `select id, fecha::text as fecha, superficie_m2::double precision as superficie_m2, volumen_m3::double precision as volumen_m3,
             ST_AsGeoJSON(huella, 7)::json as huella, nota, registrado_por
           from sobrevuelos_dron where microbasural_id = $1 order by fecha, id`,
          [id],
        ),
        app.db.query(`select id, codigo, estado from microbasurales where reincidencia_de = $1 order by id`, [id]),
      ]);
      return { microbasural: JSON.parse(site.feature) as unknown, reportes, transiciones, sobrevuelos, reincidencias };
    },
  );

  app.get(
    '/microbasurales/resumen',
    {
      schema: {
        summary: 'Avance del programa de erradicación',
        description:
          'Sitios por estado, serie mensual (reportados por primer reporte, limpiados y cerrados por su fecha; los que no tienen fecha se cuentan en limpiados_sin_fecha y cerrados_sin_fecha), conteo por unidad vecinal y las cifras del programa: sitios activos (reportado, verificado, programado), m³ limpiados (volumen de los sitios limpiados o cerrados), sitios cerrados y tasa de reincidencia (reincidencias sobre sitios limpiados o cerrados). incluye_demo y datos_demo dicen si entran sitios de demostración; con oficial=true quedan fuera.',
        tags,
        querystring: SummaryQuery,
        response: { 200: Type.Unknown(), 400: ErrorBody },
      },
    },
    async (request) => {
      const { desde = null, hasta = null, estado = null, oficial = false } = request.query;
      const params = [desde, hasta, estado, [...scopeOf(oficial).precisions]];
      const [status, [programme], monthly, units] = await Promise.all([
        app.db.query<{ estado: string; n: number }>(byStatusSql, params),
        app.db.query<{
          sitios_activos: number;
          m3_limpiados: number;
          sitios_cerrados: number;
          sitios_limpiados: number;
          reincidencias: number;
          limpiados_sin_fecha: number;
          cerrados_sin_fecha: number;
          sitios_demo: number;
        }>(programmeSql, params),
        app.db.query(monthlySql, params),
        app.db.query(byUnitSql, params),
      ]);
      const porEstado = Object.fromEntries(estadosMicrobasural.map((name) => [name, status.find((row) => row.estado === name)?.n ?? 0]));
      return {
        filtros: { desde, hasta, estado, oficial },
        incluye_demo: programme!.sitios_demo > 0,
        datos_demo: programme!.sitios_demo > 0 ? { microbasurales: programme!.sitios_demo } : {},
        por_estado: porEstado,
        serie_mensual: monthly,
        por_unidad: units,
        programa: {
          sitios_activos: programme!.sitios_activos,
          m3_limpiados: Math.round(programme!.m3_limpiados * 10) / 10,
          sitios_cerrados: programme!.sitios_cerrados,
          sitios_limpiados: programme!.sitios_limpiados,
          reincidencias: programme!.reincidencias,
          tasa_reincidencia:
            programme!.sitios_limpiados > 0 ? Math.round((programme!.reincidencias / programme!.sitios_limpiados) * 1000) / 1000 : null,
          limpiados_sin_fecha: programme!.limpiados_sin_fecha,
          cerrados_sin_fecha: programme!.cerrados_sin_fecha,
        },
      };
    },
  );
}
