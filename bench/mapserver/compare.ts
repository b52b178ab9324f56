import http from 'node:http';
import os from 'node:os';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { prepareBenchDatabase, startServer, tileAt } from '../api.ts';
import { machineDescription } from '../report.ts';
import { percentile } from '../stats.ts';
import { growSyntheticPoints } from '../synthetic.ts';
import { openServerDatabase } from '../../server/db/server-pool.ts';
import { mapServerProcesses, mapServerUnavailable, mapServerVersions, startMapServer, type MapServerHandle } from './server.ts';

/**
 * SIT vs MapServer 8 on the same PostGIS tables, in one run, interleaved:
 * single-collection vector tiles of points (microbasurales) and polygons
 * (manzanas_censales) at z12/z14/z16, an OGC API Features page of 1 000,
 * and the points tile z12 and the page as the table grows from 10 000 to
 * 1 000 000 points. Each of the 8 connections asks for a different
 * neighbouring tile (the SIT renders identical concurrent requests once).
 * Both sides are asked without Accept-Encoding, so neither compresses
 * (lighttpd serves MapServer uncompressed; the SIT gzips only when asked).
 */

const connections = 8;
/** URLs per case: twice the connections, so that a free connection always finds a URL no other one is asking for. */
const urlsPerCase = 2 * connections;
const rounds = Number(process.env.BENCH_MAPSERVER_ROUNDS ?? 3);
const windowSeconds = Number(process.env.BENCH_MAPSERVER_SECONDS ?? 2);
const latencyBudgetMs = Number(process.env.BENCH_MAPSERVER_LATENCY_MS ?? 3_000);
const growthSizes = (process.env.BENCH_MAPSERVER_GROWTH ?? '10000,100000,1000000').split(',').map(Number);
const mainPoints = Number(process.env.BENCH_POINTS ?? 100_000);
const polygons = Number(process.env.BENCH_POLYGONS ?? 2_000);
const itemsLimit = 1_000;
const itemsOffsetStep = 500;
/** Longest wait for one answer (MapServer's z12 tile at 1 000 000 points takes seconds, ×8 at once). */
const requestTimeoutMs = 180_000;

type SideName = 'SIT' | 'MapServer';

interface Reply {
  status: number;
  type: string;
  bytes: number;
  body?: Buffer;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

/** GET without Accept-Encoding; keeps the body only when asked (for the feature count). */
function get(url: string, keep = false): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (keep) chunks.push(chunk);
      });
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status !== 200 && status !== 204) reject(new Error(`${url}: HTTP ${status}`));
        else
          resolve({
            status,
            type: String(response.headers['content-type'] ?? ''),
            bytes,
            ...(keep ? { body: Buffer.concat(chunks) } : {}),
          });
      });
      // A server that dies mid-answer ends the response without 'end'.
      response.on('error', reject);
      response.on('aborted', () => reject(new Error(`${url}: respuesta cortada`)));
    });
    request.setTimeout(requestTimeoutMs, () => request.destroy(new Error(`${url}: sin respuesta en ${requestTimeoutMs / 1000} s`)));
    request.on('error', reject);
  });
}

/** What one side sent for a case: features, points they stand for, bytes; summed over the case's URLs. */
interface Content {
  features: number;
  /** Points represented: an aggregated point counts its `count`. Equal to features for polygons and MapServer. */
  represented: number;
  bytes: number;
  /** URLs that returned at least one feature. */
  nonEmpty: number;
  /** Feature ids of the first URL (to see whether pages differ). */
  firstIds: string[];
}

function tileContent(body: Buffer | undefined, layerId: string): { features: number; represented: number } {
  if (!body || body.length === 0) return { features: 0, represented: 0 };
  const layer = new VectorTile(new PbfReader(body)).layers[layerId];
  if (!layer) return { features: 0, represented: 0 };
  let represented = 0;
  for (let index = 0; index < layer.length; index += 1) {
    const count = layer.feature(index).properties.count;
    represented += typeof count === 'number' ? count : 1;
  }
  return { features: layer.length, represented };
}

