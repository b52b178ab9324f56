import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLayer } from '../../server/catalog/index.ts';
import { encoders } from '../../server/tiles/encoder.ts';
import { collectionTileset, layersAtZoom, mapTileset } from '../../server/tiles/tilesets.ts';
import { compareSnapshots } from '../fixtures/tiles/compare-snapshots.ts';
import { fixtureTile, insertTileFixtures } from '../fixtures/tiles/fixture-features.ts';
import { decodeTile, formatSnapshot, parseSnapshot } from '../fixtures/tiles/tile-snapshot.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { serverUrl } from '../support/test-database.ts';

/**
 * Golden tiles: the decoded features of a few tiles around the fixtures,
 * stored as readable text in tests/fixtures/tiles/golden/. The same files
 * must pass on the embedded database (SQL emulation + Node encoder) and on a
 * PostgreSQL/PostGIS server (ST_AsMVT): that is the proof that both encoders
 * give the same features. Regenerate on purpose with UPDATE_GOLDEN=1 and
 * review the diff.
 */

const goldenDir = new URL('../fixtures/tiles/golden/', import.meta.url);
const update = process.env.UPDATE_GOLDEN === '1';

const { z, x, y } = fixtureTile;
const cases = [
  { collection: 'humedal_urbano', z, x, y },
  { collection: 'humedal_urbano', z: z + 2, x: x * 4 + 2, y: y * 4 },
  { collection: 'ciclovias', z, x, y },
  { collection: 'microbasurales', z, x, y },
  { collection: 'microbasurales', z: z - 2, x: x >> 2, y: y >> 2 },
  { collection: 'patrimonio', z, x, y },
  { collection: null, z, x, y },
  { collection: null, z: z - 2, x: x >> 2, y: y >> 2 },
  { collection: null, z: z - 4, x: x >> 4, y: y >> 4 },
].map((tile) => ({
  ...tile,
  name: `${tile.collection ?? 'map'}-${tile.z}-${tile.y}-${tile.x}`,
  url: `${tile.collection ? `/collections/${tile.collection}` : ''}/tiles/WebMercatorQuad/${tile.z}/${tile.y}/${tile.x}`,
}));

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
  await insertTileFixtures(testApp.app.db);
  if (update) await mkdir(goldenDir, { recursive: true });
});
afterAll(async () => {
  await testApp?.close();
});

describe('golden vector tiles', () => {
  it('uses ST_AsMVT on a server and the Node encoder on the embedded database', () => {
    expect(testApp.app.tiles.encoder.name).toBe(serverUrl ? 'postgis' : 'node');
  });

  for (const tile of cases) {
    it(`${tile.url} decodes to golden/${tile.name}.txt`, async () => {
      const response = await testApp.app.inject(tile.url);
      expect(response.statusCode).toBe(200);
      const snapshot = decodeTile(response.rawPayload);
      const text = formatSnapshot(snapshot);
      const file = new URL(`${tile.name}.txt`, goldenDir);
      if (update) {
        await writeFile(file, text);
        return;
      }
      const golden = await readFile(file, 'utf8').catch(() => {
        throw new Error(`Falta ${file.pathname}: genere los archivos con UPDATE_GOLDEN=1 y revise el diff.`);
      });
      if (text === golden) return;
      // Polygons from wagyu and from GEOS may differ by a unit at the buffer edge: compare shapes (see compare-snapshots.ts).
      expect(compareSnapshots(snapshot, parseSnapshot(golden)), `diferencias con ${tile.name}.txt`).toEqual([]);
    });
  }

  it('gets the same features from both encoders on a server, and refuses ST_AsMVT where PostGIS lacks it', async () => {
    for (const tile of cases) {
      const layer = tile.collection ? findLayer(tile.collection) : undefined;
      const layers = layersAtZoom(layer ? collectionTileset(layer) : mapTileset, tile.z);
      const emulated = await encoders.node.encode(testApp.app.db, tile, layers);
      if (!testApp.app.capabilities.mvt) {
        await expect(encoders.postgis.encode(testApp.app.db, tile, layers)).rejects.toThrow(/ST_AsMVT|protobuf/i);
        continue;
      }
      const native = await encoders.postgis.encode(testApp.app.db, tile, layers);
      expect(compareSnapshots(decodeTile(emulated), decodeTile(native)), tile.name).toEqual([]);
    }
  });
});
