import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitSheet } from '../../server/routes/reports/unit-sheet.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let unitId: number;

/** The sheet is an official document: only features of official precision count (docs/cifras.md). */
const official = `('oficial', 'aproximada')`;
const overlaps = `p."precision" in ${official} and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)`;

/** The unit touched by most located projects, with budgets recorded for two of them. */
beforeAll(async () => {
  t = await openTestApp();
  const db = t.database.db;
  const [unit] = await db.query<{ id: number }>(
    `select uv.id from unidades_vecinales uv
     order by (select count(*) from proyectos p where ${overlaps}) desc, uv.id limit 1`,
  );
  unitId = unit!.id;
  const projects = await db.query<{ codigo: string }>(
    `select p.codigo from proyectos p join unidades_vecinales uv on uv.id = $1 and ${overlaps} order by p.codigo limit 2`,
    [unitId],
  );
  expect(projects.length).toBeGreaterThan(0);
  for (const [index, { codigo }] of projects.entries()) {
    await db.query(
      `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp)
       values ($1, 2026, 'FNDR', $2, $3, $4), ($1, 2027, 'municipal', $2, null, null)`,
      [codigo, 300_000_000 + index * 1_111, 250_000_000 + index * 7, 90_000_000],
    );
  }
});
afterAll(async () => t?.close());

const scalar = async (text: string) => Number((await t.database.db.query<{ v: unknown }>(text, [unitId]))[0]?.v ?? 0);

describe('territorial sheet of a neighbourhood unit', () => {
  it('gives figures equal to sums taken directly in the database', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/reportes/unidad-vecinal/${unitId}` });
    expect(response.statusCode).toBe(200);
    const sheet = response.json() as UnitSheet;

    const name = (await t.database.db.query<{ nombre: string }>(`select nombre from unidades_vecinales where id = $1`, [unitId]))[0]!;
    expect(sheet.unidad.nombre).toBe(name.nombre);
    expect(sheet.proyectos.length).toBe(
      await scalar(`select count(*) as v from proyectos p join unidades_vecinales uv on uv.id = $1 and ${overlaps}`),
    );
    expect(sheet.presupuesto.aprobado).toBe(
      await scalar(
        `select sum(b.aprobado_clp) as v from proyecto_presupuestos b
         where b.codigo in (select p.codigo from proyectos p join unidades_vecinales uv on uv.id = $1 and ${overlaps})`,
      ),
    );
    // Each project's amount (approved, else estimated) divided by the number of units it overlaps.
    const attributed = await scalar(
      `select round(sum(m.monto::numeric / (select count(*) from unidades_vecinales uv where ${overlaps}))) as v
       from proyectos p
       join (select codigo, coalesce(sum(aprobado_clp), sum(estimado_clp)) as monto from proyecto_presupuestos group by codigo) m on m.codigo = p.codigo
       where exists (select 1 from unidades_vecinales uv where uv.id = $1 and ${overlaps})`,
    );
    expect(attributed).toBeGreaterThan(0);
    expect(sheet.presupuesto.inversionAtribuida).toBe(attributed);
    // The shipped micro-dumps are all demo sites: officially there is no record, which is unknown, not 0.
    expect(await scalar(`select count(*) as v from microbasurales where "precision" in ${official} and $1::int is not null`)).toBe(0);
    expect(sheet.microbasurales).toMatchObject({ activos: null, erradicados: null });
    expect(sheet.microbasurales.fueraDeLasCifras).toBe(await scalar(`select count(*) as v from microbasurales where $1::int is not null`));
    expect(sheet.patrimonio.length).toBe(
      await scalar(
        `select count(*) as v from patrimonio p join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, p.geom)
         where p."precision" in ${official}`,
      ),
    );
    const wetland = await scalar(
      `select coalesce(sum(ST_Area(ST_Transform(ST_Intersection(uv.geom, h.geom), 32719))), 0) / 1e4 as v
       from humedal_urbano h join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, h.geom)
       where h.version = 'vigente' and h."precision" in ${official}`,
    );
    expect(sheet.humedal.vigenteHa).toBeCloseTo(wetland, 2);
  });

  it('counts the micro-dumps SECPLA records in the unit, and not the demo ones', async () => {
    await t.database.db.query(
      `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", geom)
       select 'MB-FICHA-' || n, 'reportado', 'publica', 'SECPLA', 'aproximada', ST_PointOnSurface(uv.geom)
       from unidades_vecinales uv, generate_series(1, 2) n where uv.id = $1`,
      [unitId],
    );
    const sheet = (await t.app.inject({ method: 'GET', url: `/reportes/unidad-vecinal/${unitId}` })).json() as UnitSheet;
    expect(sheet.microbasurales).toMatchObject({ activos: 2, erradicados: 0 });
    const html = (await t.app.inject({ method: 'GET', url: `/reportes/unidad-vecinal/${unitId}.html` })).body;
    expect(html).toContain('Activos: 2; erradicados: 0.');
    await t.database.db.query(`delete from microbasurales where codigo like 'MB-FICHA-%'`);
  });

  it('serves one printable HTML page with an SVG map drawn by the server and no external asset', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/reportes/unidad-vecinal/${unitId}.html` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const html = response.body;
    expect(html).toContain('@page { size: A4');
    expect(html).toMatch(/<svg [^>]*viewBox="0 0 700 \d+"/);
    expect(html).toMatch(/<path d="M[\d.]+ [\d.]+L/);
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(html).not.toContain('<script');
    // The boundary is a census zone standing in for the unit: the sheet says it is not to be measured.
    expect(html).toContain(
      'precisión ilustrativa: Dibujada solo para ilustrar (a partir de un texto, o con otra capa como sustituto); no usar para medir.',
    );
  });

  it('answers 404 for a unit that does not exist and 400 for an id that is not a number', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/reportes/unidad-vecinal/999999.html' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', field: 'id' });
    const bad = await t.app.inject({ method: 'GET', url: '/reportes/unidad-vecinal/uno' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('id');
  });

  it('is described in the OpenAPI document with its response schema', async () => {
    const api = (await t.app.inject({ method: 'GET', url: '/api' })).json();
    const operation = api.paths['/reportes/unidad-vecinal/{id}'].get;
    const schema = operation.responses['200'].content['application/json'].schema;
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['unidad', 'proyectos', 'presupuesto', 'humedal']));
  });
});
