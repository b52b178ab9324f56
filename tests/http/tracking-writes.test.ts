import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RollupNode } from '../../server/plan/rollup.ts';
import { authHeaders } from '../support/auth.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let planner: { authorization: string };
let plannerName: string;
const programme = 'L6.O1.P1.G1';
const project = `${programme}.01`;
const other = `${programme}.02`;

beforeAll(async () => {
  t = await openTestApp();
  planner = await authHeaders(t.app, 'planificador');
  const me = await t.app.inject({ method: 'GET', url: '/auth/sesion', headers: planner });
  plannerName = (me.json() as { usuario: { nombre: string } }).usuario.nombre;
});
afterAll(async () => t?.close());

const write = (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown, headers: Record<string, string> = planner) =>
  t.app.inject({ method, url, payload: payload as object, headers });

const one = async <Row>(text: string, params: unknown[] = []) => (await t.app.db.query<Row>(text, params))[0]!;
const count = async (table: string) => (await one<{ n: number }>(`select count(*)::int as n from ${table}`)).n;
const current = (codigo: string) =>
  one<{ estado: string | null; avance: number | null; fuentes: string[] }>(
    `select estado, avance_fisico::double precision as avance, fuentes_financiamiento as fuentes from proyectos where codigo = $1`,
    [codigo],
  );

/** Rows in every table a tracking write touches: a refused write must leave all of them as they were. */
const footprint = async () =>
  Promise.all(
    ['proyecto_estados', 'proyecto_avances', 'proyecto_hitos', 'proyecto_presupuestos', 'indicadores_programa', 'auditoria'].map(count),
  );

describe('who may record tracking data', () => {
  it('answers 401 to the public and 403 to a field worker, and writes nothing', async () => {
    const before = await footprint();
    const body = { estado: 'diseño', desde: '2026-01-05' };
    const anonymous = await t.app.inject({ method: 'POST', url: `/plan/proyectos/${project}/estados`, payload: body });
    expect(anonymous.statusCode).toBe(401);
    const field = await write('POST', `/plan/proyectos/${project}/estados`, body, await authHeaders(t.app, 'terreno'));
    expect(field.statusCode).toBe(403);
    expect(field.json().code).toBe('forbidden');
    expect(await footprint()).toEqual(before);
  });

  it('lets an administrator record too', async () => {
    const response = await write(
      'POST',
      `/plan/proyectos/${other}/estados`,
      { estado: 'perfil', desde: '2023-02-01' },
      await authHeaders(t.app, 'admin'),
    );
    expect(response.statusCode).toBe(201);
  });
});

