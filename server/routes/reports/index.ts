import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { badRequest } from '../../errors.ts';
import { derivedPublicUrl, defaults } from '../../config.ts';
import { demoPresence, demoPresenceOf } from '../../figures/demo.ts';
import { fullScope, officialScope } from '../../figures/scope.ts';
import { rollupRule } from '../../plan/rollup.ts';
import { ErrorBody } from '../plan/schemas.ts';
import { routeValidationError } from '../validation-errors.ts';
import {
  demoTrackedSql,
  exportNotice,
  exportParams,
  exportSql,
  noticeHeaders,
  noticeText,
  toGeoJson,
  toGeoPackage,
  toKml,
  toProjectsCsv,
  type ExportRow,
} from './exports.ts';
import { renderReportHtml } from './report-html.ts';
import {
  ExportQuery,
  HtmlReportQuery,
  ProgressAnswer,
  ProgressQuery,
  SemiannualAnswer,
  SemiannualQuery,
  UnitSheetBody,
  UnitSheetParams,
} from './schemas.ts';
import { reportAnnexCsv } from './semiannual-annex.ts';
import { buildSemiannualReport, planProgress, withoutStaffNames } from './semiannual.ts';
import { buildUnitSheet, unitMapFeatures } from './unit-sheet.ts';
import { renderUnitSheetHtml } from './unit-sheet-html.ts';

export interface ReportRoutesOptions {
  /** The ogr2ogr executable for GeoPackage exports (default: found on PATH). */
  ogr2ogr?: string;
  /** Where people open the SIT (SIT_PUBLIC_URL): printed links are absolute from here. */
  publicUrl?: string;
}

const tags = ['Seguimiento e informes'];
/** Answers described in the route's description; their shape is typed in TypeScript (semiannual.ts, rollup.ts). */
const Described = Type.Unknown();

/** A real calendar day: '2026-02-30' is refused, not rolled over. */
function checkDate(value: string, field: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw badRequest('invalid_parameter', `El parámetro «${field}» no es una fecha válida (AAAA-MM-DD).`, field);
  }
  return value;
}

/**
 * Tracking of the PLADECO for SECPLA's report to the Concejo: the progress
 * roll-up, the semiannual report (JSON, CSV annex, printable HTML) and
 * exports of a selection of projects.
 */
