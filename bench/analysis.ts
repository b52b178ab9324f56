import { execSync } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { findLayer, type LayerDefinition } from '../server/catalog/index.ts';
import { loadConfig, projectRoot } from '../server/config.ts';
import type { Database } from '../server/db/database.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { openServerDatabase } from '../server/db/server-pool.ts';
import { indicatorsSql, type IndicatorUnitKind } from '../server/analysis/indicators.ts';
import { readRelationState, refreshRelations } from '../server/analysis/indicator-relations.ts';
import { demoPresence } from '../server/figures/demo.ts';
import { fullScope, scopeParams } from '../server/figures/scope.ts';
import { bufferSql, proximitySql, validitySql } from '../server/analysis/proximity.ts';
import { queryWithoutJit } from '../server/routes/analysis/without-jit.ts';
import { startServer } from './api.ts';
import { machineDescription, writeSection } from './report.ts';
import { loadSyntheticData } from './synthetic.ts';
import { timeSequential, type Timing } from './stats.ts';

/** One analysis request and the SQL the route runs for it, measured one after the other. */
interface AnalysisCase {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  /** The path of each request when they differ (a new question for every request: the indicators' cache misses). */
  pathOf?: () => string;
  body?: unknown;
  /** Runs before each request and each SQL sample, timed with it (a simulated write: one version bump). */
  before?: (db: Database) => Promise<unknown>;
  sql: (db: Database) => Promise<unknown>;
}

