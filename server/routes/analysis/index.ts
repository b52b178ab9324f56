import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { findLayer } from '../../catalog/index.ts';
import { badRequest, notFound } from '../../errors.ts';
import { routeValidationError } from '../validation-errors.ts';
import { toCsv } from '../../analysis/csv.ts';
import { equityOf, equitySql, lineamientosSql, type EquityRow } from '../../analysis/equity.ts';
import { IndicatorAnswers } from '../../analysis/indicator-answers.ts';
import { prcFindings } from '../../analysis/prc-review.ts';
import { bufferSql, featureGeometrySql, proximityLimit, proximitySql, type ProximityRow } from '../../analysis/proximity.ts';
import { newlyInsideSql, wetlandAreasSql, wetlandCheckedLayers } from '../../analysis/wetland.ts';
import { indicatorColumns, indicatorsMethod } from './indicator-columns.ts';
import { checkedGeometry as checkedGeometryIn, heritageDistance, reviewGeometry } from './checked-geometry.ts';
import { queryWithoutJit } from './without-jit.ts';
import { demoPresence, demoPresenceOf } from '../../figures/demo.ts';
import { scopeOf, scopeParams } from '../../figures/scope.ts';
import { budgetCoverage, coverageText } from '../../figures/unknown.ts';
import reviewRoutes from './reviews.ts';
import {
  EquityBody,
  EquityQuery,
  ErrorBody,
  IndicatorsBody,
  IndicatorsQuery,
  PrcReviewBody,
  PrcReviewRequest,
  ProximityBody,
  ProximityRequest,
  WetlandBody,
} from './schemas.ts';

const tags = ['Análisis espacial'];

/**
 * Spatial analysis for planners and Plan Regulador reviewers: indicators per
 * unit (JSON or CSV), equity of investment, proximity, the Plan Regulador
 * check of a geometry and the two wetland versions side by side. The SQL is
 * in server/analysis/; every distance and area is in metres from UTM 19S.
 */
