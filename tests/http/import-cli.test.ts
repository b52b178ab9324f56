import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { openEmbeddedDatabase } from '../../server/db/embedded.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { fixture } from './import-helpers.ts';

const run = promisify(execFile);
let database: TestDatabase;

/**
 * The CLI runs in its own process on this file's private database copy: the
 * embedded copy is closed first (one process per data directory), a server
 * copy is shared through DATABASE_URL.
 */
beforeAll(async () => {
  database = await openTestDatabase();
  if (database.db.mode === 'embedded') await database.db.close();
});
afterAll(async () => {
  await database.dispose();
});

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, SIT_SEED: 'false', LOG_LEVEL: 'silent' };
  delete env.DATABASE_URL;
  if (database.config.databaseUrl) env.DATABASE_URL = database.config.databaseUrl;
  else env.SIT_DATA_DIR = database.location;
  const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');
  try {
    const { stdout, stderr } = await run(tsx, ['server/cli/import.ts', ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, stdout: failure.stdout ?? '', stderr: failure.stderr ?? '' };
  }
}

describe('npm run import', () => {
  it('exits 0 and prints the summary in Spanish', async () => {
    const result = await cli(fixture('psad56/toponimia_psad56.shp'), '--layer', 'toponimia', '--mode', 'replace');
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Importación confirmada \(modo reemplazo\)/);
    expect(result.stdout).toMatch(/Sistema de origen: EPSG:24879 \(PSAD56 \/ UTM 19S\)/);
    expect(result.stdout).toMatch(/Leídos: 2 · Insertados: 2/);
  });

  it('exits 1 with the reason in Spanish when the import is rejected (--json carries the report)', async () => {
    const rejected = await cli(fixture('toponimia-latlon-invertidas.geojson'), '--layer', 'toponimia', '--json');
    expect(rejected.code).toBe(1);
    const body = JSON.parse(rejected.stdout) as { error: { code: string; message: string }; report: { skipped: { code: string }[] } };
    expect(body.error.code).toBe('invalid_features');
    expect(body.error.message).toMatch(/^Importación rechazada: 2 de 3 elementos/);
    expect(body.report.skipped.map((entry) => entry.code)).toEqual(['swapped_coordinates', 'swapped_coordinates']);
  });

  it('exits 2 on usage errors: unknown layer (listing the valid ones), missing file, bad flags', async () => {
    const layer = await cli(fixture('linea.geojson'), '--layer', 'calle');
    expect(layer.code).toBe(2);
    expect(layer.stderr).toMatch(/La capa «calle» no existe\. Capas válidas: .*calles/);
    const missing = await cli(fixture('no-existe.geojson'), '--layer', 'calles');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No existe el archivo/);
    const flag = await cli(fixture('linea.geojson'), '--layer', 'calles', '--modo', 'replace');
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/Opción no reconocida.*--modo/);
    const precision = await cli(fixture('linea.geojson'), '--layer', 'calles', '--precision', 'exacta');
    expect(precision.code).toBe(2);
    expect(precision.stderr).toMatch(/--precision debe ser uno de: oficial, aproximada, ilustrativa, demo/);
  });

  it('supplies required fields with --mapear and --asignar, and the summary says so', async () => {
    const result = await cli(
      fixture('dideco-uv/unidades_dideco.shp'),
      '--layer',
      'unidades_vecinales',
      '--mode',
      'replace',
      '--fuente',
      'DIDECO Vallenar (prueba)',
      '--precision',
      'oficial',
      '--mapear',
      'COD_UV=codigo',
      '--mapear',
      'NOMBRE_UV=nombre',
      '--asignar',
      'area=urbana',
    );
    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Leídos: 2 · Insertados: 2/);
    expect(result.stdout).toContain('Columnas asociadas con --mapear: COD_UV → codigo, NOMBRE_UV → nombre');
    expect(result.stdout).toContain('Campos asignados con --asignar (el mismo valor en todos los elementos): area = «urbana»');
  });

  it('exits 2 when --asignar or --mapear is malformed or names a field the layer lacks', async () => {
    const shapefile = fixture('dideco-uv/unidades_dideco.shp');
    const malformed = await cli(shapefile, '--layer', 'unidades_vecinales', '--asignar', 'area');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^--asignar espera campo=valor; se recibió «area»\./);
    const unknown = await cli(shapefile, '--layer', 'unidades_vecinales', '--mapear', 'COD_UV=cod');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^--mapear: la capa «unidades_vecinales» no tiene el campo «cod»\. Campos: codigo, nombre, area/);
  });

  it('wrote what it said it wrote', async () => {
    const db = database.db.mode === 'embedded' ? await openEmbeddedDatabase(database.location) : database.db;
    try {
      const rows = await db.query<{ nombre: string }>('select nombre from toponimia order by nombre');
      expect(rows.map((row) => row.nombre)).toEqual(['Plaza de Armas (PSAD56)', 'Quebrada El Jilguero (PSAD56)']);
    } finally {
      if (db !== database.db) await db.close();
    }
  });
});
