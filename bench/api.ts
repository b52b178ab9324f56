import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import pg from 'pg';
import { findLayer, type LayerDefinition } from '../server/catalog/index.ts';
import { loadConfig, projectRoot } from '../server/config.ts';
import { prepareDatabase } from '../server/db/prepare.ts';
import { openServerDatabase } from '../server/db/server-pool.ts';
import type { Database } from '../server/db/database.ts';
import { defaultCrs } from '../server/ogc/crs.ts';
import { buildWhere, pageSql } from '../server/ogc/items-sql.ts';
import { postgisEncoder } from '../server/tiles/postgis-encoder.ts';
import { layersAtZoom, mapTileset } from '../server/tiles/tilesets.ts';
import { loadSyntheticData } from './synthetic.ts';
import { throughput, timeSequential, type Timing } from './stats.ts';

/** Vallenar's Plaza de Armas: the fixed tiles are the ones that contain it. */
const center = { lon: -70.7616, lat: -28.575 };

export function tileAt(z: number, lon = center.lon, lat = center.lat) {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return {
    z,
    x: Math.floor(((lon + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  };
}

export interface Case {
  name: string;
  path: string;
  /** The same work without HTTP: the SQL (and, for tiles, ST_AsMVT) the route runs. */
  sql?: (db: Database) => Promise<unknown>;
  /**
   * The case each concurrent loop runs in the throughput test: a neighbouring
   * tile or another page, so that loops do not share one result (the tile
   * service renders identical concurrent requests once).
   */
  variant?: (loop: number) => Case;
}

export interface CaseResult {
  name: string;
  http: Timing;
  sql?: Timing;
  httpPerSecond: number;
  sqlPerSecond?: number;
  bytes: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Creates `sit_bench` on the server, migrated, seeded and loaded with the synthetic dataset. */
export async function prepareBenchDatabase(serverUrl: string, points: number, polygons: number): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists sit_bench with (force)');
  await admin.query('create database sit_bench');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/sit_bench';
  const quiet = { info: () => {}, warn: console.warn };
  const db = await prepareDatabase(loadConfig({}, { databaseUrl: url.toString() }), quiet, { seed: true });
  await loadSyntheticData(db, points, polygons);
  await db.close();
  return url.toString();
}

export interface SitProcessOptions {
  /** Variables over the environment (PORT is chosen here). */
  env: Record<string, string>;
  /** On the embedded database, wait until its read replica is open and fresh as well. */
  waitForReplica?: boolean;
  /** How long start-up may take (creating an embedded database takes ~20 s). */
  limitMs?: number;
}

/** Starts the SIT as a separate process (so the load generator does not share its event loop) and waits until it is ready. */
export async function startSitProcess(options: SitProcessOptions): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const limit = options.limitMs ?? 60_000;
  for (let waited = 0; ; waited += 250) {
    const health = await fetch(`${baseUrl}/health`).then(
      async (response) => ({
        status: response.status,
        replica: ((await response.json()) as { database: { replica?: boolean } }).database.replica,
      }),
      () => ({ status: 0, replica: undefined }),
    );
    if (health.status === 200 && (!options.waitForReplica || health.replica !== false)) break;
    if (waited > limit) throw new Error('el servidor del benchmark no inició');
    await sleep(250);
  }
  return {
    baseUrl,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** The SIT on a prepared server database, with its tile cache at `tileCacheMb` (0 = off). */
export function startServer(databaseUrl: string, tileCacheMb: number): Promise<{ baseUrl: string; stop(): Promise<void> }> {
  return startSitProcess({ env: { DATABASE_URL: databaseUrl, SIT_SEED: 'false', SIT_TILE_CACHE_MB: String(tileCacheMb) } });
}

/** Keep-alive sockets, as a browser keeps them; up to 8 at once for the throughput test. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/**
 * GETs `url` accepting gzip like a browser, and returns the bytes as sent.
 * node:http does not decompress (fetch would, billing the client's gunzip to
 * the server on this shared 2-core machine).
 */
function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { 'accept-encoding': 'gzip' } }, (response) => {
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      response.on('end', () => {
        if (response.statusCode !== 200 && response.statusCode !== 204) reject(new Error(`${url}: HTTP ${response.statusCode}`));
        else resolve(bytes);
      });
    });
    request.on('error', reject);
  });
}

/** Enough sequential samples for about `budgetMs`, between 10 and 100. */
async function sampleCount(task: () => Promise<unknown>, budgetMs = 4_000): Promise<number> {
  const started = performance.now();
  await task();
  const once = Math.max(0.05, performance.now() - started);
  return Math.max(10, Math.min(100, Math.floor(budgetMs / once)));
}

/** Measures one case: HTTP and SQL latency at 1 connection, throughput at `connections`. */
export async function measure(baseUrl: string, databaseUrl: string, item: Case, connections = 8, seconds = 4): Promise<CaseResult> {
  const url = `${baseUrl}${item.path}`;
  const bytes = await get(url);
  const count = await sampleCount(() => get(url));
  const http = await timeSequential(() => get(url), count);
  const variants = Array.from({ length: connections }, (_, loop) => item.variant?.(loop) ?? item);
  const httpPerSecond = await throughput((loop) => get(`${baseUrl}${variants[loop]?.path}`), connections, seconds);
  const result: CaseResult = { name: item.name, http, httpPerSecond, bytes };
  if (item.sql) {
    const single = openServerDatabase({
      connectionString: databaseUrl,
      max: 1,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 60_000,
      onIdleError: () => {},
    });
    const pool = openServerDatabase({
      connectionString: databaseUrl,
      max: connections,
      connectTimeoutMs: 5_000,
      statementTimeoutMs: 60_000,
      onIdleError: () => {},
    });
    const sql = item.sql;
    result.sql = await timeSequential(() => sql(single), count);
    result.sqlPerSecond = await throughput((loop) => (variants[loop]?.sql ?? sql)(pool), connections, seconds);
    await single.close();
    await pool.close();
  }
  return result;
}

export function itemsCase(layerId: string, limit: number, offset: number, shared = false): Case {
  const layer = findLayer(layerId) as LayerDefinition;
  const where = buildWhere(layer, { equals: new Map() });
  const { text, params } = pageSql(layer, where, defaultCrs, limit, offset);
  return {
    name: `items ${layerId} limit=${limit}`,
    path: `/collections/${layerId}/items?limit=${limit}&offset=${offset}`,
    sql: (db) => db.query(text, params),
    ...(shared ? {} : { variant: (loop: number) => itemsCase(layerId, limit, offset + loop * limit, true) }),
  };
}

export function tileCase(z: number, column = 0): Case {
  const base = tileAt(z);
  const tile = { ...base, x: base.x + column };
  const layers = layersAtZoom(mapTileset, z);
  return {
    name: `tesela del mapa z${z} (${tile.x}/${tile.y})`,
    path: `/tiles/WebMercatorQuad/${z}/${tile.y}/${tile.x}`,
    sql: (db) => postgisEncoder.encode(db, tile, layers),
    // Neighbouring tiles along the row: -3 … +4 around the centre.
    ...(column === 0 ? { variant: (loop: number) => tileCase(z, loop - 3) } : {}),
  };
}
