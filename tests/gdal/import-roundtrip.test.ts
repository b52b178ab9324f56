import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { importFile, ImportError } from '../../server/import/index.ts';
import { readSource } from '../../server/import/readers/index.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * What the SIT gives out as GeoPackage comes back in: its own export
 * (`/exportar/proyectos?formato=gpkg`, one layer of type GEOMETRY) and a
 * GeoPackage GDAL writes from its OGC API – Features (every collection, each
 * with its title). Before the importer read the GeoPackage's own catalogue,
 * both were refused.
 */
const run = promisify(execFile);
let server: TestServer;
let scratch: string;

beforeAll(async () => {
  server = await startTestServer();
  scratch = await mkdtemp(path.join(os.tmpdir(), 'sit-import-roundtrip-'));
});
afterAll(async () => {
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function download(route: string, name: string): Promise<string> {
  const response = await fetch(`${server.baseUrl}${route}`);
  expect(response.status, route).toBe(200);
  const file = path.join(scratch, name);
  await writeFile(file, Buffer.from(await response.arrayBuffer()));
  return file;
}

const count = async (table: string) => {
  const [row] = await server.database.db.query<{ count: number }>(`select count(*)::int as count from ${quoteIdent(table)}`);
  return row?.count ?? -1;
};

describe('GeoPackage round trips', () => {
  it('reads back every project of the SIT’s own GeoPackage export, located or not', async () => {
    const exported = await download('/exportar/proyectos?formato=gpkg', 'proyectos.gpkg');
    const geojson = (await (await fetch(`${server.baseUrl}/exportar/proyectos?formato=geojson`)).json()) as FeatureCollection;
    expect(geojson.features.length).toBeGreaterThan(30);
    // `proyectos` is a read-only collection (a view of the plan), so no layer takes it whole: the reader is what must not fail.
    const data = await readSource('geopackage', exported, {});
    expect(data.notes).toContain('Se leyó la capa «proyectos» del GeoPackage con GDAL.');
    expect(data.declaredSrid).toBe(4326);
    expect(data.features).toHaveLength(geojson.features.length);
    const codes = (features: { properties: Record<string, unknown> | null }[]) =>
      features.map((feature) => feature.properties?.codigo).sort();
    expect(codes(data.features)).toEqual(codes(geojson.features));
    const located = (features: { geometry: unknown }[]) => features.filter((feature) => feature.geometry !== null).length;
    expect(located(data.features)).toBe(located(geojson.features));
  });

  it('imports every writable collection back from a GeoPackage that GDAL wrote from the SIT’s OAPIF, with the same count', async () => {
    const file = path.join(scratch, 'oapif.gpkg');
    await run('ogr2ogr', ['-f', 'GPKG', file, `OAPIF:${server.baseUrl}/`], { timeout: 100_000 });
    const writable = layers.filter((layer) => !layer.readOnly);
    expect(writable.map((layer) => layer.id)).toContain('patrimonio');
    for (const layer of writable) {
      const before = await count(layer.table);
      const report = await importFile(server.database.db, {
        file,
        layerId: layer.id,
        sourceLayer: layer.id,
        mode: 'replace',
        dryRun: false,
        strict: false,
        skipInvalid: false,
      });
      expect({ layer: layer.id, deleted: report.deleted, inserted: report.inserted }).toEqual({
        layer: layer.id,
        deleted: before,
        inserted: before,
      });
      expect(await count(layer.table), layer.id).toBe(before);
    }
  });

  it('asks which layer to read, naming each by its table, GEOMETRY ones included, never by its title', async () => {
    const file = path.join(scratch, 'oapif.gpkg');
    const error = await importFile(server.database.db, {
      file,
      layerId: 'patrimonio',
      mode: 'append',
      dryRun: true,
      strict: false,
      skipInvalid: false,
    }).catch((failure: unknown) => failure as ImportError);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('ambiguous_source');
    expect((error as ImportError).message).toMatch(
      /^El GeoPackage tiene varias capas con geometría \(proyectos \(GEOMETRY\), unidades_vecinales \(MULTIPOLYGON\), patrimonio \(GEOMETRY\), /,
    );
    expect((error as ImportError).message).not.toMatch(/title|Patrimonio/);
  });
});
