import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { EmbeddedDatabase } from '../../db/embedded.ts';

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Object({
    mode: Type.Union([Type.Literal('embedded'), Type.Literal('server')]),
    postgis: Type.String(),
    postgres: Type.String(),
    mvt: Type.Boolean(),
    reachable: Type.Boolean(),
    replica: Type.Optional(Type.Boolean({ description: 'Base embebida: la réplica de lectura está al día y atiende análisis e informes' })),
  }),
  uptimeSeconds: Type.Number(),
});

const LiveBody = Type.Object({ status: Type.Literal('ok'), uptimeSeconds: Type.Number() });

/**
 * Liveness and readiness, as load balancers and orchestrators read them:
 * - `/health/live`: 200 while the process serves HTTP; touches no database, so
 *   a slow query or a database outage never gets a healthy process restarted.
 * - `/health/ready` (and `/health`, with details): 200 while the database can be
 *   reached, 503 while it cannot. A busy database (every pooled connection in
 *   use, a long embedded query) is still ready: the check uses its own path.
 */
export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/health/live',
    {
      schema: { summary: 'Proceso vivo (no consulta la base de datos)', tags: ['servicio'], response: { 200: LiveBody } },
    },
    async (_request, reply) =>
      reply.header('Cache-Control', 'no-store').send({ status: 'ok', uptimeSeconds: Math.round(process.uptime()) }),
  );

  const ready = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    const reachable = await app.db.reachable();
    const body = {
      status: reachable ? ('ok' as const) : ('unavailable' as const),
      database: {
        mode: app.db.mode,
        postgis: app.capabilities.postgisVersion,
        postgres: app.capabilities.postgresVersion,
        mvt: app.capabilities.mvt,
        reachable,
        ...(app.db instanceof EmbeddedDatabase && app.db.replicaFresh !== null ? { replica: app.db.replicaFresh } : {}),
      },
      uptimeSeconds: Math.round(process.uptime()),
    };
    if (!reachable) reply.header('Retry-After', '5');
    return reply
      .status(reachable ? 200 : 503)
      .header('Cache-Control', 'no-store')
      .send(body);
  };
  const schema = (summary: string) => ({ schema: { summary, tags: ['servicio'], response: { 200: HealthBody, 503: HealthBody } } });
  app.get('/health/ready', schema('Listo para atender: la base de datos se alcanza'), ready);
  app.get('/health', schema('Estado del servicio y de la base de datos (igual que /health/ready)'), ready);
}