async function content(
  baseUrl: string,
  paths: readonly string[],
  kind: 'tile' | 'items',
  layerId: string,
  side: SideName,
): Promise<Content> {
  const result: Content = { features: 0, represented: 0, bytes: 0, nonEmpty: 0, firstIds: [] };
  for (const [index, path] of paths.entries()) {
    const reply = await get(`${baseUrl}${path}`, true);
    // MapServer answers its errors with an HTML page and status 200.
    if (reply.status === 200 && /html|xml/.test(reply.type)) throw new Error(`${side} ${path}: ${reply.body?.toString().slice(0, 300)}`);
    let counted: { features: number; represented: number };
    if (kind === 'tile') counted = tileContent(reply.body, layerId);
    else {
      const collection = JSON.parse(reply.body?.toString() ?? '{}') as { features?: { id?: unknown }[] };
      const features = collection.features ?? [];
      counted = { features: features.length, represented: features.length };
      if (index === 0) result.firstIds = features.slice(0, 3).map((feature) => String(feature.id));
      else if (index === 1) result.firstIds.push(...features.slice(0, 1).map((feature) => `p2:${String(feature.id)}`));
    }
    result.features += counted.features;
    result.represented += counted.represented;
    result.bytes += reply.bytes;
    if (counted.features > 0) result.nonEmpty += 1;
  }
  return result;
}

interface SideResult {
  content: Content;
  p50: number;
  p95: number;
  samples: number;
  perSecond: number;
  completed: number;
}

export interface ComparisonResult {
  name: string;
  kind: 'tile' | 'items';
  sit: SideResult;
  mapserver: SideResult;
}

interface CaseSpec {
  name: string;
  kind: 'tile' | 'items';
  layerId: string;
  /** The URLs the connections share (`urlsPerCase`); the first is the one timed at 1 connection. */
  sitPaths: string[];
  mapserverPaths: string[];
}

/**
 * 16 neighbouring tiles, a block of 4 × 4 whose second row, second column
 * contains Vallenar's Plaza de Armas; that tile comes first. With 8
 * connections over 16 tiles every connection is always on a different tile
 * (see `window`) and every tile is asked for equally often, so the rate
 * reflects the whole block, not only its cheapest (empty) tiles.
 */
function tileBlock(z: number): { x: number; y: number }[] {
  const centre = tileAt(z);
  const block = [{ x: centre.x, y: centre.y }];
  for (let row = -1; row <= 2; row += 1) {
    for (let column = -1; column <= 2; column += 1) {
      if (row === 0 && column === 0) continue;
      block.push({ x: centre.x + column, y: centre.y + row });
    }
  }
  return block;
}

function tileSpec(layerId: string, z: number, mapserver: MapServerHandle, label: string): CaseSpec {
  const block = tileBlock(z);
  return {
    name: `${label} z${z}`,
    kind: 'tile',
    layerId,
    sitPaths: block.map(({ x, y }) => `/collections/${layerId}/tiles/WebMercatorQuad/${z}/${y}/${x}`),
    mapserverPaths: block.map(({ x, y }) => mapserver.tilePath(layerId, z, x, y)),
  };
}

function itemsSpec(layerId: string, mapserver: MapServerHandle): CaseSpec {
  // Pages that overlap by half, so that all of them exist at 10 000 points (MapServer answers 400 past the end).
  const offsets = Array.from({ length: urlsPerCase }, (_, page) => page * itemsOffsetStep);
  return {
    name: `items ${layerId} limit=${itemsLimit}`,
    kind: 'items',
    layerId,
    sitPaths: offsets.map((offset) => `/collections/${layerId}/items?limit=${itemsLimit}&offset=${offset}`),
    mapserverPaths: offsets.map((offset) => mapserver.itemsPath(layerId, itemsLimit, offset)),
  };
}

/**
 * `connections` loops for `seconds`; each request takes the next URL, in
 * turn, that no other loop is waiting for, so concurrent requests are always
 * for different tiles (or pages) and each URL is asked for equally often.
 * Returns the completed requests and the wall time until the last one ended.
 */
