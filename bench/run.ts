import { execSync } from 'node:child_process';
import { itemsCase, measure, prepareBenchDatabase, startServer, tileCase, type Case, type CaseResult } from './api.ts';
import { runAnalysisBench } from './analysis.ts';
import { runMapServerBench } from './mapserver/compare.ts';
import { machineDescription, writeSection } from './report.ts';
import { benchServerUrl } from './server-url.ts';

/**
 * `npm run bench`: the OGC API and tiles against a PostgreSQL/PostGIS server
 * loaded with a synthetic dataset (100 000 points, 2 000 polygons), next to
 * the raw SQL of the same queries and a trivial endpoint measured in the same
 * run; then the spatial analysis, and last the side-by-side comparison with
 * MapServer 8 (skipped, saying why, when MapServer cannot be installed).
 * Writes docs/benchmarks.md. BENCH_DATABASE_URL names the server; by
 * default the private cluster of .ci/postgres (started if needed, as root).
 */
const points = Number(process.env.BENCH_POINTS ?? 100_000);
const polygons = Number(process.env.BENCH_POLYGONS ?? 2_000);

const ms = (value: number | undefined) => (value === undefined ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || b === 0 ? '–' : (a / b).toFixed(2));

function row(result: CaseResult): string {
  return `| ${result.name} | ${(result.bytes / 1024).toFixed(1)} | ${ms(result.http.p50)} | ${ms(result.http.p95)} | ${ms(result.sql?.p50)} | ${ms(result.sql?.p95)} | ${ratio(result.http.p50, result.sql?.p50)} | ${result.httpPerSecond.toFixed(0)} | ${result.sqlPerSecond?.toFixed(0) ?? '–'} |`;
}

