import { rm } from 'node:fs/promises';
import pg from 'pg';
import { loadConfig } from '../../server/config.ts';
import { prepareDatabase } from '../../server/db/prepare.ts';
import { embeddedTemplateDir, serverTemplateName, serverUrl, urlForDatabase } from './test-database.ts';

const quiet = { info: () => {}, warn: (...args: unknown[]) => console.warn(...args) };

/**
 * Prepares the template every test file copies: migrated and seeded once per
 * run. With TEST_DATABASE_URL the server must answer: a database that was
 * asked for and is missing fails the run, it is never skipped.
 */
export default async function setup() {
  process.env.SIT_TEST_RUN_ID = String(process.pid);
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
    try {
      await admin.connect();
    } catch (error) {
      throw new Error(
        `TEST_DATABASE_URL no responde (${(error as Error).message}): las pruebas pidieron un servidor PostGIS y no lo obtuvieron.`,
        { cause: error },
      );
    }
    await admin.query(`drop database if exists ${serverTemplateName} with (force)`);
    await admin.query(`create database ${serverTemplateName}`);
    await admin.end();
    const config = loadConfig({}, { databaseUrl: urlForDatabase(serverUrl, serverTemplateName), logLevel: 'silent' });
    const db = await prepareDatabase(config, quiet, { seed: true });
    await db.close();
    return async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl ?? undefined });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${serverTemplateName} with (force)`);
      await cleanup.end();
    };
  }
  await rm(embeddedTemplateDir, { recursive: true, force: true });
  await rm(`${embeddedTemplateDir}.lock`, { force: true });
  const config = loadConfig({}, { dataDir: embeddedTemplateDir, logLevel: 'silent' });
  const db = await prepareDatabase(config, quiet, { seed: true });
  await db.close();
  return async () => {
    await rm(embeddedTemplateDir, { recursive: true, force: true });
  };
}
