import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { notFound } from '../../errors.ts';
import { routeValidationError } from '../validation-errors.ts';
import {
  budgetByYearSql,
  crossCuttingAxesSql,
  filterValuesSql,
  lineageTextsSql,
  projectSql,
  projectUnitsSql,
  treeSql,
  unitsWithProjectsSql,
} from './plan-sql.ts';
import { kindNote, mentionsNote } from '../../plan/mentions.ts';
import { ErrorBody, PlanTree, ProjectCard, ProjectParams, UnitsWithProjects, estadosProyecto, type ProjectCardBody } from './schemas.ts';
import { buildPlanTree, type PlanNodeRow } from './tree.ts';
import { projectCard, type BudgetRow, type LineageTextRow, type ProjectRow, type UnitRow } from './project-card.ts';
import trackingRoutes from './tracking.ts';
import dashboardRoutes from './dashboard.ts';

const tags = ['Plan (PLADECO)'];
export const planPeriod = { desde: 2022, hasta: 2029 } as const;

interface FilterValuesRow {
  fuentes: string[];
  unidades: string[];
  anio_min: number | null;
  anio_max: number | null;
}

/**
 * The PLADECO 2022–2029 as the workbench needs it: the hierarchy with counts
 * for the filter panel, one project with its lineage, budget and the
 * neighbourhood units it touches, and the units with their projects.
 */
export default async function planRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Ajv errors become Spanish 400 answers naming the parameter, as in the OGC routes.
  app.setSchemaErrorFormatter(routeValidationError);
  // Writes of tracking data (planificador), in their own context for their error formatter.
  await app.register(trackingRoutes);
  await app.register(dashboardRoutes);

  app.get(
    '/plan/arbol',
    {
      schema: {
        summary: 'Jerarquía del PLADECO con conteos',
        description:
          'Lineamiento → objetivo → plan → programa → proyecto, en el orden del documento, con las definiciones y notas del Tomo II, el número de proyectos bajo cada nodo y cuántos tienen ubicación, las fuentes y años que el texto de cada proyecto menciona; los 10 ejes transversales; y los valores de los filtros.',
        tags,
        response: { 200: PlanTree },
      },
    },
    async () => {
      const [rows, [values], ejes] = await Promise.all([
        app.db.query<PlanNodeRow>(treeSql),
        app.db.query<FilterValuesRow>(filterValuesSql),
        app.db.query<{ codigo: string; nombre: string; descripcion: string }>(crossCuttingAxesSql),
      ]);
      return {
        titulo: 'PLADECO 2022–2029 de Vallenar',
        periodo: planPeriod,
        lineamientos: buildPlanTree(rows),
        ejesTransversales: ejes,
        notas: { tipo: kindNote, mencionadoEnPladeco: mentionsNote },
        filtros: {
          estados: [...estadosProyecto],
          fuentesFinanciamiento: values?.fuentes ?? [],
          unidadesResponsables: values?.unidades ?? [],
          anios: { desde: values?.anio_min ?? null, hasta: values?.anio_max ?? null },
        },
      };
    },
  );

  app.get(
    '/plan/proyectos/:codigo',
    {
      schema: {
        summary: 'Ficha de un proyecto del PLADECO',
        description:
          'Linaje completo, estado, presupuesto total y por año, y las unidades vecinales que su geometría intersecta (calculado en PostGIS). Un proyecto sin ubicación entrega una lista vacía y una nota.',
        tags,
        params: ProjectParams,
        response: { 200: ProjectCard, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request): Promise<ProjectCardBody> => {
      const { codigo } = request.params;
      const [project] = await app.db.query<ProjectRow>(projectSql, [codigo]);
      if (!project) throw notFound(`No existe el proyecto «${codigo}» en el PLADECO.`, 'codigo');
      const lineage = [project.lineamiento_codigo, project.objetivo_codigo, project.plan_codigo, project.programa_codigo, project.codigo];
      const [budget, units, texts] = await Promise.all([
        app.db.query<BudgetRow>(budgetByYearSql, [codigo]),
        app.db.query<UnitRow>(projectUnitsSql, [codigo]),
        app.db.query<LineageTextRow>(lineageTextsSql, [lineage.filter(Boolean)]),
      ]);
      return projectCard(project, budget, units, texts);
    },
  );

  app.get(
    '/plan/unidades-vecinales',
    {
      schema: {
        summary: 'Unidades vecinales con los proyectos que las tocan',
        description: 'Para cada unidad vecinal, los códigos de los proyectos cuya geometría la intersecta (PostGIS).',
        tags,
        response: { 200: UnitsWithProjects },
      },
    },
    async () => ({
      unidades: await app.db.query<{ id: number; codigo: string; nombre: string; area: string; proyectos: string[] }>(unitsWithProjectsSql),
      nota: 'Un proyecto que toca varias unidades figura en cada una; los proyectos sin ubicación no figuran.',
    }),
  );
}
