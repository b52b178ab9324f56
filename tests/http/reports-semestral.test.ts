import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RollupNode } from '../../server/plan/rollup.ts';
import type { SemiannualReport } from '../../server/routes/reports/semiannual.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';

let testApp: TestApp;
const programme = 'L6.O1.P1.G1';
const [a, b, c, d] = [`${programme}.01`, `${programme}.02`, `${programme}.03`, `${programme}.04`] as const;

/** Fixture statuses, progress and budgets in this file's private copy (the seed has none). */
beforeAll(async () => {
  testApp = await openTestApp();
  const db = testApp.database.db;
  await db.query(
    `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp) values
       ($1, 2025, 'FNDR', 500, 200, 50), ($1, 2026, 'municipal', 100, 100, 80),
       ($2, 2026, 'MOP', 100, null, null), ($3, 2026, 'FNDR', 1000, 1000, 900)`,
    [a, b, c],
  );
  await db.query(
    `insert into proyecto_avances (codigo, fecha, avance_fisico, registrado_por) values
       ($1, '2026-03-01', 20, 'SECPLA'), ($1, '2026-06-15', 50, 'SECPLA'), ($1, '2026-09-01', 90, 'SECPLA'),
       ($2, '2026-05-01', 100, 'SECPLA'), ($3, '2026-02-01', 70, 'SECPLA')`,
    [a, b, c],
  );
  await db.query(
    `insert into proyecto_estados (codigo, estado, desde, nota, registrado_por) values
       ($1, 'ejecución', '2026-01-10', 'Inicio de obras', 'SECPLA'), ($2, 'terminado', '2026-05-01', null, 'SECPLA'),
       ($3, 'ejecución', '2025-06-01', null, 'SECPLA'), ($3, 'suspendido', '2026-04-01', 'Falta de financiamiento', 'SECPLA')`,
    [a, b, c],
  );
  await db.query(
    `insert into proyecto_hitos (codigo, nombre, fecha_prevista, fecha_real, cumplido) values
       ($1, 'Recepción provisoria', '2026-06-01', null, false), ($2, 'Recepción definitiva', '2026-04-01', '2026-05-01', true)`,
    [a, b],
  );
  await db.query(`update proyectos set evaluado_igualdad_genero = true where codigo in ($1, $2)`, [a, d]);
  await db.query(`update proyectos set evaluado_igualdad_genero = false where codigo = $1`, [b]);
});
afterAll(async () => {
  await testApp.close();
});

const find = (nodes: RollupNode[], codigo: string): RollupNode | undefined => {
  for (const node of nodes) {
    if (node.codigo === codigo) return node;
    const found = find(node.hijos, codigo);
    if (found) return found;
  }
  return undefined;
};

