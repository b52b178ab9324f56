import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { detectCapabilities, type Capabilities } from '../db/capabilities.ts';
import { prepareDatabase } from '../db/prepare.ts';
import { EmbeddedDatabase } from '../db/embedded.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    capabilities: Capabilities;
  }
}

export interface DatabasePluginOptions {
  config: Config;
  /** An already prepared database (tests); otherwise one is opened, migrated and seeded here. */
  database?: Database;
}

/** Decorates the app with `db` and `capabilities`; closes what it opened when the app closes. */
export default fp<DatabasePluginOptions>(async function databasePlugin(app: FastifyInstance, options) {
  const owned = !options.database;
  const database = options.database ?? (await prepareDatabase(options.config, app.log));
  app.decorate('db', database);
  app.decorate('capabilities', await detectCapabilities(database));
  app.log.info({ mode: database.mode, ...app.capabilities }, 'base de datos lista');
  if (owned && database instanceof EmbeddedDatabase && options.config.embeddedReplica) {
    // Once the server listens (so opening the copy does not compete with start-up for the CPU), in the
    // background: until the first copy is open (~3 s), heavy reads use the primary.
    app.addHook('onListen', async () => {
      void database
        .startReplica((error) => app.log.warn({ err: { message: error.message } }, 'réplica de lectura embebida no disponible'))
        .then(() => app.log.info('réplica de lectura embebida lista'));
    });
  }
  if (owned) {
    app.addHook('onClose', async () => {
      await database.close();
    });
  }
});
