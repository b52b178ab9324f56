import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordAudit, type AuditEntry } from '../../audit/record.ts';
import type { SessionUser } from '../../auth/roles.ts';
import type { Queryable } from '../../db/database.ts';
import { notFound } from '../../errors.ts';
import { ErrorBody, ProjectParams } from './schemas.ts';
import { checkDay, cleanText, conflict, trackingValidationError, unprocessable } from './tracking-checks.ts';
import * as sql from './tracking-sql.ts';
import {
  BudgetBody,
  IndicatorBody,
  MilestoneBody,
  MilestoneParams,
  MilestonePatch,
  ProgressBody,
  StatusBody,
  TrackingHistory,
  TrackingResult,
} from './tracking-schemas.ts';

const tags = ['Seguimiento e informes'];
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

interface ProjectState {
  codigo: string;
  estado: string | null;
  avance_fisico: number | null;
}

/** Locks the project's row for the rest of the transaction; 404 when the plan has no such project. */
async function lockProject(tx: Queryable, codigo: string): Promise<ProjectState & { fuentes_financiamiento: string[] }> {
  const [project] = await tx.query<ProjectState & { fuentes_financiamiento: string[] }>(sql.lockProjectSql, [codigo]);
  if (!project) throw notFound(`No existe el proyecto «${codigo}» en el PLADECO.`, 'codigo');
  return project;
}

const projectOut = (project: ProjectState) => ({
  codigo: project.codigo,
  estado: project.estado,
  avanceFisico: project.avance_fisico,
});

/** The signed-in person (the route's preHandler guarantees one). */
const userOf = (request: FastifyRequest): SessionUser => request.user!;

/** Audits the mirrored columns of `proyectos` when a history write changed them. */
async function auditMirror(tx: Queryable, user: SessionUser, before: ProjectState, after: ProjectState) {
  if (before.estado === after.estado && before.avance_fisico === after.avance_fisico) return;
  const entry: AuditEntry = {
    user,
    accion: 'modificar',
    recurso: 'proyectos',
    objetoId: after.codigo,
    antes: { estado: before.estado, avance_fisico: before.avance_fisico },
    despues: { estado: after.estado, avance_fisico: after.avance_fisico },
  };
  await recordAudit(tx, entry);
}

/**
 * Writes of plan tracking (role planificador; admin always): status changes,
 * physical progress, milestones, budget lines and manual programme
 * indicators. Each write runs in one transaction with its audit rows, and
 * leaves `proyectos.estado` / `proyectos.avance_fisico` equal to the latest
 * entry of their history (by date, not by when it was typed).
 */