const report = async (query: string) => {
  const response = await testApp.app.inject(`/reportes/semestral?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SemiannualReport>();
};

describe('GET /plan/avance', () => {
  it('rolls progress up by the documented rule at the cut-off date', async () => {
    const response = await testApp.app.inject('/plan/avance?hasta=2026-06-30');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ regla: string; lineamientos: RollupNode[] }>();
    expect(body.regla).toMatch(/ponderado por presupuesto aprobado/);
    const node = find(body.lineamientos, programme);
    // c is suspended by then: out. a weighs 300 (approved) at 50 %, b weighs 100 (estimated) at 100 %,
    // the rest of the programme has no budget (weight 0) and no progress (sin información).
    expect(node).toMatchObject({ avance: 62.5, ponderacion: 'presupuesto', excluidos: 1 });
    expect(node?.sinInformacion).toBe((node?.incluidos ?? 0) - 2);
    expect(find(body.lineamientos, c)).toMatchObject({ estado: 'suspendido' });
  });

  it('uses the history known at the cut-off date, not later records', async () => {
    const body = (await testApp.app.inject('/plan/avance?hasta=2026-03-15')).json<{ lineamientos: RollupNode[] }>();
    // a 20 % (300), b no progress yet (out of the mean, not 0 %), c in execution 70 % (1000).
    expect(find(body.lineamientos, programme)).toMatchObject({
      avance: Math.round(((20 * 300 + 70 * 1000) / 1300) * 10) / 10,
      conAvance: 2,
    });
  });

  it('refuses an impossible date naming the parameter', async () => {
    const response = await testApp.app.inject('/plan/avance?hasta=2026-02-30');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_parameter', field: 'hasta' });
  });
});

describe('GET /reportes/semestral', () => {
  it('gives budget totals equal to the sums taken directly in the database', async () => {
    const body = await report('anio=2026&semestre=1');
    const [sums] = await testApp.database.db.query<{ estimado: number; aprobado: number; ejecutado: number }>(
      `select sum(estimado_clp)::bigint as estimado, sum(aprobado_clp)::bigint as aprobado, sum(ejecutado_clp)::bigint as ejecutado
       from proyecto_presupuestos`,
    );
    expect(body.ejecucionPresupuestaria.totales).toEqual(sums);
    expect(body.ejecucionPresupuestaria.porAnioYFuente).toContainEqual({
      anio: 2025,
      fuente: 'FNDR',
      estimado: 500,
      aprobado: 200,
      ejecutado: 50,
    });
  });

  it('splits investment among neighbourhood units and keeps the total', async () => {
    const body = await report('anio=2026&semestre=1');
    const placed = body.territorio.unidades.reduce((total, unit) => total + (unit.inversion ?? 0), 0);
    const [total] = await testApp.database.db.query<{ monto: number }>(
      `select sum(monto)::bigint as monto from (select coalesce(sum(aprobado_clp), sum(estimado_clp)) as monto from proyecto_presupuestos group by codigo) m`,
    );
    // Each unit's share is rounded to the peso.
    expect(Math.abs(placed + (body.territorio.sinUnidad.inversion ?? 0) - (total?.monto ?? 0))).toBeLessThanOrEqual(
      body.territorio.unidades.length,
    );
    expect(body.territorio.regla).toMatch(/partes iguales/);
  });

  it('counts projects evaluated for equal opportunities as the database does', async () => {
    const body = await report('anio=2026&semestre=1');
    const rows = await testApp.database.db.query<{ evaluado: boolean | null; n: number }>(
      `select evaluado_igualdad_genero as evaluado, count(*)::int as n from proyectos group by 1`,
    );
    const count = (value: boolean | null) => rows.find((row) => row.evaluado === value)?.n ?? 0;
    expect(body.igualdadGenero.evaluados.proyectos).toBe(count(true));
    expect(body.igualdadGenero.noEvaluados.proyectos).toBe(count(false));
    expect(body.igualdadGenero.sinInformacion.proyectos).toBe(count(null));
    expect(body.igualdadGenero.evaluados.monto).toBe(300);
  });

  it('lists the status changes and milestones of the semester only', async () => {
    const body = await report('anio=2026&semestre=1');
    expect(body.periodo).toEqual({ desde: '2026-01-01', hasta: '2026-06-30' });
    expect(body.cambiosEstado.map((row) => row.codigo)).toEqual([a, c, b]);
    expect(body.hitos).toHaveLength(2);
    const second = await report('anio=2026&semestre=2');
    expect(second.cambiosEstado).toEqual([]);
  });

  it('names who recorded each change for staff only, not for the anonymous public', async () => {
    const anonymous = await report('anio=2026&semestre=1');
    expect(anonymous.cambiosEstado.map((row) => row.registrado_por)).toEqual([null, null, null]);
    const headers = await authHeaders(testApp.app, 'revisor');
    const staff = (
      await testApp.app.inject({ method: 'GET', url: '/reportes/semestral?anio=2026&semestre=1', headers })
    ).json() as SemiannualReport;
    expect(staff.cambiosEstado.map((row) => row.registrado_por)).toEqual(['SECPLA', 'SECPLA', 'SECPLA']);
    const html = await testApp.app.inject({ method: 'GET', url: '/reportes/semestral.html?anio=2026&semestre=1' });
    expect(html.body).not.toMatch(/prueba-/);
  });

  it('summarises every lineamiento of the plan and computes the programme indicators it can, for the period', async () => {
    const body = await report('anio=2026&semestre=1');
    const [count] = await testApp.database.db.query<{ n: number }>(`select count(*)::int as n from plan_nodos where nivel = 'lineamiento'`);
    expect(body.lineamientos).toHaveLength(count?.n ?? -1);
    // The shipped micro-dumps are demo sites: the official figure has none to count, and says so instead of a 0 or 27.
    expect(body.indicadores.find((indicator) => indicator.nombre === 'Microbasurales erradicados en el semestre')).toMatchObject({
      valor: null,
      fuente: 'calculado',
      fecha: '2026-06-30',
    });
  });

  it('gives the data annex as CSV, one row per project', async () => {
    const response = await testApp.app.inject('/reportes/semestral?anio=2026&semestre=1&f=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const lines = response.body.trim().split('\r\n');
    const [counts] = await testApp.database.db.query<{ proyectos: number; lineamientos: number }>(
      `select (select count(*)::int from proyectos) as proyectos, (select count(*)::int from plan_nodos where nivel = 'lineamiento') as lineamientos`,
    );
    expect(lines).toHaveLength((counts?.proyectos ?? 0) + (counts?.lineamientos ?? 0) + 1);
    expect(lines.find((line) => line.startsWith(`proyecto,${c},`))).toContain(',suspendido,');
    // A project nobody recorded reads «sin información», not an empty cell a spreadsheet sums as 0.
    expect(lines.find((line) => line.startsWith(`proyecto,${d},`))).toMatch(/,sin información,/);
  });

  it.each([
    ['anio=2026&semestre=3', 'semestre'],
    ['anio=abc&semestre=1', 'anio'],
    ['semestre=1', 'anio'],
    ['anio=2026&semestre=1&f=pdf', 'f'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const response = await testApp.app.inject(`/reportes/semestral?${query}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_parameter', field });
  });
});

