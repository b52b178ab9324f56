import type { FastifyBaseLogger } from 'fastify';
import { layers } from '../catalog/index.ts';
import { redactUrl, type Config } from '../config.ts';
import type { Database } from './database.ts';
import { EmbeddedDatabase } from './embedded.ts';
import { migrate } from './migrate.ts';
import { openDatabase } from './open.ts';
import { seedLayers } from './seed.ts';
import { seedPlan } from '../plan/seed-plan.ts';
import { isDatabaseUnavailable } from './faults.ts';

type Log = Pick<FastifyBaseLogger, 'info' | 'warn'>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens the configured database, waits for it (up to 30 s for a server that
 * is still starting), applies migrations and loads seed data into layers never
 * seeded. Used at server start and by the CLI.
 */
export async function prepareDatabase(config: Config, log: Log, options: { seed?: boolean } = {}): Promise<Database> {
  const started = Date.now();
  const where = config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir;
  log.info({ mode: config.databaseUrl ? 'server' : 'embedded', where }, 'abriendo base de datos');
  const db = await openDatabase(config, log);
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await db.ping();
        break;
      } catch (error) {
        if (!isDatabaseUnavailable(error) || Date.now() - started > 30_000) throw error;
        log.warn({ attempt }, 'la base de datos no responde; reintentando');
        await sleep(1_000);
      }
    }
    const applied = await migrate(db);
    if (applied.length > 0) log.info({ applied }, 'migraciones aplicadas');
    if (options.seed ?? config.seed) {
      const seeded = await seedLayers(db, layers);
      if (seeded.length > 0) log.info({ seeded }, 'datos iniciales cargados');
      const projects = await seedPlan(db);
      if (projects > 0) log.info({ projects }, 'PLADECO 2022–2029 cargado');
    }
    if (db instanceof EmbeddedDatabase) db.setStatementTimeout(config.statementTimeoutMs);
    log.info({ ms: Date.now() - started }, 'base de datos preparada');
    return db;
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}