export default async function trackingRoutes(fastify: FastifyInstance) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSchemaErrorFormatter(trackingValidationError);
  const preHandler = app.requireRole('planificador');

  app.get(
    '/plan/proyectos/:codigo/seguimiento',
    {
      schema: {
        summary: 'Historial de seguimiento de un proyecto',
        description:
          'Cambios de estado y mediciones de avance (del más reciente al más antiguo) e hitos del proyecto. Lectura pública; quién registró cada cambio solo con sesión.',
        tags,
        params: ProjectParams,
        response: { 200: TrackingHistory, 400: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const { codigo } = request.params;
      const [exists] = await app.db.query(sql.projectExistsSql, [codigo]);
      if (!exists) throw notFound(`No existe el proyecto «${codigo}» en el PLADECO.`, 'codigo');
      const [estados, avances, hitos] = await Promise.all([
        app.db.query<{ id: number; estado: string; desde: string; nota: string | null; registrado_por: string }>(sql.statusHistorySql, [
          codigo,
        ]),
        app.db.query<{ fecha: string; avance_fisico: number; nota: string | null; registrado_por: string }>(sql.progressHistorySql, [
          codigo,
        ]),
        app.db.query<{
          id: number;
          codigo: string;
          nombre: string;
          fecha_prevista: string | null;
          fecha_real: string | null;
          cumplido: boolean;
        }>(sql.milestonesOfProjectSql, [codigo]),
      ]);
      // Staff names are personal data: the public sees what was recorded, not who recorded it.
      if (!request.user) {
        return {
          codigo,
          estados: estados.map((row) => ({ ...row, registrado_por: null })),
          avances: avances.map((row) => ({ ...row, registrado_por: null })),
          hitos,
        };
      }
      return { codigo, estados, avances, hitos };
    },
  );

  app.post(
    '/plan/proyectos/:codigo/estados',
    {
      preHandler,
      schema: {
        summary: 'Registrar un cambio de estado',
        description:
          'Agrega una entrada al historial de estados (proyecto_estados). El estado vigente del proyecto pasa a ser el de la entrada con la fecha «desde» más reciente. «descartado» saca al proyecto del cálculo de avance.',
        tags,
        params: ProjectParams,
        body: StatusBody,
        response: { 201: TrackingResult, ...errors },
      },
    },
    async (request, reply) => {
      const { codigo } = request.params;
      const desde = checkDay(request.body.desde, 'desde', { notFuture: true });
      const user = userOf(request);
      const result = await app.db.transaction(async (tx) => {
        const before = await lockProject(tx, codigo);
        const [row] = await tx.query<{ id: number }>(sql.insertStatusSql, [
          codigo,
          request.body.estado,
          desde,
          cleanText(request.body.nota, 'nota'),
          user.nombre,
        ]);
        if (!row) throw conflict(`El proyecto ya tiene un estado registrado desde el ${desde}.`, 'desde');
        const [after] = await tx.query<ProjectState>(sql.mirrorStatusSql, [codigo]);
        await recordAudit(tx, { user, accion: 'crear', recurso: 'proyecto_estados', objetoId: row.id, antes: null, despues: row });
        await auditMirror(tx, user, before, after!);
        return { recurso: 'proyecto_estados', registro: row, proyecto: projectOut(after!) };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/plan/proyectos/:codigo/avances',
    {
      preHandler,
      schema: {
        summary: 'Registrar una medición de avance físico',
        description:
          'Agrega una medición (proyecto_avances). El avance vigente del proyecto pasa a ser el de la medición con la fecha más reciente.',
        tags,
        params: ProjectParams,
        body: ProgressBody,
        response: { 201: TrackingResult, ...errors },
      },
    },
    async (request, reply) => {
      const { codigo } = request.params;
      const fecha = checkDay(request.body.fecha, 'fecha', { notFuture: true });
      const user = userOf(request);
      const result = await app.db.transaction(async (tx) => {
        const before = await lockProject(tx, codigo);
        const [row] = await tx.query<{ codigo: string; fecha: string }>(sql.insertProgressSql, [
          codigo,
          fecha,
          request.body.avanceFisico,
          cleanText(request.body.nota, 'nota'),
          user.nombre,
        ]);
        if (!row) throw conflict(`El proyecto ya tiene una medición de avance el ${fecha}.`, 'fecha');
        const [after] = await tx.query<ProjectState>(sql.mirrorProgressSql, [codigo]);
        await recordAudit(tx, {
          user,
          accion: 'crear',
          recurso: 'proyecto_avances',
          objetoId: `${codigo}/${fecha}`,
          antes: null,
          despues: row,
        });
        await auditMirror(tx, user, before, after!);
        return { recurso: 'proyecto_avances', registro: row, proyecto: projectOut(after!) };
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/plan/proyectos/:codigo/hitos',
    {
      preHandler,
      schema: {
        summary: 'Crear un hito',
        description: 'Un hito con fecha prevista y, si ya ocurrió, fecha real (queda cumplido). El nombre es único en el proyecto.',
        tags,
        params: ProjectParams,
        body: MilestoneBody,
        response: { 201: TrackingResult, ...errors },
      },
    },
    async (request, reply) => {
      const { codigo } = request.params;
      const nombre = cleanText(request.body.nombre, 'nombre', true)!;
      const fechaPrevista = request.body.fechaPrevista ? checkDay(request.body.fechaPrevista, 'fechaPrevista') : null;
      const fechaReal = request.body.fechaReal ? checkDay(request.body.fechaReal, 'fechaReal', { notFuture: true }) : null;
      const user = userOf(request);
      const result = await app.db.transaction(async (tx) => {
        const project = await lockProject(tx, codigo);
        const [row] = await tx.query<{ id: number }>(sql.insertMilestoneSql, [codigo, nombre, fechaPrevista, fechaReal]);
        if (!row) throw conflict(`El proyecto ya tiene un hito llamado «${nombre}».`, 'nombre');
        await recordAudit(tx, { user, accion: 'crear', recurso: 'proyecto_hitos', objetoId: row.id, antes: null, despues: row });
        return { recurso: 'proyecto_hitos', registro: row, proyecto: projectOut(project) };
      });
      return reply.status(201).send(result);
    },
  );

  app.patch(
    '/plan/proyectos/:codigo/hitos/:id',
    {
      preHandler,
      schema: {
        summary: 'Modificar un hito',
        description:
          'Cambia nombre, fecha prevista o fecha real (null la borra). Un hito con fecha real queda cumplido; sin ella, pendiente.',
        tags,
        params: MilestoneParams,
        body: MilestonePatch,
        response: { 200: TrackingResult, ...errors },
      },
    },
    async (request) => {
      const { codigo, id } = request.params;
      const body = request.body;
      const user = userOf(request);
      return app.db.transaction(async (tx) => {
        const project = await lockProject(tx, codigo);
        const [before] = await tx.query<{ nombre: string; fecha_prevista: string | null; fecha_real: string | null }>(
          sql.milestoneForUpdateSql,
          [codigo, id],
        );
        if (!before) throw notFound(`El proyecto «${codigo}» no tiene un hito con id ${id}.`, 'id');
        const nombre = body.nombre === undefined ? before.nombre : cleanText(body.nombre, 'nombre', true)!;
        const pick = (value: string | null | undefined, current: string | null, field: string, notFuture: boolean) =>
          value === undefined ? current : value === null ? null : checkDay(value, field, { notFuture });
        const fechaPrevista = pick(body.fechaPrevista, before.fecha_prevista, 'fechaPrevista', false);
        const fechaReal = pick(body.fechaReal, before.fecha_real, 'fechaReal', true);
        if ((await tx.query(sql.milestoneNameTakenSql, [codigo, nombre, id])).length > 0) {
          throw conflict(`El proyecto ya tiene otro hito llamado «${nombre}».`, 'nombre');
        }
        const [row] = await tx.query(sql.updateMilestoneSql, [codigo, id, nombre, fechaPrevista, fechaReal]);
        await recordAudit(tx, { user, accion: 'modificar', recurso: 'proyecto_hitos', objetoId: id, antes: before, despues: row });
        return { recurso: 'proyecto_hitos', registro: row!, proyecto: projectOut(project) };
      });
    },
  );

  app.put(
    '/plan/proyectos/:codigo/presupuestos',
    {
      preHandler,
      schema: {
        summary: 'Registrar el presupuesto de un año y una fuente',
        description:
          'Crea o reemplaza la línea (proyecto, año, fuente) con sus montos estimado, aprobado y ejecutado en CLP (un monto ausente queda «sin información»). El ejecutado no puede superar al aprobado. La fuente se agrega a las fuentes de financiamiento del proyecto.',
        tags,
        params: ProjectParams,
        body: BudgetBody,
        response: { 200: TrackingResult, 201: TrackingResult, ...errors },
      },
    },
    async (request, reply) => {
      const { codigo } = request.params;
      const { anio, fuente } = request.body;
      const [estimado, aprobado, ejecutado] = [
        request.body.estimado ?? null,
        request.body.aprobado ?? null,
        request.body.ejecutado ?? null,
      ];
      if (estimado === null && aprobado === null && ejecutado === null) {
        throw unprocessable('sin_montos', 'Indique al menos un monto: estimado, aprobado o ejecutado.', 'estimado');
      }
      if (ejecutado !== null && aprobado !== null && ejecutado > aprobado) {
        throw unprocessable('ejecutado_excede_aprobado', 'El monto ejecutado no puede superar al aprobado.', 'ejecutado');
      }
      const user = userOf(request);
      const result = await app.db.transaction(async (tx) => {
        const project = await lockProject(tx, codigo);
        const [before] = await tx.query(sql.budgetLineSql, [codigo, anio, fuente]);
        const [row] = await tx.query(sql.upsertBudgetSql, [codigo, anio, fuente, estimado, aprobado, ejecutado]);
        await tx.query(sql.addFundingSourceSql, [codigo, fuente]);
        await recordAudit(tx, {
          user,
          accion: before ? 'modificar' : 'crear',
          recurso: 'proyecto_presupuestos',
          objetoId: `${codigo}/${anio}/${fuente}`,
          antes: before ?? null,
          despues: row,
        });
        return { created: !before, body: { recurso: 'proyecto_presupuestos', registro: row!, proyecto: projectOut(project) } };
      });
      return reply.status(result.created ? 201 : 200).send(result.body);
    },
  );

  app.post(
    '/plan/indicadores',
    {
      preHandler,
      schema: {
        summary: 'Registrar el valor de un indicador de programa',
        description:
          'Indicadores ingresados a mano (fuente «manual»), por programa y fecha. Los calculados de las capas (microbasurales erradicados, km de ciclovía) no se ingresan: el informe los calcula.',
        tags,
        body: IndicatorBody,
        response: { 201: TrackingResult, ...errors },
      },
    },
    async (request, reply) => {
      const body = request.body;
      const nombre = cleanText(body.nombre, 'nombre', true)!;
      const unidad = cleanText(body.unidad, 'unidad', true)!;
      const fecha = checkDay(body.fecha, 'fecha', { notFuture: true });
      if (body.valor === undefined && body.meta === undefined) {
        throw unprocessable('sin_valores', 'Indique el valor medido, la meta o ambos.', 'valor');
      }
      const user = userOf(request);
      const row = await app.db.transaction(async (tx) => {
        const [node] = await tx.query<{ nivel: string }>(sql.programmeNodeSql, [body.programa]);
        if (!node) throw unprocessable('programa_desconocido', `No existe el nodo «${body.programa}» en el PLADECO.`, 'programa');
        if (node.nivel !== 'programa') {
          throw unprocessable('no_es_programa', `«${body.programa}» es un ${node.nivel}, no un programa del PLADECO.`, 'programa');
        }
        const [inserted] = await tx.query<{ id: number }>(sql.insertIndicatorSql, [
          body.programa,
          nombre,
          unidad,
          body.meta ?? null,
          body.valor ?? null,
          fecha,
        ]);
        if (!inserted) throw conflict(`El indicador «${nombre}» ya tiene un valor el ${fecha}.`, 'fecha');
        await recordAudit(tx, {
          user,
          accion: 'crear',
          recurso: 'indicadores_programa',
          objetoId: inserted.id,
          antes: null,
          despues: inserted,
        });
        return inserted;
      });
      return reply.status(201).send({ recurso: 'indicadores_programa', registro: row, proyecto: null });
    },
  );
}
