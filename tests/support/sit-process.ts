import { spawn, execSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import pg from 'pg';
import { projectRoot } from '../../server/config.ts';
import { urlForDatabase } from './test-database.ts';

/**
 * The SIT as its own process (`node --import tsx server/server.ts`) on a
 * fresh database of the PostgreSQL server named by TEST_DATABASE_URL, for
 * tests that stop, kill or starve that server under a running SIT. Needs
 * TEST_DATABASE_URL and SIT_PG_CONTROL (e.g. "bash .ci/postgres"); without
 * them the test fails, it never skips.
 */
export interface SitProcess {
  baseUrl: string;
  /** URL of the SIT's database, for checking what was stored. */
  databaseUrl: string;
  /** Exit code once the process ended, null while it runs. */
  exitCode(): number | null;
  /** Runs `.ci/postgres ACTION` (start, stop, kill). */
  pgControl(action: 'start' | 'stop' | 'kill'): void;
  stop(): Promise<number | null>;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The status of GET url, or 0 when it could not be had within 4 s. */
export async function statusOf(url: string): Promise<number> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(4_000) })).status;
  } catch {
    return 0;
  }
}

/** Polls url until it answers `status`; returns the milliseconds it took, or throws after `limitMs`. */
export async function waitForStatus(url: string, status: number, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await statusOf(url)) === status) return Date.now() - started;
    await sleep(200);
  }
  throw new Error(`${url} no respondió ${status} en ${limitMs} ms`);
}

export async function startSitProcess(database: string, env: Record<string, string> = {}): Promise<SitProcess> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const control = process.env.SIT_PG_CONTROL;
  if (!serverUrl || !control) throw new Error('Esta prueba necesita TEST_DATABASE_URL y SIT_PG_CONTROL (la ejecuta .ci/run).');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.query(`create database ${database}`);
  await admin.end();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const databaseUrl = urlForDatabase(serverUrl, database);
  let exited: number | null = null;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.on('exit', (code, signal) => {
    exited = code ?? (signal ? 128 : -1);
  });
  await waitForStatus(`${baseUrl}/health`, 200, 120_000);
  return {
    baseUrl,
    databaseUrl,
    exitCode: () => exited,
    pgControl: (action) => execSync(`${control} ${action}`, { cwd: projectRoot, stdio: 'inherit' }),
    async stop() {
      if (exited === null) child.kill('SIGTERM');
      for (let waited = 0; exited === null && waited < 20_000; waited += 100) await sleep(100);
      return exited;
    },
  };
}
