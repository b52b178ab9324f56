import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLayer, type LayerDefinition } from '../../server/catalog/index.ts';
import { clusterCountProperty, pointGridMaxZoom } from '../../server/tiles/layer-query.ts';
import { tileBuffer, tileExtent } from '../../server/tiles/web-mercator.ts';
import { decodeTile } from '../fixtures/tiles/tile-snapshot.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

/**
 * A dense point layer: 100 000 synthetic micro-dumps over Vallenar's urban
 * area (a 400 × 250 lattice, about 15 m apart, slightly jittered). No tile
 * may grow past a few hundred KB, and the aggregated counts must add up to
 * the points that fall in each tile.
 */

const columns = 400;
const rows = 250;
const west = -70.8;
const north = -28.55;
const step = 0.00015;
/** Largest tile body accepted, bytes (uncompressed). */
const maxTileBytes = 300 * 1024;

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
  await testApp.app.db.query(
    `insert into microbasurales (codigo, estado, categoria_residuo, superficie_m2, tenencia, fuente, "precision", geom)
     select 'DENSO-' || i || '-' || j,
       (array['reportado', 'verificado', 'programado', 'limpiado'])[1 + (i + j) % 4],
       (array['domiciliarios', 'escombros', 'voluminosos', 'mixto'])[1 + (i * j) % 4],
       ((i * 7 + j * 13) % 50) + 0.5, 'desconocida', 'Prueba de densidad', 'demo',
       ST_SetSRID(ST_MakePoint($1::float8 + i * $3::float8 + ((i * 31 + j * 17) % 7) * $3::float8 / 10,
         $2::float8 - j * $3::float8 - ((i * 13 + j * 29) % 5) * $3::float8 / 10), 4326)
     from generate_series(0, $4::int - 1) as i, generate_series(0, $5::int - 1) as j`,
    [west, north, step, columns, rows],
  );
  await testApp.app.db.query(
    `insert into layer_version (layer_id) values ('microbasurales')
     on conflict (layer_id) do update set version = layer_version.version + 1, changed_at = now()`,
  );
}, 300_000);
afterAll(async () => {
  await testApp?.close();
});

const toTileX = (longitude: number, zoom: number) => Math.floor(((longitude + 180) / 360) * 2 ** zoom);
const toTileY = (latitude: number, zoom: number) => {
  const radians = (latitude * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * 2 ** zoom);
};

/** Points of the layer inside the tile plus its buffer (a half-open band: −64 ≤ u < 4160), by their tile coordinates rounded as the tiles round them. */
async function pointsInTile(z: number, x: number, y: number): Promise<number> {
  const [row] = await testApp.app.db.query<{ count: number }>(
    `with tile as (select ST_TileEnvelope($1::int, $2::int, $3::int) as envelope),
     units as (
       select round((ST_X(ST_Transform(m.geom, 3857)) - ST_XMin(tile.envelope)) / (ST_XMax(tile.envelope) - ST_XMin(tile.envelope)) * ${tileExtent}) as u,
              round((ST_YMax(tile.envelope) - ST_Y(ST_Transform(m.geom, 3857))) / (ST_YMax(tile.envelope) - ST_YMin(tile.envelope)) * ${tileExtent}) as v
       from microbasurales as m, tile
       where m.geom && ST_Transform(ST_TileEnvelope($1::int, $2::int, $3::int, margin => 0.05), 4326))
     select count(*)::int as count from units
     where u >= ${-tileBuffer} and u < ${tileExtent + tileBuffer} and v >= ${-tileBuffer} and v < ${tileExtent + tileBuffer}`,
    [z, x, y],
  );
  return row?.count ?? 0;
}

/** The tiles of zoom `z` over the lattice, at most `limit`, taken from its middle outwards. */
function tilesAt(z: number, limit: number) {
  const x0 = toTileX(west, z);
  const x1 = toTileX(west + columns * step, z);
  const y0 = toTileY(north, z);
  const y1 = toTileY(north - rows * step, z);
  const tiles: { x: number; y: number }[] = [];
  for (let x = x0; x <= x1; x += 1) for (let y = y0; y <= y1; y += 1) tiles.push({ x, y });
  const middle = { x: (x0 + x1) / 2, y: (y0 + y1) / 2 };
  return tiles.sort((a, b) => Math.hypot(a.x - middle.x, a.y - middle.y) - Math.hypot(b.x - middle.x, b.y - middle.y)).slice(0, limit);
}

