import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { layers } from '../../server/catalog/index.ts';
import { precisionLevels } from '../../server/catalog/precision.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

describe('every layer after the first start', () => {
  it.each(layers.map((layer) => [layer.id, layer] as const))(
    '%s is served with all its features, each with fuente and precision',
    async (_id, layer) => {
      const [row] = await testApp.app.db.query<{ n: number }>(`select count(*)::int as n from ${quoteIdent(layer.table)}`);
      expect(row?.n, 'features in the database').toBeGreaterThan(0);
      const response = await testApp.app.inject(`/collections/${layer.id}/items?limit=10000`);
      expect(response.statusCode).toBe(200);
      const collection = response.json() as FeatureCollection;
      expect(collection.features).toHaveLength(row?.n ?? -1);
      for (const feature of collection.features) {
        expect(String(feature.properties?.fuente ?? '').trim(), `${layer.id}/${feature.id} fuente`).not.toBe('');
        expect(precisionLevels, `${layer.id}/${feature.id} precision`).toContain(feature.properties?.precision);
      }
    },
  );

  it('labels the invented micro-dumps as demo, the drawn layers as approximate or illustrative, never as official', async () => {
    const rows = await testApp.app.db.query<{ capa: string; nombre: string; precision: string }>(
      `select 'microbasurales' as capa, codigo as nombre, "precision" from microbasurales
       union all select 'unidades_vecinales', codigo, "precision" from unidades_vecinales
       union all select 'humedal_urbano', nombre, "precision" from humedal_urbano
       union all select 'ciclovias', nombre, "precision" from ciclovias
       union all select 'puentes', nombre, "precision" from puentes`,
    );
    const expected = (row: { capa: string; nombre: string }) => {
      if (row.capa === 'microbasurales') return 'demo';
      // Census stand-ins and paths drawn from the plan's text; the one bridge placed where no data puts the polideportivo.
      if (row.capa === 'unidades_vecinales' || row.capa === 'ciclovias' || row.nombre.startsWith('Puente Oriente')) return 'ilustrativa';
      return 'aproximada';
    };
    expect(rows.length).toBe(60 + 27 + 2 + 5 + 6);
    for (const row of rows) expect(row.precision, `${row.capa} ${row.nombre}`).toBe(expected(row));
  });

  it('keeps both versions of the urban wetland: the current one and the proposed enlargement under legal review', async () => {
    const rows = await testApp.app.db.query<{ version: string; estado_legal: string | null; ha: number }>(
      `select version, estado_legal, ST_Area(geom::geography) / 10000 as ha from humedal_urbano order by version`,
    );
    expect(rows.map((row) => row.version)).toEqual(['ampliacion_propuesta', 'vigente']);
    expect(rows[0]?.estado_legal).toMatch(/revisión jurídica/);
    expect(rows[0]?.ha).toBeGreaterThan(rows[1]?.ha ?? Infinity);
  });

  it('has the four bridges of the Plan Ciudad Bicentenario, crossing the river', async () => {
    const rows = await testApp.app.db.query<{ nombre: string; cruza: boolean }>(
      `select p.nombre, exists (select 1 from rio r where ST_Intersects(r.geom, p.geom)) as cruza
       from puentes p where p.estado = 'propuesto' order by p.nombre`,
    );
    const names = rows.map((row) => row.nombre).join(' | ');
    for (const bridge of ['Matta', 'Brasil', 'Oriente', 'Interurbano']) expect(names).toContain(bridge);
    for (const row of rows) expect(row.cruza, row.nombre).toBe(true);
  });
});
