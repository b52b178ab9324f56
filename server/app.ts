import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { heavyConcurrencyOf, type Config } from './config.ts';
import type { Database } from './db/database.ts';
import errorsPlugin from './plugins/errors.ts';
import securityHeadersPlugin from './plugins/security-headers.ts';
import databasePlugin from './plugins/database.ts';
import authPlugin from './auth/plugin.ts';
import jsonBodyPlugin from './plugins/json-body.ts';
import workBudgetPlugin from './plugins/work-budget.ts';
import clientPlugin from './plugins/client.ts';
import healthRoutes from './routes/health/index.ts';
import ogcRoutes from './ogc/index.ts';
import fastifySwagger from '@fastify/swagger';
import { swaggerOptions } from './ogc/openapi.ts';
import tileRoutes from './tiles/index.ts';
import planRoutes from './routes/plan/index.ts';
import searchRoutes from './routes/search/index.ts';
import reportRoutes from './routes/reports/index.ts';
import analysisRoutes from './routes/analysis/index.ts';
import authRoutes from './routes/auth/index.ts';
import editingRoutes from './editing/routes.ts';
import userRoutes from './routes/users/index.ts';
import auditRoutes from './routes/audit/index.ts';
import fieldRoutes from './routes/field/index.ts';
import microbasuralRoutes from './routes/microbasurales/index.ts';

export interface BuildOptions {
  config: Config;
  /** A prepared database to use instead of opening one (tests share one per file). */
  database?: Database;
  logger?: FastifyServerOptions['logger'];
}

/** Log lines never carry credentials, cookies or tokens. */
const redact = ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'];

/**
 * Builds the whole SIT as a Fastify app without listening: plugins first
 * (errors, database, client), then one plugin per resource. Tests call this
 * and use `app.inject`.
 */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: options.config.logLevel, redact },
    bodyLimit: 10 * 1024 * 1024,
    trustProxy: options.config.trustProxy,
    // Creating the embedded database on first start takes ~20 s on these machines.
    pluginTimeout: 180_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
    // A URL that cannot be decoded (`/%zz`) fails before routing, so before the error handler and the
    // security headers' hook: answer it here, in Spanish and with the same headers.
    frameworkErrors: (_error, _request, reply: FastifyReply) => {
      void reply
        .status(400)
        .headers({
          'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'no-referrer',
        })
        .send({ code: 'bad_url', description: 'La URL solicitada no es válida (tiene caracteres mal codificados).' });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(databasePlugin, { config: options.config, ...(options.database ? { database: options.database } : {}) });
  await app.register(jsonBodyPlugin);
  await app.register(workBudgetPlugin, {
    concurrency: heavyConcurrencyOf(options.config),
    queueLength: options.config.heavyQueue,
    maxWaitMs: options.config.heavyWaitMs,
  });
  await app.register(authPlugin);
  await app.register(clientPlugin, { clientDir: options.config.clientDir });
  // The OpenAPI document (/api, and /api.html for people) is generated from the schemas of the routes registered after this.
  await app.register(fastifySwagger, swaggerOptions);
  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(userRoutes);
  await app.register(auditRoutes);
  await app.register(microbasuralRoutes);
  await app.register(fieldRoutes, {
    reincidenceDistanceM: options.config.reincidenceDistanceM,
    comunaToleranceM: options.config.comunaToleranceM,
  });
  await app.register(ogcRoutes);
  await app.register(editingRoutes, { comunaToleranceM: options.config.comunaToleranceM });
  // A cache of one byte stores nothing: SIT_TILE_CACHE_MB=0 measures every tile.
  await app.register(tileRoutes, {
    cacheBytes: Math.max(1, options.config.tileCacheMb * 2 ** 20),
    versionTtlMs: options.config.tileVersionTtlMs,
  });
  await app.register(planRoutes);
  await app.register(searchRoutes);
  await app.register(reportRoutes, { publicUrl: options.config.publicUrl });
  await app.register(analysisRoutes);
  return app;
}