describe('a dense point layer (100 000 points)', () => {
  it('has them all', async () => {
    const [row] = await testApp.app.db.query<{ count: number }>(
      `select count(*)::int as count from microbasurales where fuente = 'Prueba de densidad'`,
    );
    expect(row?.count).toBe(columns * rows);
  });

  for (const [z, limit] of [
    [10, 4],
    [12, 4],
    [13, 4],
    [14, 4],
    [15, 3],
    [16, 3],
    [17, 2],
  ] as const) {
    it(`keeps tiles of zoom ${z} under ${maxTileBytes / 1024} KB with counts that add up to the points in the tile`, async () => {
      for (const { x, y } of tilesAt(z, limit)) {
        const response = await testApp.app.inject(`/collections/microbasurales/tiles/WebMercatorQuad/${z}/${y}/${x}`);
        const expected = await pointsInTile(z, x, y);
        if (expected === 0) {
          expect(response.statusCode).toBe(204);
          continue;
        }
        expect(response.statusCode, `${z}/${y}/${x}`).toBe(200);
        expect(response.rawPayload.length, `${z}/${y}/${x}`).toBeLessThan(maxTileBytes);
        const features = decodeTile(response.rawPayload).layers[0]?.features ?? [];
        const counted = features.reduce((sum, feature) => sum + Number(feature.properties[clusterCountProperty] ?? 1), 0);
        expect(counted, `${z}/${y}/${x}: ${features.length} objetos`).toBe(expected);
      }
    });
  }

  it('aggregates at low zoom and shows single points, with their properties, when zoomed in', async () => {
    const features = async (z: number) => {
      const [tile] = tilesAt(z, 1);
      const response = await testApp.app.inject(`/collections/microbasurales/tiles/WebMercatorQuad/${z}/${tile?.y}/${tile?.x}`);
      return decodeTile(response.rawPayload).layers[0]?.features ?? [];
    };
    const low = await features(12);
    const clusters = low.filter((feature) => feature.properties.count !== undefined);
    const points = low.reduce((sum, feature) => sum + Number(feature.properties.count ?? 1), 0);
    expect(low.length).toBeLessThan(points / 20);
    expect(clusters.every((feature) => feature.id === null && Object.keys(feature.properties).length === 1)).toBe(true);

    const high = await features(18);
    expect(high.length).toBeGreaterThan(0);
    expect(high.every((feature) => feature.properties.count === undefined && feature.id !== null)).toBe(true);
    expect(high[0]?.properties).toMatchObject({ fuente: expect.any(String), precision: 'demo' });
  });

  it('draws the same features from the counted grid as from the table itself, at every zoom of the grid', async () => {
    const layer = findLayer('microbasurales') as LayerDefinition;
    expect(layer.pointGrid).toBe(true);
    const fromTable = { ...layer, pointGrid: false };
    const { encoder } = testApp.app.tiles;
    let compared = 0;
    for (let z = 8; z <= pointGridMaxZoom; z += 1) {
      for (const { x, y } of tilesAt(z, 2)) {
        const gridTile = decodeTile(await encoder.encode(testApp.app.db, { z, x, y }, [layer]));
        const tableTile = decodeTile(await encoder.encode(testApp.app.db, { z, x, y }, [fromTable]));
        expect(gridTile, `${z}/${y}/${x}`).toEqual(tableTile);
        compared += gridTile.layers[0]?.features.length ?? 0;
      }
    }
    expect(compared).toBeGreaterThan(1_000);
  });

  it('follows moves and deletions at once: the counts keep adding up to the points in the tile', async () => {
    // Move a block of points 300 m east, delete another block, in two statements.
    await testApp.app.db.query(
      `update microbasurales set geom = ST_Translate(geom, 0.003, 0)
       where fuente = 'Prueba de densidad' and codigo like 'DENSO-1__-%'`,
    );
    await testApp.app.db.query(`delete from microbasurales where fuente = 'Prueba de densidad' and codigo like 'DENSO-2__-1%'`);
    await testApp.app.db.query(`update layer_version set version = version + 1 where layer_id = 'microbasurales'`);
    for (const z of [12, 14, 16]) {
      for (const { x, y } of tilesAt(z, 2)) {
        const response = await testApp.app.inject(`/collections/microbasurales/tiles/WebMercatorQuad/${z}/${y}/${x}`);
        const features = response.statusCode === 200 ? (decodeTile(response.rawPayload).layers[0]?.features ?? []) : [];
        const counted = features.reduce((sum, feature) => sum + Number(feature.properties[clusterCountProperty] ?? 1), 0);
        expect(counted, `${z}/${y}/${x}`).toBe(await pointsInTile(z, x, y));
      }
    }
    const [grid] = await testApp.app.db.query<{ points: number; rows: number }>(
      `select sum(n)::int as points, count(*) filter (where n <= 0)::int as rows from point_grid where layer_id = 'microbasurales' and z = 12`,
    );
    const [table] = await testApp.app.db.query<{ points: number }>(`select count(*)::int as points from microbasurales`);
    expect(grid).toEqual({ points: table?.points, rows: 0 });
  });
});