export default async function reportRoutes(fastify: FastifyInstance, options: ReportRoutesOptions) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(routeValidationError);
  const ogr2ogr = options.ogr2ogr ?? 'ogr2ogr';
  const publicUrl = options.publicUrl ?? derivedPublicUrl(defaults);

  app.get(
    '/plan/avance',
    {
      schema: {
        summary: 'Avance físico del PLADECO agregado por nivel',
        description: `Proyecto → programa → plan → objetivo → lineamiento a la fecha de corte. ${rollupRule} Con oficial=true, solo datos oficiales (como el informe al Concejo); si no, incluye los de demostración y lo dice en incluye_demo.`,
        tags,
        querystring: ProgressQuery,
        response: { 200: ProgressAnswer, 400: ErrorBody },
      },
    },
    async (request) => {
      const hasta = checkDate(request.query.hasta ?? new Date().toISOString().slice(0, 10), 'hasta');
      const oficial = request.query.oficial === true;
      const [lineamientos, presence] = await Promise.all([
        planProgress(app.db, hasta, oficial ? officialScope : fullScope),
        demoPresence(app.db),
      ]);
      const demo = oficial
        ? { incluye_demo: false, datos_demo: {} }
        : demoPresenceOf(presence, ['proyectos_con_seguimiento_demo', 'cambios_estado', 'avances', 'lineas_presupuesto']);
      return { hasta, regla: rollupRule, oficial, ...demo, lineamientos };
    },
  );

  app.get(
    '/reportes/semestral',
    {
      schema: {
        summary: 'Informe semestral al Concejo (datos)',
        description:
          'Resumen por lineamiento, cambios de estado e hitos del semestre, ejecución presupuestaria por año y fuente, igualdad de género, distribución territorial e indicadores del período, solo con datos oficiales; si la base tiene datos de demostración, las mismas cifras incluyéndolos van aparte en datosDemo. Lo no registrado es null («sin información»), nunca 0. Con f=csv, el anexo de datos por lineamiento y por proyecto (cifras oficiales).',
        tags,
        querystring: SemiannualQuery,
        response: {
          200: {
            description: 'Informe en JSON; con f=csv, el anexo en CSV (RFC 4180)',
            content: { 'application/json': { schema: SemiannualAnswer }, 'text/csv': { schema: Type.String() } },
          },
          400: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const { anio, semestre, f } = request.query;
      const built = await buildSemiannualReport(app.db, anio, semestre as 1 | 2, { publicUrl });
      const report = request.user ? built : withoutStaffNames(built);
      if (f !== 'csv') return report;
      // A CSV has no place for a note: what the official figures leave out goes in a header (ASCII).
      const leftOut = [
        ...(report.datosDemo ? [`datos de demostracion (${Object.values(report.datosDemo.datos_demo).reduce((a, b) => a + b, 0)})`] : []),
        ...report.fueraDeLasCifras.ubicaciones.map((row) => `ubicaciones ${row.precision} en cifras territoriales (${row.proyectos})`),
      ];
      if (leftOut.length) reply.header('X-SIT-Excluye', leftOut.join('; '));
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="anexo-informe-${anio}-s${semestre}.csv"`)
        .send(await reportAnnexCsv(app.db, report));
    },
  );

  app.get(
    '/reportes/semestral.html',
    {
      schema: {
        summary: 'Informe semestral al Concejo (documento imprimible)',
        description:
          'HTML en español con hoja de estilo de impresión A4, tablas y gráficos SVG; sin recursos externos. Cifras oficiales; los datos de demostración, si los hay, en un recuadro marcado al final. Enlaces absolutos desde SIT_PUBLIC_URL.',
        tags,
        querystring: HtmlReportQuery,
        response: { 200: Described, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const { anio, semestre } = request.query;
      const built = await buildSemiannualReport(app.db, anio, semestre as 1 | 2, { publicUrl });
      const report = request.user ? built : withoutStaffNames(built);
      return reply.type('text/html; charset=utf-8').send(renderReportHtml(report));
    },
  );

  app.get(
    '/reportes/unidad-vecinal/:id',
    {
      schema: {
        summary: 'Ficha territorial de una unidad vecinal (datos)',
        description:
          'Proyectos del PLADECO que la tocan con su parte de la inversión, presupuesto, microbasurales por estado, patrimonio y exposición al humedal urbano. /reportes/unidad-vecinal/{id}.html es la ficha imprimible de una página.',
        tags,
        params: UnitSheetParams,
        response: { 200: UnitSheetBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => buildUnitSheet(app.db, request.params.id, { publicUrl }),
  );

  app.get(
    '/reportes/unidad-vecinal/:id.html',
    {
      schema: {
        summary: 'Ficha territorial de una unidad vecinal (una página imprimible)',
        description: 'HTML A4 de una página con mapa SVG dibujado en el servidor (sin teselas externas), cifras y tablas.',
        tags,
        params: UnitSheetParams,
        response: { 200: Type.String({ description: 'Documento HTML' }), 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const [sheet, map] = await Promise.all([buildUnitSheet(app.db, id, { publicUrl }), unitMapFeatures(app.db, id)]);
      return reply.type('text/html; charset=utf-8').send(renderUnitSheetHtml(sheet, map));
    },
  );

  app.get(
    '/exportar/proyectos',
    {
      schema: {
        summary: 'Exportar una selección de proyectos',
        description:
          'GeoJSON (RFC 7946), CSV (atributos, WKT en EPSG:4326 y un punto lon/lat), KML 2.2 o GeoPackage (requiere GDAL; 501 si no está). Lo que el archivo deja fuera (KML: proyectos sin ubicación) o trae de demostración lo dice una nota en el archivo (GeoJSON: miembro «nota»; KML: description del Document; GeoPackage: descripción de la capa) y las cabeceras X-SIT-Excluye y X-SIT-Incluye-Demo.',
        tags,
        querystring: ExportQuery,
        response: { 200: Described, 400: ErrorBody, 501: ErrorBody },
      },
    },
    async (request, reply) => {
      const [rows, demoTracked] = await Promise.all([
        app.db.query<ExportRow>(exportSql, exportParams(request.query)),
        app.db.query<{ codigo: string }>(demoTrackedSql),
      ]);
      const notice = exportNotice(rows, request.query.formato, new Set(demoTracked.map((row) => row.codigo)));
      const note = noticeText(notice);
      reply.headers(noticeHeaders(notice));
      const name = 'proyectos-pladeco';
      switch (request.query.formato) {
        case 'geojson':
          return reply.type('application/geo+json').send(toGeoJson(rows, note));
        case 'csv':
          return reply
            .type('text/csv; charset=utf-8')
            .header('Content-Disposition', `attachment; filename="${name}.csv"`)
            .send(toProjectsCsv(rows));
        case 'kml':
          return reply
            .type('application/vnd.google-earth.kml+xml; charset=utf-8')
            .header('Content-Disposition', `attachment; filename="${name}.kml"`)
            .send(toKml(rows, 'Proyectos del PLADECO 2022–2029 de Vallenar', note));
        case 'gpkg':
          return reply
            .type('application/geopackage+sqlite3')
            .header('Content-Disposition', `attachment; filename="${name}.gpkg"`)
            .send(await toGeoPackage(toGeoJson(rows), ogr2ogr, note));
      }
    },
  );
}
