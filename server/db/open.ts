import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from './database.ts';
import { openEmbeddedDatabase } from './embedded.ts';
import { openServerDatabase } from './server-pool.ts';

/** Opens the database the configuration names: a server through DATABASE_URL, else the embedded one. */
export async function openDatabase(config: Config, log: Pick<FastifyBaseLogger, 'warn'>): Promise<Database> {
  if (config.databaseUrl) {
    return openServerDatabase({
      connectionString: config.databaseUrl,
      max: config.poolMax,
      connectTimeoutMs: config.connectTimeoutMs,
      statementTimeoutMs: config.statementTimeoutMs,
      onIdleError: (error) => log.warn({ err: { message: error.message } }, 'conexión inactiva perdida con la base de datos'),
    });
  }
  // No time limit while migrations and seeds run (creating PostGIS in a new data folder takes ~17 s);
  // prepareDatabase sets the configured limit once the database is ready to serve.
  return openEmbeddedDatabase(config.dataDir, {
    statementTimeoutMs: 0,
    onRestart: (reason) => log.warn({ reason }, 'base de datos embebida reiniciada; lo confirmado se conserva'),
  });
}
