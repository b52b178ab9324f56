import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.ts';
import { openTestDatabase, type TestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a private copy of the seeded database, for app.inject. */
export async function openTestApp(): Promise<TestApp> {
  const database = await openTestDatabase();
  const app = await buildApp({ config: database.config, database: database.db, logger: false });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}
