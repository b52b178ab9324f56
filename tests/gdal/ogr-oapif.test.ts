import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Asynchronous on purpose: the server answering GDAL runs in this same process.
const run = promisify(execFile);

/** Runs a GDAL program; a missing binary is a failure with a clear message, never a skip. */
async function gdal(program: 'ogrinfo' | 'ogr2ogr', args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(program, args, { maxBuffer: 64 * 1024 * 1024, timeout: 100_000 });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error(`GDAL no está instalado: falta «${program}». Instale gdal-bin (Debian: apt-get install gdal-bin).`, { cause: error });
    }
    throw new Error(`${program} ${args.join(' ')} falló: ${failure.stderr ?? failure.message}`, { cause: error });
  }
}

let server: TestServer;
let workDir: string;
let dataset: string;

async function databaseCount(text: string): Promise<number> {
  const [row] = await server.database.db.query<{ count: number }>(`select count(*)::int as count from (${text}) s`);
  return row?.count ?? -1;
}

/** "Feature Count: N" of an ogrinfo summary. */
function featureCount(output: string): number {
  const match = /Feature Count: (-?\d+)/.exec(output);
  if (!match) throw new Error(`ogrinfo no informó la cantidad de elementos:\n${output}`);
  return Number(match[1]);
}

beforeAll(async () => {
  server = await startTestServer();
  workDir = await mkdtemp(path.join(os.tmpdir(), 'sit-ogr-'));
  dataset = `OAPIF:${server.baseUrl}/`;
});
afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('GDAL OAPIF driver against the SIT', () => {
  // Without GDAL every test of this file fails with the message of gdal(); none is skipped.
  it('finds GDAL’s ogrinfo and ogr2ogr', async () => {
    expect(await gdal('ogrinfo', ['--version'])).toMatch(/GDAL \d+\.\d+/);
    expect(await gdal('ogr2ogr', ['--version'])).toMatch(/GDAL \d+\.\d+/);
  });

  it('lists every collection of the catalogue with ogrinfo', async () => {
    const output = await gdal('ogrinfo', ['-ro', '-so', dataset]);
    for (const [index, layer] of layers.entries()) {
      expect(output, layer.id).toContain(`${index + 1}: ${layer.id} (title: ${layer.title})`);
    }
  });

  it.each(layers.map((layer) => [layer.id, layer] as const))('copies %s to a GeoPackage with every feature', async (id, layer) => {
    const file = path.join(workDir, `${id}.gpkg`);
    await gdal('ogr2ogr', ['-f', 'GPKG', file, dataset, id]);
    const expected = await databaseCount(`select 1 from ${quoteIdent(layer.table)}`);
    const output = await gdal('ogrinfo', ['-ro', '-so', file, id]);
    expect(featureCount(output)).toBe(expected);
  });

  it('pushes an attribute filter to the server, as the API definition announces it', async () => {
    const layer = layers.find((candidate) => candidate.properties.some((property) => property.filterable && property.enum));
    const property = layer?.properties.find((candidate) => candidate.filterable && candidate.enum);
    if (!layer || !property?.enum) throw new Error('el catálogo no tiene una propiedad filtrable con valores fijos');
    const value = property.enum[0] as string;
    const output = await gdal('ogrinfo', ['-ro', '-so', '--debug', 'on', dataset, layer.id, '-where', `${property.name} = '${value}'`]);
    expect(output).toContain(`${property.name}=${encodeURIComponent(value)}`);
    expect(featureCount(output)).toBe(
      await databaseCount(`select 1 from ${quoteIdent(layer.table)} where ${quoteIdent(property.name)} = '${value.replaceAll("'", "''")}'`),
    );
  });

  it('pushes a spatial filter to the server as bbox', async () => {
    const layer = layers.find((candidate) => candidate.id === 'manzanas_censales') ?? layers[0];
    if (!layer) throw new Error('catálogo vacío');
    const output = await gdal('ogrinfo', ['-ro', '-so', '--debug', 'on', dataset, layer.id, '-spat', '-70.8', '-28.6', '-70.74', '-28.56']);
    expect(output).toMatch(/items\?limit=\d+&bbox=-70\.7/);
    // GDAL refines the server's bbox answer with an exact intersection test of its own.
    const expected = await databaseCount(
      `select 1 from ${quoteIdent(layer.table)} where ST_Intersects(${quoteIdent(layer.geometryColumn)}, ST_MakeEnvelope(-70.8, -28.6, -70.74, -28.56, 4326))`,
    );
    expect(featureCount(output)).toBe(expected);
  });
});