async function window(baseUrl: string, paths: readonly string[], seconds: number): Promise<{ done: number; elapsed: number }> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const inFlight = new Set<number>();
  let next = 0;
  const take = (): number => {
    for (let step = 0; step < paths.length; step += 1) {
      const index = (next + step) % paths.length;
      if (!inFlight.has(index)) {
        next = index + 1;
        inFlight.add(index);
        return index;
      }
    }
    throw new Error('más conexiones que URL');
  };
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const index = take();
        await get(`${baseUrl}${paths[index]}`);
        inFlight.delete(index);
        done += 1;
      }
    }),
  );
  return { done, elapsed: (performance.now() - started) / 1000 };
}

async function timeOnce(url: string): Promise<number> {
  const started = performance.now();
  await get(url);
  return performance.now() - started;
}

/** One case, the two sides interleaved: latency alternating request by request, throughput alternating window by window. */
async function compareCase(spec: CaseSpec, sitUrl: string, mapserverUrl: string): Promise<ComparisonResult> {
  const sitContent = await content(sitUrl, spec.sitPaths, spec.kind, spec.layerId, 'SIT');
  const mapserverContent = await content(mapserverUrl, spec.mapserverPaths, spec.kind, spec.layerId, 'MapServer');
  const sitFirst = `${sitUrl}${spec.sitPaths[0]}`;
  const mapserverFirst = `${mapserverUrl}${spec.mapserverPaths[0]}`;
  const once = (await timeOnce(sitFirst)) + (await timeOnce(mapserverFirst));
  const samples = Math.max(once > 2_000 ? 3 : 5, Math.min(60, Math.floor(latencyBudgetMs / Math.max(once, 0.1))));
  const sitTimes: number[] = [];
  const mapserverTimes: number[] = [];
  for (let sample = 0; sample < samples; sample += 1) {
    sitTimes.push(await timeOnce(sitFirst));
    mapserverTimes.push(await timeOnce(mapserverFirst));
  }
  // A case whose single request takes over a second gets one window per side: it already holds several requests.
  const caseRounds = once > 2_000 ? 1 : rounds;
  const totals = { sit: { done: 0, elapsed: 0 }, mapserver: { done: 0, elapsed: 0 } };
  for (let round = 0; round < caseRounds; round += 1) {
    // Alternate which side goes first, so that neither always follows the other's cool-down.
    const order: ('sit' | 'mapserver')[] = round % 2 === 0 ? ['sit', 'mapserver'] : ['mapserver', 'sit'];
    for (const side of order) {
      const measured = await window(
        side === 'sit' ? sitUrl : mapserverUrl,
        side === 'sit' ? spec.sitPaths : spec.mapserverPaths,
        windowSeconds,
      );
      totals[side].done += measured.done;
      totals[side].elapsed += measured.elapsed;
    }
  }
  const side = (contentOf: Content, times: number[], total: { done: number; elapsed: number }): SideResult => ({
    content: contentOf,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    samples: times.length,
    perSecond: total.done / total.elapsed,
    completed: total.done,
  });
  return {
    name: spec.name,
    kind: spec.kind,
    sit: side(sitContent, sitTimes, totals.sit),
    mapserver: side(mapserverContent, mapserverTimes, totals.mapserver),
  };
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const count = (value: number) => value.toLocaleString('es-CL');
const ratio = (result: ComparisonResult) => result.sit.perSecond / result.mapserver.perSecond;

function describeContent(result: ComparisonResult, side: SideResult): string {
  const features = count(side.content.features);
  return side.content.represented !== side.content.features ? `${features} (${count(side.content.represented)} puntos)` : features;
}

function comparisonRow(result: ComparisonResult): string {
  const tiles = result.kind === 'tile' ? `${result.sit.content.nonEmpty}/${result.mapserver.content.nonEmpty}` : '–';
  return `| ${result.name} | ${tiles} | ${describeContent(result, result.sit)} | ${describeContent(result, result.mapserver)} | ${kb(result.sit.content.bytes)} | ${kb(result.mapserver.content.bytes)} | ${ms(result.sit.p50)} | ${ms(result.mapserver.p50)} | ${result.sit.perSecond.toFixed(1)} | ${result.mapserver.perSecond.toFixed(1)} | **${ratio(result).toFixed(2)}** |`;
}

function logResult(result: ComparisonResult): void {
  const line = (name: string, side: SideResult) =>
    `  ${name.padEnd(9)} ${String(side.content.features).padStart(7)} rasgos (${side.content.represented} puntos), ${kb(side.content.bytes).padStart(8)} KB en ${urlsPerCase} URL, ${side.content.nonEmpty} con datos; p50 ${ms(side.p50)} ms; ${side.perSecond.toFixed(1)} req/s ×${connections} (${side.completed} completadas)`;
  console.log(`${result.name}: SIT/MapServer ${ratio(result).toFixed(2)}`);
  console.log(line('SIT', result.sit));
  console.log(line('MapServer', result.mapserver));
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
}

/**
 * Runs the comparison on its own `sit_bench` database (created again on the
 * server at `serverUrl`) and returns the report section, or undefined, after
 * saying why, when MapServer cannot be installed or started here.
 */
export async function runMapServerBench(serverUrl: string): Promise<string | undefined> {
  const unavailable = mapServerUnavailable();
  if (unavailable) {
    console.log(`Comparación con MapServer omitida: ${unavailable}`);
    return undefined;
  }
  const started = Date.now();
  const loadAtStart = loadAverage();
  const sizes = [...new Set([...growthSizes, mainPoints])].sort((a, b) => a - b);
  console.log(`MapServer: preparando sit_bench con ${count(polygons)} polígonos; los puntos se agregan por tamaño…`);
  const databaseUrl = await prepareBenchDatabase(serverUrl, 0, polygons);
  const db = openServerDatabase({
    connectionString: databaseUrl,
    max: 1,
    connectTimeoutMs: 5_000,
    statementTimeoutMs: 0,
    onIdleError: () => {},
  });
  const [versions] = await db.query<{ postgres: string; postgis: string }>(
    `select current_setting('server_version') as postgres, postgis_lib_version() || ' (GEOS ' || postgis_geos_version() || ', PROJ ' || postgis_proj_version() || ')' as postgis`,
  );
  const software = mapServerVersions();

  let mapserver: MapServerHandle | undefined;
  let sit: { baseUrl: string; stop(): Promise<void> } | undefined;
  const main: ComparisonResult[] = [];
  const growth: { points: number; loadSeconds: number; tile: ComparisonResult; items: ComparisonResult }[] = [];
  try {
    mapserver = await startMapServer(databaseUrl);
    sit = await startServer(databaseUrl, 0);
    for (const points of sizes) {
      const loadStarted = Date.now();
      await growSyntheticPoints(db, points);
      const loadSeconds = (Date.now() - loadStarted) / 1000;
      console.log(`MapServer: ${count(points)} puntos (carga ${loadSeconds.toFixed(1)} s)`);
      const pointsZ12 = tileSpec('microbasurales', 12, mapserver, `puntos (microbasurales) con ${count(points)}`);
      const items = itemsSpec('microbasurales', mapserver);
      if (points === mainPoints) {
        const specs = [
          ...[12, 14, 16].map((z) => tileSpec('microbasurales', z, mapserver as MapServerHandle, 'puntos (microbasurales)')),
          ...[12, 14, 16].map((z) => tileSpec('manzanas_censales', z, mapserver as MapServerHandle, 'polígonos (manzanas_censales)')),
          items,
        ];
        for (const spec of specs) {
          const result = await compareCase(spec, sit.baseUrl, mapserver.baseUrl);
          logResult(result);
          main.push(result);
        }
        const tile = main[0] as ComparisonResult;
        growth.push({ points, loadSeconds, tile, items: main[main.length - 1] as ComparisonResult });
      } else if (growthSizes.includes(points)) {
        const tile = await compareCase(pointsZ12, sit.baseUrl, mapserver.baseUrl);
        logResult(tile);
        const page = await compareCase(items, sit.baseUrl, mapserver.baseUrl);
        logResult(page);
        growth.push({ points, loadSeconds, tile, items: page });
      }
    }
  } finally {
    await sit?.stop();
    await mapserver?.stop();
    await db.close();
    agent.destroy();
  }
  const loadAtEnd = loadAverage();
  const pgVersion = `PostgreSQL ${versions?.postgres} / PostGIS ${versions?.postgis}`;
  const itemsResult = main.find((result) => result.kind === 'items');
  const mapserverIgnoresOffset = itemsResult?.mapserver.content.firstIds.some(
    (id) => id.startsWith('p2:') && id.slice(3) === itemsResult.mapserver.content.firstIds[0],
  );
  const cores = os.cpus().length;
  const z12Tiles = main[0]?.sit.content.nonEmpty ?? 0;
  const itemsNote = mapserverIgnoresOffset
    ? `MapServer 8.0.0 ignora \`offset\` con PostGIS (la consulta lleva \`LIMIT\` pero no \`OFFSET\`): sus ${urlsPerCase} URL devuelven la misma primera página, mientras que el SIT sirve ${urlsPerCase} páginas distintas. MapServer además cuenta la tabla entera para \`numberMatched\` en cada petición (\`select count(*)\` con \`ST_Intersects\` contra el mundo); el SIT cuenta la capa una vez por versión (\`LayerStatsCache\`).`
    : 'cada conexión pide otra página en ambos lados.';
  const tiles = main.filter((result) => result.kind === 'tile');
  const slowest = tiles.reduce<ComparisonResult | undefined>(
    (worst, result) => (!worst || ratio(result) < ratio(worst) ? result : worst),
    undefined,
  );
  const largest = growth[growth.length - 1];
  const goals = [
    slowest
      ? `- SIT/MapServer ≥ 3 en toda tesela: la menor es ${ratio(slowest).toFixed(2)} (${slowest.name}); ${tiles.filter((result) => ratio(result) >= 3).length} de ${tiles.length} casos de tesela llegan a 3.`
      : '',
    itemsResult ? `- Items \`limit=${itemsLimit}\`, SIT/MapServer ≥ 30: ${ratio(itemsResult).toFixed(2)}.` : '',
    largest
      ? `- Tesela de puntos z12 con ${count(largest.points)} puntos ≤ 50 ms (p50 del SIT): ${ms(largest.tile.sit.p50)} ms (con ${count(growth[0]?.points ?? 0)}: ${ms(growth[0]?.tile.sit.p50 ?? NaN)} ms); MapServer: ${ms(largest.tile.mapserver.p50)} ms.`
      : '',
  ].filter(Boolean);

  const markdown = `## SIT frente a MapServer 8 (\`npm run bench:mapserver\`)

Medido el ${new Date(started).toISOString().slice(0, 16).replace('T', ' ')} UTC en ${machineDescription()}.
Carga de la máquina (1 / 5 / 15 min) al empezar: ${loadAtStart}; al terminar: ${loadAtEnd}. Duración: ${((Date.now() - started) / 1000).toFixed(0)} s.
Software: MapServer ${software.mapserver} como FastCGI (${mapServerProcesses} procesos \`mapserv\` lanzados y supervisados por lighttpd ${software.lighttpd}); ${pgVersion}; el SIT en otro proceso, con la caché de teselas apagada (\`SIT_TILE_CACHE_MB=0\`). El generador de carga, el SIT, MapServer y PostgreSQL comparten los ${cores} núcleos.

Ambos leen las mismas tablas de PostGIS (\`sit_bench\`: semilla de Vallenar + puntos sintéticos en microbasurales y ${count(polygons)} polígonos en manzanas_censales). El mapfile lo escribe \`bench/mapserver/server.ts\` desde el catálogo del SIT: las mismas propiedades con las mismas conversiones SQL, MVT de extensión 4096 con 64 unidades de borde (\`EDGE_BUFFER=4\`), conexiones a PostgreSQL abiertas entre peticiones (\`CLOSE_CONNECTION=DEFER\`).

- Teselas: \`/collections/{id}/tiles/WebMercatorQuad/{z}/{y}/{x}\` en el SIT y \`mode=tile&tilemode=gmap&map.imagetype=mvt\` en MapServer, las mismas ${urlsPerCase} teselas vecinas (bloque de 4 × 4 alrededor de la que contiene la Plaza de Armas). Items: \`/collections/microbasurales/items?limit=${itemsLimit}&offset=…\` en ambos (OGC API – Features de MapServer), ${urlsPerCase} páginas (offset 0, ${itemsOffsetStep}, … ${count((urlsPerCase - 1) * itemsOffsetStep)}).
- ${connections} conexiones; cada petición toma, por turno, la siguiente URL que ninguna otra conexión está esperando: en todo momento cada conexión está en una tesela (o página) distinta, y cada URL se pide igual número de veces, así que las req/s reflejan el bloque entero y no solo sus teselas vacías (a z12 el área urbana cubre ${z12Tiles} de las ${urlsPerCase}).
- Rasgos y KB: suma de las ${urlsPerCase} URL, decodificadas (MVT con @mapbox/vector-tile + pbf; items como GeoJSON); «con datos» = cuántas URL traen algún rasgo (SIT/MapServer). Sin \`Accept-Encoding\`: ninguno de los dos comprime.
- p50: latencia de la primera URL (la tesela de la Plaza de Armas; la primera página) con 1 conexión, en ms, alternando una petición SIT y una MapServer. req/s: ventanas de ${windowSeconds} s alternadas SIT/MapServer (${rounds} por lado; 1 si una petición tarda más de 2 s); peticiones completadas / tiempo de reloj hasta que termina la última.

### Teselas e items con ${count(mainPoints)} puntos

| caso | con datos | SIT rasgos | MapServer rasgos | SIT KB | MapServer KB | SIT p50 | MapServer p50 | SIT req/s | MapServer req/s | SIT/MapServer |
|---|---|---|---|---|---|---|---|---|---|---|
${main.map(comparisonRow).join('\n')}

### Crecimiento: tesela de puntos z12 y página de items

| puntos | carga (s) | z12 SIT rasgos | z12 MapServer rasgos | z12 SIT p50 | z12 MapServer p50 | z12 SIT req/s | z12 MapServer req/s | z12 SIT/MapServer | items SIT req/s | items MapServer req/s | items SIT/MapServer |
|---|---|---|---|---|---|---|---|---|---|---|---|
${growth
  .map(
    ({ points, loadSeconds, tile, items }) =>
      `| ${count(points)} | ${loadSeconds.toFixed(1)} | ${describeContent(tile, tile.sit)} | ${describeContent(tile, tile.mapserver)} | ${ms(tile.sit.p50)} | ${ms(tile.mapserver.p50)} | ${tile.sit.perSecond.toFixed(1)} | ${tile.mapserver.perSecond.toFixed(1)} | **${ratio(tile).toFixed(2)}** | ${items.sit.perSecond.toFixed(1)} | ${items.mapserver.perSecond.toFixed(1)} | **${ratio(items).toFixed(2)}** |`,
  )
  .join('\n')}

La carga es \`growSyntheticPoints\` (\`bench/synthetic.ts\`): un solo \`insert … select\` con \`generate_series\`, que agrega los puntos que faltan sobre la base anterior; el tiempo incluye mantener los índices de la tabla y lo que actualizan sus disparadores.

Metas del issue 15 (medidas, no exigidas por las pruebas):
${goals.join('\n')}

Cómo leerlo:
- En las capas de puntos el SIT agrega: una celda de 16 píxeles con más de 4 puntos sale como un punto con \`count\` (entre paréntesis, los puntos que representan los rasgos). MapServer no agrega: manda cada punto, así que a z12 y z14 envía muchos más rasgos y bytes por la misma tesela; a z16 casi no hay celdas agregadas y el trabajo es el mismo.
- MapServer elige los rasgos por la extensión de la tesela sin borde; el SIT, con su borde de 64 unidades. Por eso el SIT cuenta algo más de puntos y polígonos en cada tesela (los del borde, repetidos en la vecina).
- Items: ${itemsNote}

Para repetirlo:

\`\`\`sh
npm run bench:mapserver                  # solo esta comparación (instala mapserver-bin, cgi-mapserver y lighttpd si faltan; root)
npm run bench                            # todo; esta parte se omite con un aviso si MapServer no se puede instalar
BENCH_MAPSERVER_ROUNDS=1 BENCH_MAPSERVER_SECONDS=1 BENCH_MAPSERVER_GROWTH=10000,100000 npm run bench:mapserver   # corrida corta
\`\`\``;
  return markdown;
}
