import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../server/config.ts';
import { roles, type Role } from '../../server/auth/roles.ts';
import { createAccount } from '../../server/auth/accounts.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';
import { cameraJpeg, multipartBody } from '../support/multipart.ts';
import { randomUUID } from 'node:crypto';

/**
 * Every cell of the matrix in docs/roles.md, tested: the document is read,
 * not copied, so it cannot drift from what the SIT does.
 */
type Who = Role | 'público';
const columns: Who[] = ['público', 'terreno', 'revisor', 'planificador', 'admin'];

function readMatrix(): Map<string, Map<Who, boolean>> {
  const text = readFileSync(path.join(projectRoot, 'docs', 'roles.md'), 'utf8');
  const section = text.slice(text.indexOf('## Matriz'));
  const rows = new Map<string, Map<Who, boolean>>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    if (cells.length < 8 || !/^(GET|POST|PUT|PATCH|DELETE) \//.test(cells[1]!)) continue;
    rows.set(cells[1]!, new Map(columns.map((who, index) => [who, cells[index + 2] === 'sí'])));
  }
  return rows;
}

let t: TestApp;
const headers = new Map<Who, Record<string, string>>();
let sequence = 0;

/** Inserts a feature straight in the table (setup, not under test) and returns its id. */
async function insertHeritage(): Promise<number> {
  const [row] = await t.app.db.query<{ id: number }>(
    `insert into patrimonio (nombre, fuente, "precision", geom) values ('Matriz', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.7612, -28.5752), 4326)) returning id`,
  );
  return row!.id;
}
async function insertDump(): Promise<number> {
  sequence += 1;
  const [row] = await t.app.db.query<{ id: number }>(
    `insert into microbasurales (codigo, estado, tenencia, fuente, "precision", geom)
     values ($1, 'reportado', 'publica', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.7612, -28.5752), 4326)) returning id`,
    [`MB-MATRIZ-${sequence}`],
  );
  return row!.id;
}
async function deleteHeritageThroughApi(): Promise<number> {
  const id = await insertHeritage();
  const admin = headers.get('admin')!;
  await t.app.inject({ method: 'DELETE', url: `/collections/patrimonio/items/${id}`, headers: admin });
  return id;
}

const heritage = () => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-70.7612, -28.5752] },
  properties: { nombre: `Matriz ${sequence}`, fuente: 'prueba', precision: 'demo' },
});
const dump = () => {
  sequence += 1;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-70.7612, -28.5752] },
    properties: { codigo: `MB-M-${sequence}`, estado: 'reportado', tenencia: 'publica', fuente: 'prueba', precision: 'demo' },
  };
};

/** A valid request for each documented operation: allowed roles must get its success status. */
const cases: Record<string, () => Promise<InjectOptions>> = {
  'GET /collections/patrimonio/items': async () => ({ method: 'GET', url: '/collections/patrimonio/items?limit=1' }),
  'GET /collections/patrimonio/items/{id}': async () => ({ method: 'GET', url: `/collections/patrimonio/items/${await insertHeritage()}` }),
  'GET /tiles/WebMercatorQuad/{z}/{y}/{x}': async () => ({ method: 'GET', url: '/tiles/WebMercatorQuad/12/2285/1243' }),
  'POST /collections/patrimonio/items': async () => ({ method: 'POST', url: '/collections/patrimonio/items', payload: heritage() }),
  'PUT /collections/patrimonio/items/{id}': async () => ({
    method: 'PUT',
    url: `/collections/patrimonio/items/${await insertHeritage()}`,
    payload: heritage(),
  }),
  'PATCH /collections/patrimonio/items/{id}': async () => ({
    method: 'PATCH',
    url: `/collections/patrimonio/items/${await insertHeritage()}`,
    payload: { properties: { estado_conservacion: 'bueno' } },
  }),
  'DELETE /collections/patrimonio/items/{id}': async () => ({
    method: 'DELETE',
    url: `/collections/patrimonio/items/${await insertHeritage()}`,
  }),
  'POST /collections/ciclovias/items': async () => ({
    method: 'POST',
    url: '/collections/ciclovias/items',
    payload: {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [-70.762, -28.575],
          [-70.761, -28.576],
        ],
      },
      properties: { nombre: 'Ciclovía matriz', estado: 'propuesta', fuente: 'prueba', precision: 'demo' },
    },
  }),
  'POST /collections/microbasurales/items': async () => ({ method: 'POST', url: '/collections/microbasurales/items', payload: dump() }),
  'PATCH /collections/microbasurales/items/{id}': async () => ({
    method: 'PATCH',
    url: `/collections/microbasurales/items/${await insertDump()}`,
    payload: { properties: { notas: 'Revisado en terreno' } },
  }),
  'DELETE /collections/microbasurales/items/{id}': async () => ({
    method: 'DELETE',
    url: `/collections/microbasurales/items/${await insertDump()}`,
  }),
  'POST /collections/zonificacion_prc/items': async () => ({
    method: 'POST',
    url: '/collections/zonificacion_prc/items',
    payload: heritage(),
  }),
  'GET /collections/patrimonio/papelera': async () => ({ method: 'GET', url: '/collections/patrimonio/papelera' }),
  'POST /collections/patrimonio/papelera/{id}/restaurar': async () => ({
    method: 'POST',
    url: `/collections/patrimonio/papelera/${await deleteHeritageThroughApi()}/restaurar`,
  }),
  'GET /collections/patrimonio/items/{id}/historial': async () => ({
    method: 'GET',
    url: `/collections/patrimonio/items/${await insertHeritage()}/historial`,
  }),
  'GET /auth/sesion': async () => ({ method: 'GET', url: '/auth/sesion' }),
  'GET /auth/tokens': async () => ({ method: 'GET', url: '/auth/tokens' }),
  'POST /auth/tokens': async () => ({ method: 'POST', url: '/auth/tokens', payload: { nombre: 'matriz' } }),
  'GET /usuarios': async () => ({ method: 'GET', url: '/usuarios' }),
  'POST /usuarios': async () => {
    sequence += 1;
    return {
      method: 'POST',
      url: '/usuarios',
      payload: { usuario: `matriz-${sequence}`, nombre: 'Matriz', rol: 'revisor', clave: 'clave de la matriz 1' },
    };
  },
  'PATCH /usuarios/{usuario}': async () => {
    sequence += 1;
    const usuario = `objetivo-${sequence}`;
    await createAccount(t.app.db, { usuario, nombre: 'Objetivo', rol: 'terreno', clave: 'clave del objetivo 1' });
    return { method: 'PATCH', url: `/usuarios/${usuario}`, payload: { nombre: 'Objetivo renombrado' } };
  },
  'GET /auditoria': async () => ({ method: 'GET', url: '/auditoria?limit=5' }),
  'GET /analysis/indicadores': async () => ({ method: 'GET', url: '/analysis/indicadores' }),
  'POST /analysis/revision-prc': async () => ({
    method: 'POST',
    url: '/analysis/revision-prc',
    payload: { geometry: { type: 'Point', coordinates: [-70.7612, -28.5752] } },
  }),
  'GET /reportes/semestral': async () => ({ method: 'GET', url: '/reportes/semestral?anio=2024&semestre=1' }),
};