async function main() {
  const started = Date.now();
  console.log(`Preparando sit_bench con ${points} puntos y ${polygons} polígonos…`);
  const server = benchServerUrl();
  const databaseUrl = await prepareBenchDatabase(server, points, polygons);
  const [pgVersion] = execSync(
    `psql "${databaseUrl}" -Atc "select current_setting('server_version') || ' / PostGIS ' || postgis_lib_version()"`,
  )
    .toString()
    .trim()
    .split('\n');

  const uncachedCases: Case[] = [
    { name: 'trivial (/conformance, sin base de datos)', path: '/conformance' },
    tileCase(12),
    tileCase(14),
    tileCase(16),
    itemsCase('microbasurales', 10, 5_000),
    itemsCase('microbasurales', 100, 5_000),
    itemsCase('microbasurales', 1_000, 5_000),
  ];
  const uncached = await startServer(databaseUrl, 0);
  const results: CaseResult[] = [];
  for (const item of uncachedCases) {
    console.log(`midiendo ${item.name}`);
    results.push(await measure(uncached.baseUrl, databaseUrl, item));
  }
  await uncached.stop();

  const cached = await startServer(databaseUrl, 64);
  const trivialCached = await measure(cached.baseUrl, databaseUrl, uncachedCases[0] as Case);
  // The same tile from every loop: all of them hit the cache.
  const cachedTile = await measure(cached.baseUrl, databaseUrl, { name: 'tesela z14 en caché', path: tileCase(14).path });
  const cachedLightTile = await measure(cached.baseUrl, databaseUrl, { name: 'tesela z16 en caché', path: tileCase(16).path });
  await cached.stop();

  const trivial = results[0] as CaseResult;
  const tiles = results.filter((result) => result.name.startsWith('tesela'));
  const items = results.filter((result) => result.name.startsWith('items'));
  const page1000 = items.find((result) => result.name.endsWith('limit=1000')) as CaseResult;
  const tileOverheads = tiles
    .filter((result) => (result.sql?.p50 ?? 0) > 1)
    .map((result) => `${result.name}: ${((result.http.p50 / (result.sql?.p50 as number) - 1) * 100).toFixed(1)} %`);
  const cacheShare = cachedTile.httpPerSecond / trivialCached.httpPerSecond;

  const markdown = `## OGC API – Features y teselas vectoriales (\`npm run bench\`)

Medido el ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC en ${machineDescription()}; PostgreSQL ${pgVersion}.
Datos: semilla de Vallenar + ${points.toLocaleString('es-CL')} puntos (microbasurales) y ${polygons.toLocaleString('es-CL')} polígonos (manzanas) sintéticos en el área urbana.
El servidor corre en otro proceso; el generador de carga comparte los 2 núcleos con él y con PostgreSQL.
HTTP = petición completa (node:http con keep-alive, gzip aceptado como un navegador; KB = bytes enviados); SQL = la misma consulta (para teselas, ST_AsMVT) directamente por \`pg\`.
Latencias p50/p95 con 1 conexión (ms); rendimiento con 8 conexiones (peticiones/s). Caché de teselas apagada salvo donde se indica. Con 8 conexiones cada una pide una tesela vecina distinta (o otra página), en HTTP y en SQL por igual.

| caso | KB | HTTP p50 | HTTP p95 | SQL p50 | SQL p95 | HTTP/SQL | HTTP/s ×8 | SQL/s ×8 |
|---|---|---|---|---|---|---|---|---|
${results.map(row).join('\n')}
| trivial (servidor con caché) | ${(trivialCached.bytes / 1024).toFixed(1)} | ${ms(trivialCached.http.p50)} | ${ms(trivialCached.http.p95)} | – | – | – | ${trivialCached.httpPerSecond.toFixed(0)} | – |
${[cachedTile, cachedLightTile]
  .map(
    (result) =>
      `| ${result.name} | ${(result.bytes / 1024).toFixed(1)} | ${ms(result.http.p50)} | ${ms(result.http.p95)} | – | – | – | ${result.httpPerSecond.toFixed(0)} | – |`,
  )
  .join('\n')}

Metas del issue 4:
- HTTP agrega menos de 10 % al SQL de toda tesela de más de 1 ms: ${tileOverheads.join('; ') || 'ninguna tesela superó 1 ms'}.
- Una página de 1 000 elementos cuesta menos del doble de su SQL: ${ratio(page1000.http.p50, page1000.sql?.p50)} × (p50).
- Una tesela en caché se sirve a más de un tercio del rendimiento del endpoint trivial: ${(cacheShare * 100).toFixed(0)} % para la tesela z14 más pesada (${(cachedTile.bytes / 1024).toFixed(0)} KB: ${cachedTile.httpPerSecond.toFixed(0)} frente a ${trivialCached.httpPerSecond.toFixed(0)} peticiones/s) y ${((cachedLightTile.httpPerSecond / trivialCached.httpPerSecond) * 100).toFixed(0)} % para una z16 típica (${(cachedLightTile.bytes / 1024).toFixed(0)} KB). Su latencia p50 (${ms(cachedTile.http.p50)} ms) ya iguala la del endpoint trivial: la ruta en caché no consulta la base de datos (versiones de capa reutilizadas 1 s, \`SIT_TILE_VERSION_TTL_MS\`). Lo que separa ambos rendimientos es el volumen: ${((cachedTile.bytes * cachedTile.httpPerSecond) / 2 ** 20).toFixed(0)} MB/s de cuerpo por loopback frente a ${((trivialCached.bytes * trivialCached.httpPerSecond) / 2 ** 20).toFixed(0)} MB/s, con el generador de carga en los mismos 2 núcleos.
- Referencia: el endpoint trivial responde en ${ms(trivial.http.p50)} ms (p50), que es el piso de cualquier petición HTTP en esta máquina.

Duración total de la corrida: ${((Date.now() - started) / 1000).toFixed(0)} s.`;
  await writeSection('api', markdown);
  console.log(markdown);
  const analysisData = `Datos: los de la sección anterior (semilla + ${points.toLocaleString('es-CL')} puntos y ${polygons.toLocaleString('es-CL')} polígonos sintéticos).`;
  console.log(await runAnalysisBench(databaseUrl, analysisData));
  try {
    // Creates sit_bench again, so it runs after the parts above.
    const comparison = await runMapServerBench(server);
    if (comparison) {
      await writeSection('mapserver', comparison);
      console.log(comparison);
    }
  } catch (error) {
    console.error(`La comparación con MapServer falló: ${(error as Error).stack ?? (error as Error).message}`);
    process.exitCode = 1;
  }
}

main().catch((error: Error) => {
  console.error(`El benchmark falló: ${error.message}`);
  process.exit(1);
});
