import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, projectRoot, type Config } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { openEmbeddedDatabase } from '../../server/db/embedded.ts';
import { openServerDatabase } from '../../server/db/server-pool.ts';

/**
 * The template every test file copies is made once per run by global-setup,
 * named after the runner's process so that two runs at once never share one.
 * Workers read the name from the environment the runner set.
 */
const runId = process.env.SIT_TEST_RUN_ID ?? String(process.pid);

/** Folder of the embedded template. */
export const embeddedTemplateDir = path.join(projectRoot, '.tmp', `test-template-${runId}`);
/** Name of the server template database. */
export const serverTemplateName = `sit_test_template_${runId}`;

/** The PostgreSQL/PostGIS server the tests were asked to use, if any. */
export const serverUrl = process.env.TEST_DATABASE_URL || null;

export function urlForDatabase(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface TestDatabase {
  db: Database;
  config: Config;
  /** Where the copy lives: a data directory or a database URL. */
  location: string;
  dispose(): Promise<void>;
}

/**
 * A private, already migrated and seeded database for one test file: a copy
 * of the template (folder copy on the embedded PostGIS, CREATE DATABASE …
 * TEMPLATE on a server). Tests may write freely; dispose() throws it away.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (serverUrl) {
    const name = `sit_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${serverTemplateName}`);
    await admin.end();
    const url = urlForDatabase(serverUrl, name);
    const config = loadConfig({}, { databaseUrl: url, logLevel: 'silent', seed: false, tileVersionTtlMs: 0 });
    const db = openServerDatabase({
      connectionString: url,
      max: 4,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 30_000,
      onIdleError: () => {},
    });
    return {
      db,
      config,
      location: url,
      async dispose() {
        await db.close();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sit-test-'));
  const dataDir = path.join(dir, 'pglite');
  await cp(embeddedTemplateDir, dataDir, { recursive: true });
  const db = await openEmbeddedDatabase(dataDir, { statementTimeoutMs: 30_000 });
  const config = loadConfig({}, { dataDir, logLevel: 'silent', seed: false, tileVersionTtlMs: 0 });
  return {
    db,
    config,
    location: dataDir,
    async dispose() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
