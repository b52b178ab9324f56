import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { progressOf, rollupRule, type RollupProjectRow } from '../../plan/rollup.ts';
import * as reportSql from '../reports/report-sql.ts';
import { planProgress } from '../reports/semiannual.ts';
import * as sql from './dashboard-sql.ts';
import { Dashboard, DashboardQuery } from './dashboard-schemas.ts';
import { ErrorBody } from './schemas.ts';
import { checkDay, todayInChile } from './tracking-checks.ts';

interface BudgetYear {
  anio: number;
  estimado: number | null;
  aprobado: number | null;
  ejecutado: number | null;
}

/**
 * The workbench dashboard in one answer: progress per lineamiento, budget
 * execution, investment and progress per neighbourhood unit at a cut-off
 * date, and the whole status history for the map's time slider.
 */
export default async function dashboardRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/plan/tablero',
    {
      schema: {
        summary: 'Tablero de seguimiento del PLADECO',
        description: `Avance por lineamiento, ejecución presupuestaria, inversión y avance por unidad vecinal a la fecha de corte, e historial de estados. ${rollupRule} En las unidades, sin avance registrado = null («sin información»).`,
        tags: ['Seguimiento e informes'],
        querystring: DashboardQuery,
        response: { 200: Dashboard, 400: ErrorBody },
      },
    },
    async (request) => {
      const hasta = request.query.hasta ? checkDay(request.query.hasta, 'hasta') : todayInChile();
      const [tree, budget, history, units, hits, investment, states] = await Promise.all([
        planProgress(app.db, hasta),
        app.db.query<BudgetYear>(sql.budgetByYearSql),
        app.db.query<{ codigo: string; estado: string; desde: string }>(sql.statusHistorySql),
        app.db.query<{ id: number; codigo: string; nombre: string }>(sql.unitsSql),
        app.db.query<{ id: number; codigo: string }>(sql.unitHitsSql),
        app.db.query<{ codigo: string; inversion: number }>(reportSql.territorySql),
        app.db.query<RollupProjectRow>(reportSql.projectStateSql, [hasta]),
      ]);
      const stateOf = new Map(states.map((state) => [state.codigo, state]));
      const investmentOf = new Map(investment.map((row) => [row.codigo, row.inversion]));
      const total = (key: 'estimado' | 'aprobado' | 'ejecutado') => budget.reduce((sum, row) => sum + (row[key] ?? 0), 0);
      return {
        hasta,
        periodo: { desde: '2022-01-01', hasta: '2029-12-31' },
        regla: rollupRule,
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
          return {
            ...unit,
            proyectos: projects.length,
            inversion: Math.round(investmentOf.get(unit.codigo) ?? 0),
            avance,
            conAvance,
            sinInformacion,
          };
        }),
        historial: history,
      };
    },
  );
}