describe('GET /reportes/semestral.html', () => {
  it('is a printable Spanish document with A4 page rules, charts and no external asset', async () => {
    const response = await testApp.app.inject('/reportes/semestral.html?anio=2026&semestre=1');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toContain('<html lang="es-CL">');
    expect(response.body).toMatch(/@page \{ size: A4/);
    expect(response.body).toContain('<svg');
    expect(response.body).toContain('Falta de financiamiento');
    expect(response.body).not.toMatch(/src="https?:/);
    expect(response.body).not.toMatch(/<link /);
  });

  it('closes with the plan framework in its own words: the six definitions and the ten ejes transversales', async () => {
    const json = (await testApp.app.inject('/reportes/semestral?anio=2026&semestre=1')).json();
    expect(json.marco.lineamientos).toHaveLength(6);
    expect(json.marco.ejesTransversales).toHaveLength(10);
    expect(json.marco.lineamientos[0].definicion).toMatch(/^Contribuir al establecimiento de un modelo de gestión municipal/);
    const html = (await testApp.app.inject('/reportes/semestral.html?anio=2026&semestre=1')).body;
    const annex = html.slice(html.indexOf('data-marco-pladeco'));
    expect(annex).toContain('Anexo. El marco del PLADECO 2022–2029');
    expect(annex).toContain('Contribuir al establecimiento de un modelo de gestión municipal');
    expect(annex).toContain('Alternativas Productivas (Empoderamiento Comunal)');
    expect(annex.match(/<dt>/g)?.length).toBe(16);
  });
});

describe('tracking tables refuse bad rows', () => {
  it.each([
    [`insert into proyecto_estados (codigo, estado, desde, registrado_por) values ('${a}', 'olvidado', '2026-01-01', 'x')`],
    [`insert into proyecto_estados (codigo, estado, desde, registrado_por) values ('L9.NO', 'idea', '2026-01-01', 'x')`],
    [`insert into proyecto_avances (codigo, fecha, avance_fisico, registrado_por) values ('${a}', '2026-01-01', 120, 'x')`],
    [`insert into proyecto_hitos (codigo, nombre, cumplido) values ('${a}', 'Sin fecha', true)`],
    [
      `insert into indicadores_programa (codigo, nombre, unidad, valor, fuente, fecha) values ('${a}', 'x', 'u', 1, 'manual', '2026-01-01')`,
    ],
    [
      `insert into indicadores_programa (codigo, nombre, unidad, valor, fuente, fecha) values ('${programme}', 'x', 'u', 1, 'adivinado', '2026-01-01')`,
    ],
  ])('%s', async (statement) => {
    await expect(testApp.database.db.query(statement)).rejects.toThrow();
  });

  it('reports a manual indicator of a programa', async () => {
    await testApp.database.db.query(
      `insert into indicadores_programa (codigo, nombre, unidad, meta, valor, fuente, fecha) values ($1, 'Puentes habilitados', 'puentes', 4, 1, 'manual', '2026-05-01')`,
      [programme],
    );
    const body = await report('anio=2026&semestre=1');
    expect(body.indicadores).toContainEqual(
      expect.objectContaining({
        programa: programme,
        nombre: 'Puentes habilitados',
        valor: 1,
        meta: 4,
        fuente: 'manual',
        fecha: '2026-05-01',
      }),
    );
  });
});
