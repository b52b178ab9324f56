import { execSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, projectRoot } from '../server/config.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { measure, startSitProcess, tileCase, type Case, type CaseResult } from './api.ts';
import { machineDescription, writeSection } from './report.ts';

/**
 * `npm run bench:embebida`: map tiles on the embedded database against the
 * same tiles on a PostgreSQL/PostGIS server, with Vallenar's data (the seed),
 * tile cache off, in one run: p50 at one connection and throughput with 8
 * connections on neighbouring tiles; the embedded side with and without its
 * read replica (the second worker that shares tile reads).
 */
const databaseName = 'sit_bench_embebida';
const dataDir = path.join(projectRoot, '.tmp', 'bench-embebida');

function serverUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  execSync('bash .ci/postgres install && bash .ci/postgres start', { cwd: projectRoot, stdio: 'inherit' });
  return execSync('bash .ci/postgres url', { cwd: projectRoot }).toString().trim();
}

async function prepareServer(): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`drop database if exists ${databaseName} with (force)`);
  await admin.query(`create database ${databaseName}`);
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = `/${databaseName}`;
  const db = await prepareDatabase(loadConfig({}, { databaseUrl: url.toString() }), { info: () => {}, warn: console.warn }, { seed: true });
  await db.close();
  return url.toString();
}

/** The map tile cases of bench/api.ts over HTTP only (their SQL side runs on the server). */
const cases: Case[] = [12, 14, 16].map((z) => {
  const { sql: _sql, variant, ...rest } = tileCase(z);
  return { ...rest, variant: (loop: number) => ({ ...(variant?.(loop) as Case), sql: undefined }) };
});

async function measureAll(env: Record<string, string>, waitForReplica = false): Promise<CaseResult[]> {
  const sit = await startSitProcess({ env: { SIT_TILE_CACHE_MB: '0', ...env }, waitForReplica, limitMs: 180_000 });
  try {
    const results: CaseResult[] = [];
    for (const item of cases) results.push(await measure(sit.baseUrl, '', item));
    return results;
  } finally {
    await sit.stop();
  }
}

const load = () => execSync('cat /proc/loadavg').toString().split(' ').slice(0, 3).join(' / ');

async function main() {
  const started = Date.now();
  const loadBefore = load();
  const url = await prepareServer();
  await rm(dataDir, { recursive: true, force: true });
  console.log('servidor PostgreSQL…');
  const server = await measureAll({ DATABASE_URL: url, SIT_SEED: 'false' });
  console.log('embebida sin réplica (crea la base la primera vez)…');
  const single = await measureAll({ SIT_DATA_DIR: dataDir, SIT_EMBEDDED_REPLICA: 'false' });
  console.log('embebida con réplica…');
  const replica = await measureAll({ SIT_DATA_DIR: dataDir, SIT_EMBEDDED_REPLICA: 'true' }, true);
  await rm(dataDir, { recursive: true, force: true });
  await rm(`${dataDir}-lectura`, { recursive: true, force: true });

  const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
  const rows = cases.map((item, index) => {
    const [s, a, b] = [server[index], single[index], replica[index]] as [CaseResult, CaseResult, CaseResult];
    return `| ${item.name} | ${(s.bytes / 1024).toFixed(1)} | ${ms(s.http.p50)} | ${ms(a.http.p50)} | ${ms(b.http.p50)} | ${(b.http.p50 / s.http.p50).toFixed(2)} | ${s.httpPerSecond.toFixed(0)} | ${a.httpPerSecond.toFixed(0)} | ${b.httpPerSecond.toFixed(0)} | ${(b.httpPerSecond / s.httpPerSecond).toFixed(2)} |`;
  });
  const markdown = `## Base embebida frente a PostgreSQL: teselas del mapa (\`npm run bench:embebida\`)

Medido el ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC en ${machineDescription()}; carga (1 / 5 / 15 min) al empezar ${loadBefore}, al terminar ${load()}.
Datos de Vallenar (semilla) en ambas bases; caché de teselas apagada; p50 con 1 conexión (ms) y rendimiento con 8 conexiones, cada una en una tesela vecina distinta (peticiones/s).
«Embebida» es PGlite en su hilo de trabajo; «con réplica» suma la copia de lectura en un segundo hilo, que responde las teselas cuando el primario tiene más trabajo en espera.

| tesela | KB | p50 servidor | p50 embebida | p50 con réplica | embebida/servidor (p50) | servidor/s | embebida/s | con réplica/s | con réplica/servidor (rend.) |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Duración de la corrida: ${((Date.now() - started) / 1000).toFixed(0)} s.`;
  await writeSection('embebida', markdown);
  console.log(markdown);
}

main().catch((error: Error) => {
  console.error(`El benchmark falló: ${error.message}`);
  process.exit(1);
});
