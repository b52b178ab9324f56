import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { demoPresence, demoPresenceOf } from '../../figures/demo.ts';
import { scopeOf, scopeParams } from '../../figures/scope.ts';
import { sumKnown } from '../../figures/unknown.ts';
import { progressOf, rollupRule, type RollupProjectRow } from '../../plan/rollup.ts';
import * as reportSql from '../reports/report-sql.ts';
import { planProgress } from '../reports/semiannual.ts';
import * as sql from './dashboard-sql.ts';
import { Dashboard, DashboardQuery, DemoAnswer } from './dashboard-schemas.ts';
import { ErrorBody } from './schemas.ts';
import { checkDay, todayInChile } from './tracking-checks.ts';

interface BudgetYear {
  anio: number;
  estimado: number | null;
  aprobado: number | null;
  ejecutado: number | null;
}

/** Kinds of demo data the dashboard's figures read (server/figures/demo.ts). */
const demoKinds = ['proyectos_con_seguimiento_demo', 'cambios_estado', 'avances', 'lineas_presupuesto', 'ubicaciones_proyecto'];

/**
 * The workbench dashboard in one answer: progress per lineamiento, budget
 * execution, investment and progress per neighbourhood unit at a cut-off
 * date, and the whole status history for the map's time slider. By default
 * it includes demo data and says so (`incluye_demo`); with `oficial=true` it
 * shows the official figures only, the ones the semiannual report prints.
 */
export default async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/plan/tablero',
    {
      schema: {
        summary: 'Tablero de seguimiento del PLADECO',
        description: `Avance por lineamiento, ejecución presupuestaria, inversión y avance por unidad vecinal a la fecha de corte, e historial de estados. ${rollupRule} Lo no registrado es null («sin información»), nunca 0. Con oficial=true, solo datos oficiales (las cifras del informe al Concejo); si no, incluye los de demostración y lo dice en incluye_demo.`,
        tags: ['Seguimiento e informes'],
        querystring: DashboardQuery,
        response: { 200: Dashboard, 400: ErrorBody },
      },
    },
    async (request) => {
      const hasta = request.query.hasta ? checkDay(request.query.hasta, 'hasta') : todayInChile();
      const oficial = request.query.oficial === true;
      const scope = scopeOf(oficial);
      const [precisions, demo] = scopeParams(scope);
      const [tree, budget, history, units, hits, investment, states, presence] = await Promise.all([
        planProgress(app.db, hasta, scope),
        app.db.query<BudgetYear>(sql.budgetByYearSql, [demo]),
        app.db.query<{ codigo: string; estado: string; desde: string }>(sql.statusHistorySql, [demo]),
        app.db.query<{ id: number; codigo: string; nombre: string }>(sql.unitsSql),
        app.db.query<{ id: number; codigo: string }>(sql.unitHitsSql, [precisions]),
        app.db.query<{ codigo: string; proyectos: number; con_presupuesto: number; inversion: number | null }>(reportSql.territorySql, [
          precisions,
          demo,
        ]),
        app.db.query<RollupProjectRow>(reportSql.projectStateSql, [hasta, demo]),
        demoPresence(app.db),
      ]);
      const stateOf = new Map(states.map((state) => [state.codigo, state]));
      const investmentOf = new Map(investment.map((row) => [row.codigo, row]));
      const total = (key: 'estimado' | 'aprobado' | 'ejecutado') => sumKnown(budget.map((row) => row[key])).value;
      return {
        hasta,
        periodo: { desde: '2022-01-01', hasta: '2029-12-31' },
        regla: rollupRule,
        oficial,
        ...(oficial ? { incluye_demo: false, datos_demo: {} } : demoPresenceOf(presence, demoKinds)),
        lineamientos: tree.map((node) => ({
          codigo: node.codigo,
          nombre: node.nombre,
          avance: node.avance,
          proyectos: node.proyectos,
          incluidos: node.incluidos,
          conAvance: node.conAvance,
          sinInformacion: node.sinInformacion,
        })),
        ejecucion: { estimado: total('estimado'), aprobado: total('aprobado'), ejecutado: total('ejecutado'), porAnio: budget },
        unidades: units.map((unit) => {
          const projects = hits.filter((hit) => hit.id === unit.id).flatMap((hit) => stateOf.get(hit.codigo) ?? []);
          const { avance, conAvance, sinInformacion } = progressOf(projects);
          const money = investmentOf.get(unit.codigo);
          return {
            ...unit,
            proyectos: projects.length,
            conPresupuesto: money?.con_presupuesto ?? 0,
            // No project in the unit: nothing attributed, a real 0; projects without any budget: unknown.
            inversion: !money?.proyectos ? 0 : money.inversion === null ? null : Math.round(money.inversion),
            avance,
            conAvance,
            sinInformacion,
          };
        }),
        historial: history,
      };
    },
  );

  app.get(
    '/plan/datos-demo',
    {
      schema: {
        summary: 'Datos de demostración presentes en la base',
        description:
          'Cuántos datos de demostración hay, por tipo (seguimiento del plan marcado demo, objetos de precisión demo), para que el cliente marque las cifras que los incluyen. npm run demo:remove los elimina.',
        tags: ['Seguimiento e informes'],
        response: { 200: DemoAnswer },
      },
    },
    async () => demoPresence(app.db),
  );
}
