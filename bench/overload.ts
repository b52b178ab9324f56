import { execSync } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { projectRoot } from '../server/config.ts';
import { startSitProcess, tileAt } from './api.ts';
import { starPolygon } from '../tests/fixtures/analysis/star-polygon.ts';
import { machineDescription, writeSection } from './report.ts';
import { percentile } from './stats.ts';

/**
 * `npm run bench:sobrecarga`: what other users' map reads feel while an
 * anonymous client fires 50 heavy analyses at once, on both databases, with
 * the pool at 4 connections. Measured in one run, against a baseline of the
 * same reads without the heavy load. Writes its section of docs/benchmarks.md.
 */
const heavyCount = Number(process.env.BENCH_HEAVY ?? 50);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const heavyBody = JSON.stringify({
  geometry: starPolygon(3_000),
  distancia: 5_000,
  capas: ['patrimonio', 'unidades_vecinales', 'microbasurales'],
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** One request; resolves with its status (0 = no answer) and milliseconds. */
function request(url: string, body?: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const outgoing = http.request(
      url,
      {
        method: body ? 'POST' : 'GET',
        agent,
        timeout: 60_000,
        headers: { 'accept-encoding': 'gzip', ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    outgoing.on('error', () => resolve({ status: 0, ms: performance.now() - started }));
    outgoing.on('timeout', () => outgoing.destroy());
    outgoing.end(body);
  });
}

/** Map reads as two users make them: neighbouring z14 tiles (uncached) and a page of heritage items. */
function mapReads(baseUrl: string): string[] {
  const { z, x, y } = tileAt(14);
  const urls: string[] = [];
  for (let dx = -1; dx <= 1; dx += 1)
    for (let dy = -1; dy <= 1; dy += 1) urls.push(`${baseUrl}/tiles/WebMercatorQuad/${z}/${y + dy}/${x + dx}`);
  urls.push(`${baseUrl}/collections/patrimonio/items?limit=50`, `${baseUrl}/collections/puentes/items`);
  return urls;
}

/** Two readers loop over the map reads until `until()` says stop; returns every read's status and time. */
async function readWhile(baseUrl: string, until: () => boolean): Promise<{ status: number; ms: number }[]> {
  const urls = mapReads(baseUrl);
  const results: { status: number; ms: number }[] = [];
  await Promise.all(
    [0, 1].map(async (reader) => {
      for (let i = reader; !until(); i += 1) results.push(await request(urls[i % urls.length]!));
    }),
  );
  return results;
}

interface ModeResult {
  mode: string;
  baseline: { p50: number; p95: number; count: number };
  loaded: { p50: number; p95: number; max: number; count: number; failed: number };
  heavy: {
    ok: number;
    refused: number;
    other: number;
    refusedP50: number;
    refusedP95: number;
    refusedMax: number;
    immediate: number;
    okMax: number;
  };
  live: { p50: number; max: number };
}

async function measureMode(mode: string, env: Record<string, string>): Promise<ModeResult> {
  console.log(`${mode}: iniciando el SIT (pool 4)…`);
  const sit = await startSitProcess({
    env: { LOG_LEVEL: 'error', SIT_POOL_MAX: '4', SIT_TILE_CACHE_MB: '0', ...env },
    waitForReplica: true,
    limitMs: 180_000,
  });
  try {
    // Warm up, then the baseline: the same reads for 5 s with nothing heavy running.
    await readWhile(
      sit.baseUrl,
      (() => {
        const end = Date.now() + 2_000;
        return () => Date.now() > end;
      })(),
    );
    const baselineEnd = Date.now() + 5_000;
    const baseline = (await readWhile(sit.baseUrl, () => Date.now() > baselineEnd)).map((result) => result.ms);

    console.log(`${mode}: ${heavyCount} análisis pesados a la vez, con lecturas del mapa en paralelo…`);
    let done = false;
    const heavy = Promise.all(Array.from({ length: heavyCount }, () => request(`${sit.baseUrl}/analysis/proximidad`, heavyBody))).then(
      (results) => {
        done = true;
        return results;
      },
    );
    const liveTimes: number[] = [];
    const liveProbe = (async () => {
      while (!done) {
        liveTimes.push((await request(`${sit.baseUrl}/health/live`)).ms);
        await sleep(100);
      }
    })();
    const loaded = await readWhile(sit.baseUrl, () => done);
    const heavyResults = await heavy;
    await liveProbe;
    const refused = heavyResults.filter((result) => result.status === 503).map((result) => result.ms);
    const ok = heavyResults.filter((result) => result.status === 200).map((result) => result.ms);
    const loadedTimes = loaded.map((result) => result.ms);
    return {
      mode,
      baseline: { p50: percentile(baseline, 50), p95: percentile(baseline, 95), count: baseline.length },
      loaded: {
        p50: percentile(loadedTimes, 50),
        p95: percentile(loadedTimes, 95),
        max: Math.max(...loadedTimes),
        count: loaded.length,
        failed: loaded.filter((result) => result.status !== 200 && result.status !== 204).length,
      },
      heavy: {
        ok: ok.length,
        refused: refused.length,
        other: heavyResults.length - ok.length - refused.length,
        refusedP50: percentile(refused, 50),
        refusedP95: percentile(refused, 95),
        refusedMax: Math.max(0, ...refused),
        immediate: refused.filter((ms) => ms < 500).length,
        okMax: Math.max(0, ...ok),
      },
      live: { p50: percentile(liveTimes, 50), max: Math.max(0, ...liveTimes) },
    };
  } finally {
    await sit.stop();
  }
}

function serverUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  execSync('bash .ci/postgres install && bash .ci/postgres start', { cwd: projectRoot, stdio: 'inherit' });
  return execSync('bash .ci/postgres url', { cwd: projectRoot }).toString().trim();
}

const f = (value: number) => (value < 10 ? value.toFixed(1) : value.toFixed(0));

export async function runOverloadBench(): Promise<string> {
  const started = Date.now();
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query('drop database if exists sit_overload with (force)');
  await admin.query('create database sit_overload');
  await admin.end();
  const url = new URL(serverUrl());
  url.pathname = '/sit_overload';
  const embeddedDir = path.join(projectRoot, '.tmp', 'bench-overload-pglite');
  const modes: [string, Record<string, string>][] = [
    ['PostgreSQL', { DATABASE_URL: url.toString() }],
    ['embebida', { DATABASE_URL: '', SIT_DATA_DIR: embeddedDir }],
    ['embebida sin réplica', { DATABASE_URL: '', SIT_DATA_DIR: embeddedDir, SIT_EMBEDDED_REPLICA: 'false' }],
  ];
  const only = process.env.BENCH_MODES?.split(',');
  const results: ModeResult[] = [];
  for (const [mode, env] of modes) if (!only || only.includes(mode)) results.push(await measureMode(mode, env));
  const rows = results.map(
    (r) =>
      `| ${r.mode} | ${f(r.baseline.p50)} / ${f(r.baseline.p95)} | ${f(r.loaded.p50)} / ${f(r.loaded.p95)} / ${f(r.loaded.max)} | ${(r.loaded.p95 / r.baseline.p95).toFixed(2)} | ${r.loaded.failed} de ${r.loaded.count} | ${r.heavy.ok} / ${r.heavy.refused} / ${r.heavy.other} | ${r.heavy.immediate} | ${f(r.heavy.refusedP50)} / ${f(r.heavy.refusedMax)} | ${f(r.live.p50)} / ${f(r.live.max)} |`,
  );
  const markdown = `## Sobrecarga: ${heavyCount} análisis pesados a la vez (\`npm run bench:sobrecarga\`)

Medido el ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC en ${machineDescription()}; datos de Vallenar (semilla), caché de teselas apagada, pool de 4 conexiones (\`SIT_POOL_MAX=4\`), presupuesto de trabajo pesado por omisión (2 a la vez en el servidor, 1 en la embebida; 8 en cola; 10 s de espera máxima).
Carga: ${heavyCount} \`POST /analysis/proximidad\` anónimos a la vez con una estrella de 3 000 vértices, 5 km y 3 capas (cerca del máximo permitido), mientras dos usuarios leen el mapa (teselas z14 vecinas sin caché y páginas de \`items\`) sin pausa. Línea base: las mismas lecturas sin la carga, en la misma corrida.

| base | lecturas base p50 / p95 (ms) | lecturas con carga p50 / p95 / máx (ms) | p95 con carga / base | lecturas fallidas | análisis 200 / 503 / otros | 503 en < 0,5 s | 503 p50 / máx (ms) | \`/health/live\` p50 / máx (ms) |
|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Los 503 que tardan más de 0,5 s son los que esperaron turno en la cola (8 lugares) y vencieron su espera máxima; los demás se rechazan al llegar.
Duración de la corrida: ${((Date.now() - started) / 1000).toFixed(0)} s.`;
  await writeSection('sobrecarga', markdown);
  return markdown;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runOverloadBench().then(
    (markdown) => console.log(markdown),
    (error: Error) => {
      console.error(`El benchmark falló: ${error.message}`);
      process.exit(1);
    },
  );
}
