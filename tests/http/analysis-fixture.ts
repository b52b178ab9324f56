import { readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { expect } from 'vitest';
import { findLayer, findProperty } from '../../server/catalog/index.ts';
import type { Queryable } from '../../server/db/database.ts';
import { quoteIdent } from '../../server/db/sql.ts';

const fixtures = new URL('../fixtures/analysis/', import.meta.url);

/** Layers the analysis fixture replaces in the private test database. */
const clearedLayers = [
  'unidades_vecinales',
  'zonas_censales',
  'manzanas_censales',
  'microbasurales',
  'patrimonio',
  'ciclovias',
  'puentes',
  'humedal_urbano',
  'zonificacion_prc',
  'limite_urbano',
  'puntos_criticos',
];

export function readInput<T = Feature>(name: string): T {
  return JSON.parse(readFileSync(new URL(`in/${name}`, fixtures), 'utf8')) as T;
}

/**
 * Compares `actual` with the hand-computed golden file out/<name>; with
 * UPDATE_GOLDEN=1 rewrites the file instead (review the diff by hand).
 */
export function expectGolden(name: string, actual: unknown): void {
  const file = new URL(`out/${name}`, fixtures);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    return;
  }
  expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

/** SQL expression of a UTM 19S GeoJSON parameter in EPSG:4326, the way the tables store it. */
const fromUtm = (parameter: string, multi: boolean) =>
  `${multi ? 'ST_Multi(' : ''}ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${parameter}), 32719), 4326)${multi ? ')' : ''}`;

/** A geometry given in UTM 19S, as GeoJSON in EPSG:4326 (for request bodies). */
export async function toLonLat(db: Queryable, geometry: Geometry): Promise<Geometry> {
  const [row] = await db.query<{ geometry: Geometry }>(`select ST_AsGeoJSON(${fromUtm('$1', false)}, 12)::json as geometry`, [
    JSON.stringify(geometry),
  ]);
  return row!.geometry;
}

/**
 * Empties the territory layers of the private copy and loads the fixture
 * territory (in/territorio-utm.geojson, built in UTM 19S so that areas and
 * distances are exact); projects are relocated onto it and get one budget.
 */
export async function loadAnalysisFixture(db: Queryable): Promise<void> {
  for (const id of clearedLayers) await db.query(`delete from ${quoteIdent(findLayer(id)!.table)}`);
  await db.query('update proyectos set geom = null');
  await db.query('delete from proyecto_presupuestos');
  const collection = readInput<FeatureCollection>('territorio-utm.geojson');
  for (const feature of collection.features) {
    const { capa, ...properties } = feature.properties as { capa: string } & Record<string, unknown>;
    const geometry = JSON.stringify(feature.geometry);
    if (capa === 'proyectos') {
      await db.query(`update proyectos set estado = $2, geom = ${fromUtm('$3', false)} where codigo = $1`, [
        properties.codigo,
        properties.estado,
        geometry,
      ]);
      continue;
    }
    const layer = findLayer(capa)!;
    const columns = Object.keys(properties).map((name) => {
      if (!findProperty(layer, name)) throw new Error(`«${name}» no es una propiedad de «${capa}»`);
      return quoteIdent(name);
    });
    const values = Object.values(properties);
    const placeholders = values.map((_, index) => `$${index + 1}`);
    const multi = layer.geometryType.startsWith('Multi');
    await db.query(
      `insert into ${quoteIdent(layer.table)} (${columns.join(', ')}, ${quoteIdent(layer.geometryColumn)})
       values (${placeholders.join(', ')}, ${fromUtm(`$${values.length + 1}`, multi)})`,
      [...values, geometry],
    );
  }
  await db.query(
    `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp) values ('L6.O1.P1.G1.03', 2025, 'FNDR', 10000000)`,
  );
}