export default async function analysisRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(routeValidationError);

  const checkedGeometry = (value: unknown, field: string) => checkedGeometryIn(app.db, value, field);
  const indicatorAnswers = new IndicatorAnswers(app.db);

  app.get(
    '/analysis/indicadores',
    {
      schema: {
        summary: 'Indicadores por unidad vecinal o zona censal',
        description: `Proyectos e inversión por lineamiento y estado, inversión por habitante, microbasurales activos y su densidad, patrimonio, km de ciclovía, población cerca de una ciclovía existente y distancia al puente más cercano. ${indicatorsMethod} Con f=csv, un CSV UTF-8 con BOM y encabezados en español.`,
        tags,
        querystring: IndicatorsQuery,
        response: { 200: IndicatorsBody, 400: ErrorBody },
      },
    },
    async (request, reply) => {
      const unidad = request.query.unidad ?? 'unidades_vecinales';
      const distancia = request.query.distancia_ciclovia ?? 300;
      const oficial = request.query.oficial === true;
      const { unidades, demo } = await indicatorAnswers.answer({ kind: unidad, distance: distancia, official: oficial });
      if (request.query.f === 'csv') {
        // A CSV has no place for a note: whether demo data is in it goes in a header (ASCII) and in the file's name.
        if (demo.incluye_demo)
          reply.header(
            'X-SIT-Incluye-Demo',
            Object.entries(demo.datos_demo)
              .map(([kind, n]) => `${kind}=${n}`)
              .join('; '),
          );
        return reply
          .type('text/csv; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="indicadores-${unidad}${oficial ? '-oficial' : demo.incluye_demo ? '-incluye-demo' : ''}.csv"`,
          )
          .send(toCsv(unidades, indicatorColumns(distancia)) as never);
      }
      return { unidad, distancia_ciclovia: distancia, oficial, ...demo, metodo: indicatorsMethod, unidades };
    },
  );

  app.get(
    '/analysis/equidad',
    {
      schema: {
        summary: 'Equidad territorial de la inversión',
        description:
          'Curva de Lorenz y coeficiente de Gini de la inversión (o del número de proyectos) por habitante entre unidades, y las unidades sin proyectos del lineamiento pedido.',
        tags,
        querystring: EquityQuery,
        response: { 200: EquityBody, 400: ErrorBody },
      },
    },
    async (request) => {
      const unidad = request.query.unidad ?? 'unidades_vecinales';
      const medida = request.query.medida ?? 'inversion';
      const lineamiento = request.query.lineamiento ?? null;
      const oficial = request.query.oficial === true;
      if (lineamiento !== null) {
        const known = await app.db.query<{ codigo: string }>(lineamientosSql);
        if (!known.some((row) => row.codigo === lineamiento)) {
          throw badRequest(
            'invalid_parameter',
            `No existe el lineamiento «${lineamiento}»; use uno de ${known.map((row) => row.codigo).join(', ')}.`,
            'lineamiento',
          );
        }
      }
      const [rows, presence] = await Promise.all([
        queryWithoutJit<EquityRow>(app.db, equitySql(unidad), [lineamiento, ...scopeParams(scopeOf(oficial))]),
        demoPresence(app.db),
      ]);
      const result = equityOf(rows, medida);
      const demo = oficial
        ? { incluye_demo: false, datos_demo: {} }
        : demoPresenceOf(presence, ['lineas_presupuesto', 'ubicaciones_proyecto']);
      const withBudget = result.proyectos - result.proyectosSinPresupuesto;
      const nota =
        result.gini === null
          ? medida === 'inversion'
            ? 'Sin presupuestos registrados para estos proyectos: el Gini de la inversión no se puede calcular (no se inventan montos).'
            : 'No hay proyectos ubicados que repartir: el Gini no se puede calcular.'
          : medida === 'inversion' && result.proyectosSinPresupuesto > 0
            ? `Reparte la inversión registrada: ${coverageText({ known: withBudget, total: result.proyectos }, budgetCoverage)}; los demás no se cuentan como $0 sino como desconocidos.`
            : undefined;
      return { unidad, lineamiento, oficial, ...demo, ...result, ...(nota ? { nota } : {}) };
    },
  );

  app.post(
    '/analysis/proximidad',
    {
      schema: {
        summary: 'Objetos cercanos a una geometría',
        description:
          'Para cada capa pedida, los objetos a menos de `distancia` metros de la geometría (o del objeto capa/id), del más cercano al más lejano, y el polígono de esa distancia.',
        tags,
        body: ProximityRequest,
        response: { 200: ProximityBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { distancia, capas } = request.body;
      if (!Number.isFinite(distancia) || distancia < 1 || distancia > 5000) {
        throw badRequest('invalid_parameter', 'La distancia debe estar entre 1 y 5000 metros.', 'distancia');
      }
      const targets = capas.map((id, index) => {
        const layer = findLayer(id);
        if (!layer) throw badRequest('invalid_parameter', `No existe la capa «${id}».`, `capas/${index}`);
        // Each layer once: a repeated one would only repeat the work (and the answer).
        if (capas.indexOf(id) !== index)
          throw badRequest('invalid_parameter', `La capa «${id}» está repetida en la lista.`, `capas/${index}`);
        return layer;
      });
      let geometry: unknown = request.body.geometry;
      let excluded: { layer: string; id: number } | null = null;
      if (geometry === undefined) {
        const { capa, id } = request.body;
        if (capa === undefined || id === undefined) {
          throw badRequest('invalid_parameter', 'Indique una geometría (geometry) o un objeto (capa e id).', 'geometry');
        }
        const layer = findLayer(capa);
        if (!layer) throw badRequest('invalid_parameter', `No existe la capa «${capa}».`, 'capa');
        const [row] = await app.db.query<{ geometry: unknown }>(featureGeometrySql(layer), [id]);
        if (!row) throw notFound(`No existe el objeto ${id} en la capa «${capa}».`, 'id');
        if (!row.geometry) throw badRequest('invalid_parameter', `El objeto ${id} de «${capa}» no tiene ubicación.`, 'id');
        geometry = row.geometry;
        excluded = { layer: layer.id, id };
      }
      const text = await checkedGeometry(geometry, 'geometry');
      const [buffer] = await app.db.query<{ buffer: unknown }>(bufferSql, [text, distancia]);
      const results = await Promise.all(
        targets.map(async (layer) => {
          const skip = excluded?.layer === layer.id ? excluded.id : null;
          const rows = await app.db.query<ProximityRow>(proximitySql(layer), [text, distancia, skip]);
          return { capa: layer.id, titulo: layer.title, truncado: rows.length > proximityLimit, objetos: rows.slice(0, proximityLimit) };
        }),
      );
      return { distancia, buffer: buffer?.buffer ?? null, capas: results };
    },
  );

  app.post(
    '/analysis/revision-prc',
    {
      schema: {
        summary: 'Revisión de una geometría frente al Plan Regulador',
        description:
          'Patrimonio dentro o cerca, zonas del PRC tocadas con sus usos y área de superposición, relación con el límite urbano (ambos instrumentos), superposición con el humedal vigente y el propuesto, y puntos críticos a menos de 200 m.',
        tags,
        body: PrcReviewRequest,
        response: { 200: PrcReviewBody, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const distancia = heritageDistance(request.body.distancia_patrimonio);
      const text = await reviewGeometry(app.db, request.body);
      return (await prcFindings(app.db, text, distancia)) as never;
    },
  );

  app.get(
    '/analysis/humedal',
    {
      schema: {
        summary: 'Humedal urbano: versión vigente y ampliación propuesta',
        description:
          'Área de cada versión (ha), área que agrega la ampliación propuesta, y los microbasurales, patrimonio, proyectos y puentes que quedan dentro de la propuesta y fuera de la vigente.',
        tags,
        response: { 200: WetlandBody },
      },
    },
    async () => {
      const [areas] = await app.db.query<{ vigente_ha: number; propuesta_ha: number; ganada_ha: number }>(wetlandAreasSql);
      const lists = await Promise.all(
        wetlandCheckedLayers.map(async ({ layer, label }) => [layer.id, await app.db.query(newlyInsideSql(layer, label))] as const),
      );
      return {
        vigente_ha: areas?.vigente_ha ?? 0,
        propuesta_ha: areas?.propuesta_ha ?? 0,
        ganada_ha: areas?.ganada_ha ?? 0,
        nuevos_dentro: Object.fromEntries(lists),
      } as never;
    },
  );

  await fastify.register(reviewRoutes);
}