async function siteIn(estado: string): Promise<number> {
  const id = await insertDump();
  if (estado !== 'reportado') await t.app.db.query('update microbasurales set estado = $2 where id = $1', [id, estado]);
  return id;
}
const transition = (desde: string, body: Record<string, unknown>) => async (): Promise<InjectOptions> => ({
  method: 'POST',
  url: `/microbasurales/${await siteIn(desde)}/transiciones`,
  payload: body,
});
Object.assign(cases, {
  'POST /campo/reportes': async () => {
    const form = multipartBody(
      {
        reporte: JSON.stringify({
          uuid: randomUUID(),
          lon: -70.7505,
          lat: -28.5835,
          precision_gps_m: 5,
          origen_posicion: 'gps',
          categoria_residuo: 'mixto',
          superficie_m2: null,
          volumen_m3: null,
          tenencia: 'desconocida',
          notas: null,
        }),
      },
      [{ name: 'fotos', filename: 'f.jpg', type: 'image/jpeg', bytes: photo }],
    );
    return { method: 'POST', url: '/campo/reportes', headers: form.headers, payload: form.payload };
  },
  'GET /campo/reportes': async () => ({ method: 'GET', url: '/campo/reportes?mios=true' }),
  // A photo exists by then: the POST /campo/reportes row above runs first and the allowed roles store photos.
  'GET /campo/fotos/{id}': async () => {
    const [row] = await t.app.db.query<{ id: number }>('select id from fotos_microbasural order by id limit 1');
    return { method: 'GET', url: `/campo/fotos/${row!.id}` };
  },
  'POST /microbasurales/{id}/transiciones (reportado → verificado)': transition('reportado', { hacia: 'verificado' }),
  'POST /microbasurales/{id}/transiciones (verificado → programado)': transition('verificado', { hacia: 'programado' }),
  'POST /microbasurales/{id}/transiciones (programado → limpiado)': transition('programado', { hacia: 'limpiado' }),
  'POST /microbasurales/{id}/transiciones (limpiado → cerrado)': transition('limpiado', { hacia: 'cerrado', como: 'cercado' }),
  'POST /microbasurales/{id}/transiciones (reportado → duplicado)': async () => {
    const original = await insertDump();
    return {
      method: 'POST',
      url: `/microbasurales/${await insertDump()}/transiciones`,
      payload: { hacia: 'duplicado', duplicado_de: original },
    };
  },
  'POST /microbasurales/{id}/transiciones (reportado → descartado)': transition('reportado', {
    hacia: 'descartado',
    nota: 'Acopio autorizado',
  }),
  'POST /microbasurales/{id}/sobrevuelos': async () => ({
    method: 'POST',
    url: `/microbasurales/${await insertDump()}/sobrevuelos`,
    payload: { fecha: '2026-01-15', superficie_m2: 20, volumen_m3: 4 },
  }),
  'GET /microbasurales/{id}/ficha': async () => ({ method: 'GET', url: `/microbasurales/${await insertDump()}/ficha` }),
  'GET /microbasurales/resumen': async () => ({ method: 'GET', url: '/microbasurales/resumen' }),
  'POST /analysis/revisiones-prc': async () => ({ method: 'POST', url: '/analysis/revisiones-prc', payload: review }),
  'GET /analysis/revisiones-prc': async () => ({ method: 'GET', url: '/analysis/revisiones-prc' }),
  'GET /analysis/revisiones-prc/{id}': async () => ({ method: 'GET', url: `/analysis/revisiones-prc/${await storedReview()}` }),
  'GET /analysis/revisiones-prc/{id}.html': async () => ({ method: 'GET', url: `/analysis/revisiones-prc/${await storedReview()}.html` }),
} satisfies Record<string, () => Promise<InjectOptions>>);

