import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';

const HealthBody = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
  database: Type.Object({
    mode: Type.Union([Type.Literal('embedded'), Type.Literal('server')]),
    postgis: Type.String(),
    postgres: Type.String(),
    mvt: Type.Boolean(),
    reachable: Type.Boolean(),
  }),
  uptimeSeconds: Type.Number(),
});

/** `/health`: 200 while the database answers, 503 while it does not; the process stays up either way. */
export default async function healthRoutes(app: FastifyInstance) {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Estado del servicio y de la base de datos',
        tags: ['servicio'],
        response: { 200: HealthBody, 503: HealthBody },
      },
    },
    async (_request, reply) => {
      let reachable = true;
      try {
        await app.db.ping();
      } catch {
        reachable = false;
      }
      const body = {
        status: reachable ? ('ok' as const) : ('unavailable' as const),
        database: {
          mode: app.db.mode,
          postgis: app.capabilities.postgisVersion,
          postgres: app.capabilities.postgresVersion,
          mvt: app.capabilities.mvt,
          reachable,
        },
        uptimeSeconds: Math.round(process.uptime()),
      };
      return reply
        .status(reachable ? 200 : 503)
        .header('Cache-Control', 'no-store')
        .send(body);
    },
  );
}
