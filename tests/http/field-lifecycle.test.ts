import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';

let t: TestApp;
let field: { authorization: string };
let planner: { authorization: string };
let sequence = 0;

async function newSite(estado = 'reportado', extra = ''): Promise<number> {
  sequence += 1;
  const [row] = await t.app.db.query<{ id: number }>(
    `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", primer_reporte, volumen_m3, geom ${extra ? ', cierre' : ''})
     values ($1, $2, 'publica', 'prueba', 'demo', '2026-01-10', 5, ST_SetSRID(ST_MakePoint(-70.75, -28.58), 4326) ${extra ? `, '${extra}'` : ''}) returning id`,
    [`MB-CICLO-${sequence}`, estado],
  );
  return row!.id;
}

const move = (id: number, body: Record<string, unknown>, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/microbasurales/${id}/transiciones`, headers, payload: body });

beforeAll(async () => {
  t = await openTestApp();
  field = await authHeaders(t.app, 'terreno');
  planner = await authHeaders(t.app, 'planificador');
});
afterAll(async () => t?.close());

describe('POST /microbasurales/{id}/transiciones', () => {
  it('walks a site to closure in order, each step by its roles, with who and when', async () => {
    const id = await newSite();
    expect((await move(id, { hacia: 'verificado' }, field)).statusCode).toBe(200);
    expect((await move(id, { hacia: 'programado' }, field)).statusCode).toBe(403);
    expect((await move(id, { hacia: 'programado' }, planner)).statusCode).toBe(200);
    const cleaned = await move(id, { hacia: 'limpiado', fecha: '2026-03-02' }, field);
    expect(cleaned.json().properties).toMatchObject({ estado: 'limpiado', limpiado_en: '2026-03-02' });
    const noHow = await move(id, { hacia: 'cerrado' }, field);
    expect(noHow.statusCode).toBe(422);
    expect(noHow.json().field).toBe('como');
    const closed = await move(id, { hacia: 'cerrado', como: 'señalizado' }, field);
    expect(closed.json().properties).toMatchObject({ estado: 'cerrado', cierre: 'señalizado' });
    const after = await move(id, { hacia: 'limpiado' }, planner);
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('invalid_transition');
    const file = await t.app.inject({ method: 'GET', url: `/microbasurales/${id}/ficha`, headers: planner });
    const steps = file.json().transiciones as { desde: string; hacia: string; por: string }[];
    expect(steps.map((step) => `${step.desde}→${step.hacia}`)).toEqual([
      'reportado→verificado',
      'verificado→programado',
      'programado→limpiado',
      'limpiado→cerrado',
    ]);
    expect(steps.every((step) => /^prueba-(terreno|planificador)-/.test(step.por))).toBe(true);
    const [audit] = await t.app.db.query<{ n: number }>(
      `select count(*)::int as n from auditoria where recurso = 'microbasurales' and objeto_id = $1`,
      [String(id)],
    );
    expect(audit!.n).toBe(4);
  });

  it('refuses skipping a step, with nothing changed', async () => {
    const id = await newSite();
    const skip = await move(id, { hacia: 'limpiado' }, planner);
    expect(skip.statusCode).toBe(409);
    const [row] = await t.app.db.query<{ estado: string }>('select estado from microbasurales where id = $1', [id]);
    expect(row!.estado).toBe('reportado');
  });

  it('marks a duplicate linked to its original, and discards only with a reason', async () => {
    const original = await newSite();
    const copy = await newSite();
    expect((await move(copy, { hacia: 'duplicado', duplicado_de: original }, field)).statusCode).toBe(403);
    const duplicated = await move(copy, { hacia: 'duplicado', duplicado_de: original }, planner);
    expect(duplicated.json().properties).toMatchObject({ estado: 'duplicado', duplicado_de: original });
    const missing = await move(await newSite(), { hacia: 'duplicado', duplicado_de: 999999 }, planner);
    expect(missing.json().field).toBe('duplicado_de');
    const reasonless = await move(await newSite(), { hacia: 'descartado' }, planner);
    expect(reasonless.json().field).toBe('nota');
    expect((await move(await newSite(), { hacia: 'descartado', nota: 'Era un acopio autorizado' }, planner)).statusCode).toBe(200);
  });

  it('refuses a future date and an anonymous or revisor request', async () => {
    const id = await newSite();
    expect((await move(id, { hacia: 'verificado', fecha: '2999-01-01' }, field)).json().field).toBe('fecha');
    expect((await move(id, { hacia: 'verificado' }, {})).statusCode).toBe(401);
    expect((await move(id, { hacia: 'verificado' }, await authHeaders(t.app, 'revisor'))).statusCode).toBe(403);
  });
});

describe('POST /microbasurales/{id}/sobrevuelos', () => {
  it('records a drone survey and the site takes its measured area and volume', async () => {
    const id = await newSite();
    const footprint = {
      type: 'Polygon',
      coordinates: [
        [
          [-70.7501, -28.5801],
          [-70.7499, -28.5801],
          [-70.7499, -28.5799],
          [-70.7501, -28.5799],
          [-70.7501, -28.5801],
        ],
      ],
    };
    const survey = await t.app.inject({
      method: 'POST',
      url: `/microbasurales/${id}/sobrevuelos`,
      headers: field,
      payload: { fecha: '2026-02-01', superficie_m2: 410, volumen_m3: 96.5, huella: footprint },
    });
    expect(survey.statusCode).toBe(201);
    expect(survey.json().microbasural.properties).toMatchObject({ superficie_m2: 410, volumen_m3: 96.5 });
    const far = {
      type: 'Polygon',
      coordinates: [
        [
          [-70.8, -28.58],
          [-70.79, -28.58],
          [-70.79, -28.57],
          [-70.8, -28.58],
        ],
      ],
    };
    const wrong = await t.app.inject({
      method: 'POST',
      url: `/microbasurales/${id}/sobrevuelos`,
      headers: field,
      payload: { fecha: '2026-02-02', superficie_m2: 1, volumen_m3: 1, huella: far },
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().field).toBe('huella');
    const file = await t.app.inject({ method: 'GET', url: `/microbasurales/${id}/ficha`, headers: field });
    expect(file.json().sobrevuelos).toHaveLength(1);
  });
});

describe('GET /microbasurales/resumen', () => {
  it('gives the programme figures that the database holds', async () => {
    const reincident = await newSite();
    const cleaned = await newSite('limpiado');
    await t.app.db.query('update microbasurales set reincidencia_de = $1 where id = $2', [cleaned, reincident]);
    const summary = (await t.app.inject({ method: 'GET', url: '/microbasurales/resumen' })).json();
    const [truth] = await t.app.db.query<{
      activos: number;
      m3: number;
      cerrados: number;
      limpiados: number;
      reincidencias: number;
      total: number;
    }>(
      `select count(*) filter (where estado in ('reportado', 'verificado', 'programado'))::int as activos,
              coalesce(sum(volumen_m3) filter (where estado in ('limpiado', 'cerrado')), 0)::float8 as m3,
              count(*) filter (where estado = 'cerrado')::int as cerrados,
              count(*) filter (where estado in ('limpiado', 'cerrado'))::int as limpiados,
              count(*) filter (where reincidencia_de is not null)::int as reincidencias,
              count(*)::int as total
       from microbasurales`,
    );
    expect(summary.programa.sitios_activos).toBe(truth!.activos);
    expect(summary.programa.m3_limpiados).toBeCloseTo(truth!.m3, 1);
    expect(summary.programa.sitios_cerrados).toBe(truth!.cerrados);
    expect(summary.programa.tasa_reincidencia).toBeCloseTo(truth!.reincidencias / truth!.limpiados, 3);
    const byStatus = Object.values(summary.por_estado as Record<string, number>).reduce((sum, n) => sum + n, 0);
    expect(byStatus).toBe(truth!.total);
    const inUnits = (summary.por_unidad as { total: number }[]).reduce((sum, unit) => sum + unit.total, 0);
    const [covered] = await t.app.db.query<{ n: number }>(
      'select count(*)::int as n from microbasurales m join unidades_vecinales u on ST_Covers(u.geom, m.geom)',
    );
    expect(inUnits).toBe(covered!.n);
    const filtered = (await t.app.inject({ method: 'GET', url: '/microbasurales/resumen?estado=cerrado' })).json();
    expect(filtered.por_estado.cerrado).toBe(truth!.cerrados);
    expect(filtered.por_estado.reportado).toBe(0);
  });
});