const review = { titulo: 'Revisión de la matriz', geometry: { type: 'Point', coordinates: [-70.7612, -28.5752] } };
/** A stored review, made through the API by an administrator (setup). */
async function storedReview(): Promise<number> {
  const response = await t.app.inject({ method: 'POST', url: '/analysis/revisiones-prc', headers: headers.get('admin'), payload: review });
  return response.json().id as number;
}

const project = 'L6.O1.P1.G1.01';
/** A distinct past day for each tracking write (each history is unique per project and date). */
let day = 0;
const nextDay = () => {
  day += 1;
  return new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
};
Object.assign(cases, {
  'GET /plan/proyectos/{codigo}/seguimiento': async () => ({ method: 'GET', url: `/plan/proyectos/${project}/seguimiento` }),
  'POST /plan/proyectos/{codigo}/estados': async () => ({
    method: 'POST',
    url: `/plan/proyectos/${project}/estados`,
    payload: { estado: 'perfil', desde: nextDay() },
  }),
  'POST /plan/proyectos/{codigo}/avances': async () => ({
    method: 'POST',
    url: `/plan/proyectos/${project}/avances`,
    payload: { fecha: nextDay(), avanceFisico: 10 },
  }),
  'POST /plan/proyectos/{codigo}/hitos': async () => ({
    method: 'POST',
    url: `/plan/proyectos/${project}/hitos`,
    payload: { nombre: `Hito ${nextDay()}` },
  }),
  'PATCH /plan/proyectos/{codigo}/hitos/{id}': async () => {
    const [row] = await t.app.db.query<{ id: number }>(`insert into proyecto_hitos (codigo, nombre) values ($1, $2) returning id`, [
      project,
      `Hito ${nextDay()}`,
    ]);
    return { method: 'PATCH', url: `/plan/proyectos/${project}/hitos/${row!.id}`, payload: { fechaReal: '2025-06-01' } };
  },
  'PUT /plan/proyectos/{codigo}/presupuestos': async () => ({
    method: 'PUT',
    url: `/plan/proyectos/${project}/presupuestos`,
    payload: { anio: 2025, fuente: 'FNDR', estimado: 1_000_000 },
  }),
  'POST /plan/indicadores': async () => ({
    method: 'POST',
    url: '/plan/indicadores',
    payload: { programa: 'L6.O1.P1.G1', nombre: `Indicador ${nextDay()}`, unidad: 'personas', valor: 5, fecha: '2025-05-31' },
  }),
} satisfies Record<string, () => Promise<InjectOptions>>);

let photo: Buffer;
const matrix = readMatrix();

beforeAll(async () => {
  t = await openTestApp();
  headers.set('público', {});
  photo = await cameraJpeg();
  for (const role of roles) headers.set(role, await authHeaders(t.app, role));
});
afterAll(async () => t?.close());

describe('docs/roles.md', () => {
  it('documents exactly the operations this test exercises', () => {
    expect([...matrix.keys()].sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [operation, cells] of matrix) {
    for (const who of columns) {
      const allowed = cells.get(who)!;
      it(`${operation} — ${who}: ${allowed ? 'permitido' : 'rechazado'}`, async () => {
        const factory = cases[operation];
        expect(factory, `sin caso de prueba para ${operation}`).toBeDefined();
        const request = await factory!();
        const response = await t.app.inject({ ...request, headers: { ...request.headers, ...headers.get(who) } });
        if (allowed) {
          expect(response.statusCode, response.body.slice(0, 300)).toBeGreaterThanOrEqual(200);
          expect(response.statusCode, response.body.slice(0, 300)).toBeLessThan(300);
        } else {
          expect([401, 403, 405], response.body.slice(0, 300)).toContain(response.statusCode);
          if (response.statusCode !== 405) expect(response.statusCode).toBe(who === 'público' ? 401 : 403);
        }
      });
    }
  }
});
