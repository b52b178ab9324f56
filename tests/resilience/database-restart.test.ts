import { spawn, execSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { urlForDatabase } from '../support/test-database.ts';

/**
 * Stops and restarts the real PostgreSQL under a running SIT. Needs
 * TEST_DATABASE_URL and SIT_PG_CONTROL (a command taking stop|start, e.g.
 * "bash .ci/postgres"); without them the test fails, it never skips.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const control = process.env.SIT_PG_CONTROL;
const database = 'sit_resilience';
let child: ChildProcess;
let baseUrl = '';
let exited: number | null = null;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function health(): Promise<number> {
  try {
    return (await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(4_000) })).status;
  } catch {
    return 0;
  }
}

/** Polls /health until it answers `status`; returns the milliseconds it took, or throws after `limitMs`. */
async function waitForHealth(status: number, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await health()) === status) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`/health no respondió ${status} en ${limitMs} ms`);
}

const pgControl = (action: 'stop' | 'start') => execSync(`${control} ${action}`, { cwd: projectRoot, stdio: 'inherit' });

beforeAll(async () => {
  if (!serverUrl || !control) throw new Error('Esta prueba necesita TEST_DATABASE_URL y SIT_PG_CONTROL (la ejecuta .ci/run).');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await admin.end();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: urlForDatabase(serverUrl, database), PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  await waitForHealth(200, 120_000);
});

afterAll(async () => {
  child?.kill('SIGTERM');
  await sleep(500);
});

describe('the SIT against a PostgreSQL server that stops and comes back', () => {
  it('turns /health to 503 within 5 s of stopping PostgreSQL, and keeps running', async () => {
    pgControl('stop');
    try {
      const took = await waitForHealth(503, 5_000);
      console.log(`/health pasó a 503 en ${took} ms`);
      const items = await fetch(`${baseUrl}/collections/comuna/items`);
      expect(items.status).toBe(503);
      expect(((await items.json()) as { code: string }).code).toBe('database_unavailable');
      expect(exited).toBeNull();
    } finally {
      pgControl('start');
    }
  });

  it('returns to 200 by itself when PostgreSQL is back, without restarting the SIT', async () => {
    const took = await waitForHealth(200, 30_000);
    console.log(`/health volvió a 200 en ${took} ms`);
    expect((await fetch(`${baseUrl}/collections/comuna/items?limit=1`)).status).toBe(200);
    expect(exited).toBeNull();
  });

  it('closes cleanly on SIGTERM', async () => {
    child.kill('SIGTERM');
    for (let waited = 0; exited === null && waited < 20_000; waited += 100) await sleep(100);
    expect(exited).toBe(0);
  });
});
