import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReport, importFile } from '../../server/import/index.ts';
import { unitCentres } from '../fixtures/import/positions.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { layerChecksum, options, refused } from './import-helpers.ts';

/**
 * A DIDECO shapefile as it is delivered: its own column names (COD_UV,
 * NOMBRE_UV, POB_2017), no urban/rural `area`, no provenance. The layer needs
 * codigo, nombre and area; `--mapear` and `--asignar` supply them.
 */
const dideco = 'dideco-uv/unidades_dideco.shp';
const provenance = { fuente: 'DIDECO Vallenar, unidades vecinales 2024 (prueba)', precision: 'oficial' };
const supplied = {
  ...provenance,
  columnMap: { COD_UV: 'codigo', NOMBRE_UV: 'nombre', POB_2017: 'poblacion' },
  assign: { area: 'Urbana' },
};

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.dispose();
});

describe('required fields the file lacks', () => {
  it('refuses the DIDECO shapefile as delivered, naming the fields and the flags that supply them', async () => {
    const error = await refused(importFile(database.db, options(dideco, 'unidades_vecinales', provenance)), 'missing_required_field');
    expect(error.message).toBe(
      'El archivo no trae los campos obligatorios «codigo», «nombre», «area» de la capa «unidades_vecinales». ' +
        'Atributos del archivo: COD_UV, NOMBRE_UV, POB_2017. Indique la columna que lo trae con --mapear COLUMNA=campo, ' +
        'dé un mismo valor a todos los elementos con --asignar campo=valor, o renombre o agregue la columna en el archivo.',
    );
  });

  it('imports it with --mapear and --asignar, and the summary says which fields came from where', async () => {
    const report = await importFile(database.db, options(dideco, 'unidades_vecinales', { mode: 'replace', ...supplied }));
    expect(report.inserted).toBe(2);
    expect(report.mappedAttributes).toEqual([
      { source: 'COD_UV', field: 'codigo', explicit: true },
      { source: 'NOMBRE_UV', field: 'nombre', explicit: true },
      { source: 'POB_2017', field: 'poblacion', explicit: true },
    ]);
    expect(report.assignedFields).toEqual([{ field: 'area', value: 'urbana' }]);
    const summary = formatReport(report);
    expect(summary).toContain('  Columnas asociadas con --mapear: COD_UV → codigo, NOMBRE_UV → nombre, POB_2017 → poblacion');
    expect(summary).toContain('  Campos asignados con --asignar (el mismo valor en todos los elementos): area = «urbana»');
    const rows = await database.db.query<{ codigo: string; nombre: string; area: string; poblacion: number; fuente: string }>(
      'select codigo, nombre, area, poblacion, fuente from unidades_vecinales order by codigo',
    );
    expect(rows).toEqual(
      unitCentres.map((unit, index) => ({
        codigo: unit.codigo,
        nombre: unit.nombre,
        area: 'urbana',
        poblacion: 900 + 100 * index,
        fuente: provenance.fuente,
      })),
    );
  });

  it('gives an assigned value to every feature, over what the file says', async () => {
    const report = await importFile(
      database.db,
      options(dideco, 'unidades_vecinales', {
        mode: 'replace',
        ...supplied,
        assign: { area: 'rural', nombre: 'Sin nombre' },
        columnMap: { COD_UV: 'codigo' },
      }),
    );
    expect(report.assignedFields).toEqual([
      { field: 'area', value: 'rural' },
      { field: 'nombre', value: 'Sin nombre' },
    ]);
    const rows = await database.db.query<{ nombre: string; area: string }>('select distinct nombre, area from unidades_vecinales');
    expect(rows).toEqual([{ nombre: 'Sin nombre', area: 'rural' }]);
  });
});

describe('--asignar and --mapear checked against the catalogue, nothing written', () => {
  const cases: [string, Partial<Parameters<typeof options>[2]>, string, RegExp][] = [
    [
      'an unknown field',
      { assign: { superficie: '10' } },
      'unidades_vecinales',
      /^--asignar: la capa «unidades_vecinales» no tiene el campo «superficie»\. Campos: codigo, nombre, area, poblacion/,
    ],
    [
      'an unknown mapped field',
      { columnMap: { COD_UV: 'codgo' } },
      'unidades_vecinales',
      /^--mapear: la capa «unidades_vecinales» no tiene el campo «codgo»/,
    ],
    [
      'a value outside the enum',
      { assign: { area: 'centro' } },
      'unidades_vecinales',
      /^--asignar area: «centro» no es un valor permitido \(permitidos: urbana, rural\)\.$/,
    ],
    [
      'a value of the wrong type',
      { assign: { poblacion: 'muchos' } },
      'unidades_vecinales',
      /^--asignar poblacion: «muchos» no es un número entero\.$/,
    ],
    [
      'a computed field',
      { assign: { longitud_m: '120' } },
      'ciclovias',
      /^--asignar: «longitud_m» lo calcula la base de datos a partir de la geometría/,
    ],
    [
      'a column the file lacks',
      { columnMap: { COD_UNIDAD: 'codigo' } },
      'unidades_vecinales',
      /^--mapear: el archivo no tiene la columna «COD_UNIDAD»\. Columnas del archivo: COD_UV, NOMBRE_UV, POB_2017\.$/,
    ],
    [
      'one field both assigned and mapped',
      { assign: { area: 'urbana' }, columnMap: { POB_2017: 'area' } },
      'unidades_vecinales',
      /«area» se indicó con --asignar y con --mapear/,
    ],
    [
      'two columns for one field',
      { columnMap: { COD_UV: 'codigo', NOMBRE_UV: 'codigo' } },
      'unidades_vecinales',
      /las columnas «COD_UV» y «NOMBRE_UV» se asociaron al mismo campo «codigo»/,
    ],
    ['--fuente with --asignar fuente', { assign: { fuente: 'Otra' } }, 'unidades_vecinales', /Se indicó --fuente y --asignar fuente/],
  ];
  for (const [what, extra, layer, message] of cases) {
    it(`refuses ${what} as a usage error`, async () => {
      const before = await layerChecksum(database.db, layer);
      const error = await refused(importFile(database.db, options(dideco, layer, { ...provenance, ...extra })), 'invalid_option');
      expect(error.isUsageError).toBe(true);
      expect(error.message).toMatch(message);
      expect(await layerChecksum(database.db, layer)).toEqual(before);
    });
  }
});