describe('status changes', () => {
  it('records the change with the signed-in name, mirrors it on the project and audits both in the same write', async () => {
    const auditBefore = await count('auditoria');
    const response = await write('POST', `/plan/proyectos/${project}/estados`, {
      estado: 'diseño',
      desde: '2025-03-01',
      nota: '  Diseño adjudicado  ',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.registro).toMatchObject({ codigo: project, estado: 'diseño', desde: '2025-03-01', nota: 'Diseño adjudicado' });
    expect(body.registro.registrado_por).toBe(plannerName);
    expect(body.proyecto).toEqual({ codigo: project, estado: 'diseño', avanceFisico: null });
    expect((await current(project)).estado).toBe('diseño');

    const audit = await t.app.db.query<{ recurso: string; accion: string; objeto_id: string }>(
      `select recurso, accion, objeto_id from auditoria where id > (select coalesce(max(id), 0) - $1 from auditoria) order by id`,
      [(await count('auditoria')) - auditBefore],
    );
    expect(audit).toEqual([
      { recurso: 'proyecto_estados', accion: 'crear', objeto_id: String(body.registro.id) },
      { recurso: 'proyectos', accion: 'modificar', objeto_id: project },
    ]);
  });

  it('keeps the current status at the latest date when an older change is recorded afterwards', async () => {
    expect((await write('POST', `/plan/proyectos/${project}/estados`, { estado: 'ejecución', desde: '2026-01-10' })).statusCode).toBe(201);
    const late = await write('POST', `/plan/proyectos/${project}/estados`, { estado: 'perfil', desde: '2024-06-01' });
    expect(late.statusCode).toBe(201);
    expect(late.json().proyecto.estado).toBe('ejecución');
    expect((await current(project)).estado).toBe('ejecución');
  });

  it('refuses a second change on the same day with 409 and writes nothing', async () => {
    const before = await footprint();
    const response = await write('POST', `/plan/proyectos/${project}/estados`, { estado: 'terminado', desde: '2026-01-10' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({ code: 'duplicado', field: 'desde' });
    expect(await footprint()).toEqual(before);
    expect((await current(project)).estado).toBe('ejecución');
  });

  it.each([
    [{ estado: 'en obra', desde: '2026-01-01' }, 400, 'estado'],
    [{ estado: 'diseño' }, 400, 'desde'],
    [{ estado: 'diseño', desde: '01-02-2026' }, 400, 'desde'],
    [{ estado: 'diseño', desde: '2026-02-30' }, 422, 'desde'],
    [{ estado: 'diseño', desde: '2999-01-01' }, 422, 'desde'],
    [{ estado: 'diseño', desde: `${new Date().getUTCFullYear() + 1}-01-01` }, 422, 'desde'],
    [{ estado: 'diseño', desde: '2026-01-01', sql: 'drop table proyectos' }, 400, 'sql'],
  ])('refuses %j with %i naming the field «%s», in Spanish, and writes nothing', async (payload, status, field) => {
    const before = await footprint();
    const response = await write('POST', `/plan/proyectos/${project}/estados`, payload);
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.field).toBe(field);
    expect(body.description).toMatch(/«.+»/);
    expect(await footprint()).toEqual(before);
  });

  it('answers 404 for a project the plan does not have', async () => {
    const response = await write('POST', `/plan/proyectos/L9.O9.P9.G9.99/estados`, { estado: 'idea', desde: '2026-01-01' });
    expect(response.statusCode).toBe(404);
    expect(response.json().field).toBe('codigo');
  });

  it("makes 'descartado' the project's status and leaves it out of the roll-up", async () => {
    const response = await write('POST', `/plan/proyectos/${other}/estados`, {
      estado: 'descartado',
      desde: '2026-02-01',
      nota: 'Fuera del plan',
    });
    expect(response.statusCode).toBe(201);
    expect((await current(other)).estado).toBe('descartado');
    const progress = await t.app.inject({ method: 'GET', url: '/plan/avance?hasta=2026-03-01' });
    const find = (nodes: RollupNode[]): RollupNode | undefined =>
      nodes.map((node) => (node.codigo === other ? node : find(node.hijos))).find(Boolean);
    const node = find(progress.json().lineamientos as RollupNode[]);
    expect(node).toMatchObject({ estado: 'descartado', incluidos: 0, excluidos: 1 });
  });
});

describe('writes at the same time', () => {
  it('leaves the project at the latest status by date whatever order concurrent writes commit in', async () => {
    const target = `${programme}.04`;
    const changes = [
      { estado: 'idea', desde: '2022-03-01' },
      { estado: 'terminado', desde: '2025-12-01' },
      { estado: 'perfil', desde: '2023-03-01' },
      { estado: 'ejecución', desde: '2025-01-01' },
      { estado: 'diseño', desde: '2024-03-01' },
    ];
    const answers = await Promise.all(changes.map((change) => write('POST', `/plan/proyectos/${target}/estados`, change)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect((await current(target)).estado).toBe('terminado');
    const audited = await one<{ n: number }>(
      `select count(*)::int as n from auditoria where recurso = 'proyecto_estados' and despues->>'codigo' = $1`,
      [target],
    );
    expect(audited.n).toBe(5);
  });
});

describe('hostile input', () => {
  it.each([
    [
      'a note longer than 2000 characters',
      `/plan/proyectos/${project}/estados`,
      { estado: 'idea', desde: '2026-01-02', nota: 'x'.repeat(2001) },
      'nota',
    ],
    ['a body that is a list', `/plan/proyectos/${project}/estados`, [{ estado: 'idea', desde: '2026-01-02' }], undefined],
    [
      'a programme code with SQL in it',
      '/plan/indicadores',
      { programa: "L6'; drop table proyectos;--", nombre: 'x', unidad: 'u', valor: 1, fecha: '2026-01-01' },
      'programa',
    ],
  ])('refuses %s with 400 and writes nothing', async (_name, url, payload, field) => {
    const before = await footprint();
    const response = await write('POST', url, payload);
    expect(response.statusCode).toBe(400);
    if (field) expect(response.json().field).toBe(field);
    expect(response.json().description).toMatch(/[a-záéíóú]/);
    expect(await footprint()).toEqual(before);
  });

  it('refuses a project code in the path that is not a plan code', async () => {
    const response = await write('POST', `/plan/proyectos/${encodeURIComponent("L6' or 1=1")}/estados`, {
      estado: 'idea',
      desde: '2026-01-02',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('codigo');
  });
});

describe('physical progress', () => {
  it('records a measurement and keeps the project at the latest one by date', async () => {
    const first = await write('POST', `/plan/proyectos/${project}/avances`, { fecha: '2026-03-01', avanceFisico: 35.5 });
    expect(first.statusCode).toBe(201);
    expect(first.json().registro).toMatchObject({ fecha: '2026-03-01', avance_fisico: 35.5, registrado_por: plannerName });
    const older = await write('POST', `/plan/proyectos/${project}/avances`, { fecha: '2026-01-15', avanceFisico: 10 });
    expect(older.statusCode).toBe(201);
    expect(older.json().proyecto.avanceFisico).toBe(35.5);
    expect((await current(project)).avance).toBe(35.5);
  });

  it.each([
    [{ fecha: '2026-03-02', avanceFisico: 150 }, 400, 'avanceFisico'],
    [{ fecha: '2026-03-02', avanceFisico: -1 }, 400, 'avanceFisico'],
    [{ fecha: '2026-03-02', avanceFisico: 'mucho' }, 400, 'avanceFisico'],
    [{ fecha: '2026-03-01', avanceFisico: 40 }, 409, 'fecha'],
  ])('refuses %j with %i on «%s» and writes nothing', async (payload, status, field) => {
    const before = await footprint();
    const response = await write('POST', `/plan/proyectos/${project}/avances`, payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().field).toBe(field);
    expect(await footprint()).toEqual(before);
    expect((await current(project)).avance).toBe(35.5);
  });
});

describe('milestones', () => {
  it('creates a pending milestone, then marks it met by giving its actual date', async () => {
    const created = await write('POST', `/plan/proyectos/${project}/hitos`, {
      nombre: 'Recepción provisoria',
      fechaPrevista: '2026-06-30',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().registro.id as number;
    expect(created.json().registro).toMatchObject({ nombre: 'Recepción provisoria', fecha_prevista: '2026-06-30', cumplido: false });

    const met = await write('PATCH', `/plan/proyectos/${project}/hitos/${id}`, { fechaReal: '2026-05-20' });
    expect(met.statusCode).toBe(200);
    expect(met.json().registro).toMatchObject({ fecha_prevista: '2026-06-30', fecha_real: '2026-05-20', cumplido: true });
    const audit = await one<{ antes: { cumplido: boolean }; despues: { cumplido: boolean } }>(
      `select antes, despues from auditoria where recurso = 'proyecto_hitos' and objeto_id = $1 and accion = 'modificar'`,
      [String(id)],
    );
    expect([audit.antes.cumplido, audit.despues.cumplido]).toEqual([false, true]);

    const undone = await write('PATCH', `/plan/proyectos/${project}/hitos/${id}`, { fechaReal: null });
    expect(undone.json().registro).toMatchObject({ fecha_real: null, cumplido: false });
  });

  it('refuses a duplicate name (409), an empty change (400) and an unknown milestone (404)', async () => {
    const before = await footprint();
    const duplicate = await write('POST', `/plan/proyectos/${project}/hitos`, { nombre: 'Recepción provisoria' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().field).toBe('nombre');
    expect((await write('POST', `/plan/proyectos/${project}/hitos`, { nombre: '   ' })).json()).toMatchObject({ field: 'nombre' });
    const { id } = await one<{ id: number }>(`select id from proyecto_hitos where codigo = $1`, [project]);
    expect((await write('PATCH', `/plan/proyectos/${project}/hitos/${id}`, {})).statusCode).toBe(400);
    expect((await write('PATCH', `/plan/proyectos/${project}/hitos/999999`, { nombre: 'Otro' })).statusCode).toBe(404);
    expect(await footprint()).toEqual(before);
  });
});

describe('budget by year', () => {
  it('creates a line (201), replaces it (200), adds the source to the project and shows in the card', async () => {
    const created = await write('PUT', `/plan/proyectos/${project}/presupuestos`, {
      anio: 2026,
      fuente: 'FNDR',
      estimado: 120_000_000,
      aprobado: 100_000_000,
      ejecutado: 25_000_000,
    });
    expect(created.statusCode).toBe(201);
    const replaced = await write('PUT', `/plan/proyectos/${project}/presupuestos`, {
      anio: 2026,
      fuente: 'FNDR',
      estimado: 120_000_000,
      aprobado: 110_000_000,
      ejecutado: 40_000_000,
    });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().registro).toMatchObject({ anio: 2026, fuente: 'FNDR', aprobado: 110_000_000, ejecutado: 40_000_000 });
    expect((await current(project)).fuentes).toContain('FNDR');
    const card = (await t.app.inject({ method: 'GET', url: `/plan/proyectos/${project}` })).json();
    expect(card.presupuesto).toMatchObject({ estimado: 120_000_000, aprobado: 110_000_000, ejecutado: 40_000_000 });
    const audits = await t.app.db.query<{ accion: string }>(
      `select accion from auditoria where recurso = 'proyecto_presupuestos' and objeto_id = $1 order by id`,
      [`${project}/2026/FNDR`],
    );
    expect(audits.map((row) => row.accion)).toEqual(['crear', 'modificar']);
  });

  it.each([
    [{ anio: 2026, fuente: 'FNDR', aprobado: 10, ejecutado: 11 }, 422, 'ejecutado'],
    [{ anio: 2026, fuente: 'MOP' }, 422, 'estimado'],
    [{ anio: 2026, fuente: 'Banco Mundial', estimado: 1 }, 400, 'fuente'],
    [{ anio: 1999, fuente: 'MOP', estimado: 1 }, 400, 'anio'],
    [{ anio: 2026, fuente: 'MOP', estimado: 12.5 }, 400, 'estimado'],
    [{ anio: 2026, fuente: 'MOP', estimado: -5 }, 400, 'estimado'],
  ])('refuses %j with %i on «%s» and writes nothing', async (payload, status, field) => {
    const before = await footprint();
    const response = await write('PUT', `/plan/proyectos/${project}/presupuestos`, payload);
    expect(response.statusCode).toBe(status);
    expect(response.json().field).toBe(field);
    expect(await footprint()).toEqual(before);
  });
});

describe('manual programme indicators', () => {
  it('records a value that the semiannual report then lists as manual', async () => {
    const response = await write('POST', '/plan/indicadores', {
      programa: programme,
      nombre: 'Vecinos capacitados',
      unidad: 'personas',
      meta: 200,
      valor: 85,
      fecha: '2026-05-31',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().registro).toMatchObject({ programa: programme, fuente: 'manual', valor: 85 });
    const report = (await t.app.inject({ method: 'GET', url: '/reportes/semestral?anio=2026&semestre=1' })).json();
    expect(report.indicadores).toContainEqual(
      expect.objectContaining({ programa: programme, nombre: 'Vecinos capacitados', valor: 85, meta: 200, fuente: 'manual' }),
    );
  });

  it('refuses a node that is not a programa (422) and a duplicate date (409)', async () => {
    const before = await footprint();
    const project = await write('POST', '/plan/indicadores', {
      programa: `${programme}.01`,
      nombre: 'X',
      unidad: 'u',
      valor: 1,
      fecha: '2026-01-01',
    });
    expect(project.statusCode).toBe(422);
    expect(project.json()).toMatchObject({ code: 'no_es_programa', field: 'programa' });
    const duplicate = await write('POST', '/plan/indicadores', {
      programa: programme,
      nombre: 'Vecinos capacitados',
      unidad: 'personas',
      valor: 90,
      fecha: '2026-05-31',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(await footprint()).toEqual(before);
  });
});

describe('recorded history', () => {
  it('lists status changes and measurements newest first, and milestones, for anyone to read', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/plan/proyectos/${project}/seguimiento` });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.estados.map((entry: { desde: string }) => entry.desde)).toEqual(['2026-01-10', '2025-03-01', '2024-06-01']);
    // The public reads what was recorded but not who recorded it (a person's name); staff see it.
    expect(body.estados[0]).toMatchObject({ estado: 'ejecución', registrado_por: null });
    expect(body.avances.every((entry: { registrado_por: unknown }) => entry.registrado_por === null)).toBe(true);
    const staff = await t.app.inject({ method: 'GET', url: `/plan/proyectos/${project}/seguimiento`, headers: planner });
    expect(staff.json().estados[0]).toMatchObject({ estado: 'ejecución', registrado_por: plannerName });
    expect(body.avances.map((entry: { fecha: string; avance_fisico: number }) => [entry.fecha, entry.avance_fisico])).toEqual([
      ['2026-03-01', 35.5],
      ['2026-01-15', 10],
    ]);
    expect(body.hitos).toEqual([expect.objectContaining({ nombre: 'Recepción provisoria', cumplido: false })]);
    expect((await t.app.inject({ method: 'GET', url: '/plan/proyectos/L9.O9.P9.G9.99/seguimiento' })).statusCode).toBe(404);
  });
});
