import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureTile, insertTileFixtures } from '../fixtures/tiles/fixture-features.ts';
import { decodeTile } from '../fixtures/tiles/tile-snapshot.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Asynchronous on purpose: the server answering GDAL runs in this same process.
const run = promisify(execFile);

/** Runs ogrinfo; a missing binary is a failure with a clear message, never a skip. */
async function ogrinfo(args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run('ogrinfo', args, { maxBuffer: 64 * 1024 * 1024, timeout: 100_000 });
    return `${stdout}\n${stderr}`;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new Error('GDAL no está instalado: falta «ogrinfo». Instale gdal-bin (Debian: apt-get install gdal-bin).', { cause: error });
    }
    throw new Error(`ogrinfo ${args.join(' ')} falló: ${failure.stderr ?? failure.message}`, { cause: error });
  }
}

/** Per layer of an `ogrinfo -al -so` summary: feature count, extent and field definitions. */
function summary(output: string) {
  const layers = new Map<string, { count: number; extent: number[]; fields: Map<string, string> }>();
  for (const block of output.split(/\nLayer name: /).slice(1)) {
    const name = block.split('\n')[0]?.trim() ?? '';
    const count = Number(/Feature Count: (\d+)/.exec(block)?.[1] ?? NaN);
    const extent = (/Extent: \(([-\d.]+), ([-\d.]+)\) - \(([-\d.]+), ([-\d.]+)\)/.exec(block) ?? []).slice(1).map(Number);
    const fields = new Map([...block.matchAll(/^(\w+): (\w+) \(/gm)].map((match) => [match[1] as string, match[2] as string]));
    layers.set(name, { count, extent, fields });
  }
  return layers;
}

let server: TestServer;
let workDir: string;
const { z, x, y } = fixtureTile;

beforeAll(async () => {
  await ogrinfo(['--version']);
  server = await startTestServer();
  await insertTileFixtures(server.app.db);
  workDir = await mkdtemp(path.join(os.tmpdir(), 'sit-mvt-'));
});
afterAll(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** GET over real HTTP, body bytes as sent (fetch would undo the gzip). */
function httpGet(url: string, headers: Record<string, string>): Promise<{ status: number; encoding?: string; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, encoding: response.headers['content-encoding'], bytes: Buffer.concat(chunks) }),
      );
      response.on('error', reject);
    }).on('error', reject);
  });
}

/** Downloads a tile of the running server to a `.pbf` file and returns its path, bytes and content encoding. */
async function download(tilePath: string, headers: Record<string, string> = {}) {
  const response = await httpGet(`${server.baseUrl}${tilePath}`, headers);
  expect(response.status).toBe(200);
  const file = path.join(
    workDir,
    `${z}-${x}-${y}-${headers['accept-encoding'] ?? 'identity'}-${Math.random().toString(36).slice(2, 8)}.pbf`,
  );
  await writeFile(file, response.bytes);
  return { file, bytes: response.bytes, encoding: response.encoding };
}

const tileOptions = ['-oo', `Z=${z}`, '-oo', `X=${x}`, '-oo', `Y=${y}`, '-oo', 'CLIP=NO'];

describe('GDAL MVT driver reading served tiles', () => {
  it('finds every layer of a map tile with the feature counts the tile carries', async () => {
    const { file, bytes } = await download(`/tiles/WebMercatorQuad/${z}/${y}/${x}`);
    const decoded = decodeTile(bytes);
    const layers = summary(await ogrinfo(['-ro', '-al', '-so', ...tileOptions, `MVT:${file}`]));
    expect(decoded.layers.length).toBeGreaterThanOrEqual(5);
    for (const layer of decoded.layers) {
      expect(layers.get(layer.name)?.count, layer.name).toBe(layer.features.length);
    }
  });

  it('reads the catalogue fields with their types, and places the tile where it belongs', async () => {
    const { file } = await download(`/collections/microbasurales/tiles/WebMercatorQuad/${z}/${y}/${x}`);
    const dumps = summary(await ogrinfo(['-ro', '-al', '-so', ...tileOptions, `MVT:${file}`])).get('microbasurales');
    expect(dumps?.fields.get('codigo')).toBe('String');
    expect(dumps?.fields.get('superficie_m2')).toBe('Real');
    expect(dumps?.fields.get('fuente')).toBe('String');
    expect(dumps?.fields.get('precision')).toBe('String');
    // The tile in EPSG:3857 metres, with its buffer: GDAL must put the points inside it.
    const size = (2 * 20037508.342789244) / 2 ** z;
    const west = -20037508.342789244 + x * size;
    const north = 20037508.342789244 - y * size;
    const margin = (size * 64) / 4096;
    const [minX, minY, maxX, maxY] = dumps?.extent ?? [];
    expect(minX).toBeGreaterThanOrEqual(west - margin);
    expect(maxX).toBeLessThanOrEqual(west + size + margin);
    expect(minY).toBeGreaterThanOrEqual(north - size - margin);
    expect(maxY).toBeLessThanOrEqual(north + margin);
  });

  it('reads a tile that was sent gzipped', async () => {
    const { file, bytes, encoding } = await download(`/tiles/WebMercatorQuad/${z}/${y}/${x}`, { 'accept-encoding': 'gzip' });
    expect(encoding).toBe('gzip');
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const layers = summary(await ogrinfo(['-ro', '-al', '-so', ...tileOptions, `MVT:${file}`]));
    expect(layers.get('humedal_urbano')?.count).toBeGreaterThan(0);
  });
});