interface AnalysisResult {
  name: string;
  bytes: number;
  http: Timing;
  sql: Timing;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Sends one request accepting gzip like a browser; resolves with the bytes as sent. */
function send(baseUrl: string, item: AnalysisCase): Promise<number> {
  const payload = item.body === undefined ? undefined : JSON.stringify(item.body);
  const path = item.pathOf?.() ?? item.path;
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${path}`,
      {
        method: item.method,
        agent,
        headers: { 'accept-encoding': 'gzip', ...(payload ? { 'content-type': 'application/json' } : {}) },
      },
      (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () =>
          response.statusCode === 200 ? resolve(bytes) : reject(new Error(`${path}: HTTP ${response.statusCode}`)),
        );
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Plaza de Armas, where the synthetic micro-dumps and blocks are densest around. */
const plaza = { type: 'Point', coordinates: [-70.7616, -28.575] };

function proximityCase(distance: number, layerIds: string[]): AnalysisCase {
  const layers = layerIds.map((id) => findLayer(id) as LayerDefinition);
  const text = JSON.stringify(plaza);
  return {
    name: `proximidad ${distance} m (${layerIds.join(', ')})`,
    method: 'POST',
    path: '/analysis/proximidad',
    body: { geometry: plaza, distancia: distance, capas: layerIds },
    // What the route runs: the validity check, the buffer, one query per layer (concurrently, as the route does).
    sql: async (db) => {
      await db.query(validitySql, [text]);
      await db.query(bufferSql, [text, distance]);
      await Promise.all(layers.map((layer) => db.query(proximitySql(layer), [text, distance, null])));
    },
  };
}

/**
 * What the indicators route runs on a cache miss: the version query, the
 * rebuild of stale stored relations (none unless a source layer changed),
 * then the indicators; the demo counts only when `demoChanged` (a layer they
 * count was written), concurrently, as the route does.
 */
async function indicatorsSqlOnMiss(db: Database, unit: IndicatorUnitKind, distance: number, demoChanged: boolean): Promise<void> {
  const state = await readRelationState(db, unit);
  const rows = refreshRelations(db, unit, state).then(() =>
    queryWithoutJit(db, indicatorsSql(unit), [distance, ...scopeParams(fullScope)], { prepared: true }),
  );
  await Promise.all([rows, demoChanged ? demoPresence(db) : null]);
}

/** A write to the micro-dumps as the indicators see it: their layer version moves (the rebuild is the same as after a real edit). */
const bumpMicroDumps = (db: Database) =>
  db.query(`update layer_version set version = version + 1, changed_at = now() where layer_id = 'microbasurales'`);

/**
 * The indicators three ways: a repeated question (answered from the cache
 * after one version query), a new question each time (another distance: the
 * cache misses, the stored relations are current), and the same question
 * after every micro-dump write (the cache misses and the micro-dump relation
 * is rebuilt first).
 */
function indicatorsCases(unit: IndicatorUnitKind): AnalysisCase[] {
  const label = unit === 'unidades_vecinales' ? 'unidad vecinal' : 'zona censal';
  const path = `/analysis/indicadores?unidad=${unit}`;
  let asked = 0;
  return [
    { name: `indicadores por ${label}, en caché`, method: 'GET', path, sql: (db) => readRelationState(db, unit) },
    {
      name: `indicadores por ${label}, sin caché (otra distancia)`,
      method: 'GET',
      path,
      // 301 m, 302 m…: a question not asked before, so its answer is computed (over current stored relations).
      pathOf: () => `${path}&distancia_ciclovia=${300 + ++asked}`,
      sql: (db) => indicatorsSqlOnMiss(db, unit, 300, false),
    },
    {
      name: `indicadores por ${label}, tras escribir en microbasurales`,
      method: 'GET',
      path,
      before: bumpMicroDumps,
      sql: (db) => indicatorsSqlOnMiss(db, unit, 300, true),
    },
  ];
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

/**
 * The analysis endpoints on the benchmark database: the per-unit
 * aggregation (indicators) and proximity queries, each next to the SQL the
 * route runs, timed sequentially on one connection. Writes the `analysis`
 * section of docs/benchmarks.md. Nothing is asserted: the numbers are
 * recorded as measured.
 */
export async function runAnalysisBench(databaseUrl: string, note: string): Promise<string> {
  const started = Date.now();
  const cases = [
    ...indicatorsCases('unidades_vecinales'),
    ...indicatorsCases('zonas_censales'),
    proximityCase(300, ['microbasurales', 'manzanas_censales', 'patrimonio']),
    proximityCase(1000, ['microbasurales', 'manzanas_censales', 'patrimonio']),
  ];
  const server = await startServer(databaseUrl, 0);
  const db = openServerDatabase({
    connectionString: databaseUrl,
    max: 4,
    connectTimeoutMs: 5_000,
    statementTimeoutMs: 120_000,
    onIdleError: () => {},
  });
  const results: AnalysisResult[] = [];
  try {
    for (const item of cases) {
      console.log(`midiendo ${item.name}`);
      const bytes = await send(server.baseUrl, item);
      const samples = item.before ? 15 : 40;
      const httpTiming = await timeSequential(
        async () => {
          await item.before?.(db);
          return send(server.baseUrl, item);
        },
        samples,
        2,
      );
      const sqlTiming = await timeSequential(
        async () => {
          await item.before?.(db);
          return item.sql(db);
        },
        samples,
        2,
      );
      results.push({ name: item.name, bytes, http: httpTiming, sql: sqlTiming });
    }
  } finally {
    await db.close();
    await server.stop();
  }
  const unitCase = (suffix: string) => results.find((result) => result.name === `indicadores por unidad vecinal, ${suffix}`);
  const [warm, cold] = [unitCase('en caché'), unitCase('sin caché (otra distancia)')];
  const markdown = `## Análisis espacial: indicadores por unidad y proximidad

Medido el ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC en ${machineDescription()}.
${note}
HTTP = petición completa (node:http con keep-alive, gzip aceptado; KB = bytes enviados); SQL = las mismas consultas que ejecuta la ruta, directamente por \`pg\` (indicadores en caché: la consulta de versiones de capa; sin caché: versiones, reconstrucción de las relaciones guardadas que estén atrasadas (ninguna si no hubo escrituras) y los indicadores con \`jit = off\`, junto al recuento de datos demo si cambió una capa que cuenta, en paralelo como la ruta; proximidad: validez, buffer y una consulta por capa, en paralelo como la ruta).
«Otra distancia»: cada petición pide una distancia a ciclovía no pedida antes, así que la respuesta se calcula (sobre relaciones al día). «Tras escribir en microbasurales»: antes de cada petición sube la versión de la capa (como lo hace cualquier escritura; incluido en el tiempo), y la ruta reconstruye la relación de microbasurales antes de responder.
Latencias p50/p95 secuenciales con 1 conexión HTTP (ms).

Metas del issue 15 para los indicadores por unidad vecinal: en caché ≤ 50 ms (p50): ${warm ? `${ms(warm.http.p50)} ms` : '–'}; sin caché ≤ 1,2 × su SQL: ${cold ? `${(cold.http.p50 / cold.sql.p50).toFixed(2)} ×` : '–'} (lo que HTTP agrega a esta respuesta, visto en la fila en caché: ${warm ? `${ms(warm.http.p50 - warm.sql.p50)} ms` : '–'}). Referencia anotada (no medida en esta corrida): antes de las relaciones guardadas (commit e0e5f7b) cada petición lo calculaba todo, 1,06 s HTTP p50 y 1,04 s de SQL el 2026-12-03 en esta máquina con estos datos.

| caso | KB | HTTP p50 | HTTP p95 | SQL p50 | SQL p95 | HTTP/SQL | muestras |
|---|---|---|---|---|---|---|---|
${results
  .map(
    (result) =>
      `| ${result.name} | ${(result.bytes / 1024).toFixed(1)} | ${ms(result.http.p50)} | ${ms(result.http.p95)} | ${ms(result.sql.p50)} | ${ms(result.sql.p95)} | ${(result.http.p50 / result.sql.p50).toFixed(2)} | ${result.http.samples} |`,
  )
  .join('\n')}

Duración de esta parte: ${((Date.now() - started) / 1000).toFixed(0)} s.`;
  await writeSection('analysis', markdown);
  return markdown;
}

/** `npx tsx bench/analysis.ts`: only this section, on its own database (BENCH_DATABASE_URL or the .ci/postgres cluster). */
async function main() {
  const serverUrl =
    process.env.BENCH_DATABASE_URL ??
    (execSync('bash .ci/postgres install && bash .ci/postgres start', { cwd: projectRoot, stdio: 'inherit' }),
    execSync('bash .ci/postgres url', { cwd: projectRoot }).toString().trim());
  const points = Number(process.env.BENCH_POINTS ?? 100_000);
  const polygons = Number(process.env.BENCH_POLYGONS ?? 2_000);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists sit_bench_analisis with (force)');
  await admin.query('create database sit_bench_analisis');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/sit_bench_analisis';
  const db = await prepareDatabase(loadConfig({}, { databaseUrl: url.toString() }), { info: () => {}, warn: console.warn }, { seed: true });
  await loadSyntheticData(db, points, polygons);
  await db.close();
  const load = os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  console.log(
    await runAnalysisBench(
      url.toString(),
      `Datos: semilla de Vallenar + ${points.toLocaleString('es-CL')} microbasurales y ${polygons.toLocaleString('es-CL')} manzanas sintéticos (bench/synthetic.ts). Carga de la máquina al empezar (1/5/15 min): ${load}; los 2 núcleos se comparten con otros procesos.`,
    ),
  );
  const admin2 = new pg.Client({ connectionString: serverUrl });
  await admin2.connect();
  await admin2.query('drop database if exists sit_bench_analisis with (force)');
  await admin2.end();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error: Error) => {
    console.error(`El benchmark de análisis falló: ${error.message}`);
    process.exit(1);
  });
}
