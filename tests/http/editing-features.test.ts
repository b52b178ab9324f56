import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';

let t: TestApp;
let planner: { authorization: string };
let field: { authorization: string };

/** A heritage item near the Plaza de Armas (lon/lat). */
const plaza = { type: 'Point', coordinates: [-70.7612, -28.5752] };
const newHeritage = (nombre: string, geometry: unknown = plaza) => ({
  type: 'Feature',
  geometry,
  properties: {
    nombre,
    categoria: 'Inmueble de Conservación Histórica',
    instrumento_proteccion: 'PRC',
    fuente: 'Prueba de edición',
    precision: 'aproximada',
  },
});

async function auditCount(): Promise<number> {
  const [row] = await t.app.db.query<{ n: number }>('select count(*)::int as n from auditoria');
  return row!.n;
}

beforeAll(async () => {
  t = await openTestApp();
  planner = await authHeaders(t.app, 'planificador');
  field = await authHeaders(t.app, 'terreno');
});
afterAll(async () => t?.close());

describe('OGC API – Features Part 4 editing', () => {
  it('creates a feature: 201, Location, ETag, readable at its URL, one audit row', async () => {
    const audits = await auditCount();
    const created = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: planner,
      payload: newHeritage('Casa de prueba'),
    });
    expect(created.statusCode).toBe(201);
    const location = String(created.headers.location);
    expect(location).toMatch(/\/collections\/patrimonio\/items\/\d+$/);
    expect(created.headers.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const read = await t.app.inject({ method: 'GET', url: new URL(location).pathname });
    expect(read.statusCode).toBe(200);
    expect(read.json().properties.nombre).toBe('Casa de prueba');
    expect(read.json().geometry).toEqual(plaza);
    expect(read.headers.etag).toBe(created.headers.etag);
    expect(await auditCount()).toBe(audits + 1);
    const [audit] = await t.app.db.query<{ accion: string; usuario: string; despues: { properties: { nombre: string } } }>(
      'select accion, usuario, despues from auditoria order by id desc limit 1',
    );
    expect(audit!.accion).toBe('crear');
    expect(audit!.usuario).toMatch(/^prueba-planificador-/);
    expect(audit!.despues.properties.nombre).toBe('Casa de prueba');
  });

  it('replaces with a current If-Match and refuses a stale one with 412, changing nothing', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: planner,
      payload: newHeritage('Versión 1'),
    });
    const path = new URL(String(created.headers.location)).pathname;
    const first = String(created.headers.etag);
    const put = await t.app.inject({
      method: 'PUT',
      url: path,
      headers: { ...planner, 'if-match': first },
      payload: newHeritage('Versión 2'),
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().properties.nombre).toBe('Versión 2');
    expect(put.headers.etag).not.toBe(first);
    const audits = await auditCount();
    const stale = await t.app.inject({
      method: 'PUT',
      url: path,
      headers: { ...planner, 'if-match': first },
      payload: newHeritage('Versión 3'),
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ code: 'precondition_failed', field: 'If-Match' });
    expect(stale.headers.etag).toBe(put.headers.etag);
    expect((await t.app.inject({ method: 'GET', url: path })).json().properties.nombre).toBe('Versión 2');
    expect(await auditCount()).toBe(audits);
  });

  it('lets exactly one of two concurrent edits from the same version win', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: planner,
      payload: newHeritage('Concurrente'),
    });
    const path = new URL(String(created.headers.location)).pathname;
    const etag = String(created.headers.etag);
    const audits = await auditCount();
    const edits = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) =>
        t.app.inject({
          method: 'PATCH',
          url: path,
          headers: { ...planner, 'if-match': etag },
          payload: { properties: { nombre: `Edición ${name}` } },
        }),
      ),
    );
    const statuses = edits.map((edit) => edit.statusCode).sort();
    expect(statuses).toEqual([200, 412, 412, 412]);
    const winner = edits.find((edit) => edit.statusCode === 200)!.json().properties.nombre;
    expect((await t.app.inject({ method: 'GET', url: path })).json().properties.nombre).toBe(winner);
    expect(await auditCount()).toBe(audits + 1);
  });

  it('patches only the given properties (JSON Merge Patch) and keeps the rest', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: planner,
      payload: newHeritage('Parche'),
    });
    const path = new URL(String(created.headers.location)).pathname;
    const patched = await t.app.inject({
      method: 'PATCH',
      url: path,
      headers: { ...planner, 'content-type': 'application/merge-patch+json' },
      payload: JSON.stringify({ properties: { estado_conservacion: 'regular', instrumento_proteccion: null } }),
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().properties).toMatchObject({
      nombre: 'Parche',
      estado_conservacion: 'regular',
      instrumento_proteccion: null,
      categoria: 'Inmueble de Conservación Histórica',
    });
  });

  it('deletes into the recycle bin and restores with the same id; the history shows every step', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: planner,
      payload: newHeritage('Para borrar'),
    });
    const path = new URL(String(created.headers.location)).pathname;
    const id = Number(path.split('/').at(-1));
    expect((await t.app.inject({ method: 'DELETE', url: path, headers: planner })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    const bin = await t.app.inject({ method: 'GET', url: '/collections/patrimonio/papelera', headers: planner });
    expect(bin.json().elementos.map((entry: { objeto_id: string }) => entry.objeto_id)).toContain(String(id));
    const restored = await t.app.inject({ method: 'POST', url: `/collections/patrimonio/papelera/${id}/restaurar`, headers: planner });
    expect(restored.statusCode).toBe(200);
    expect(restored.json().id).toBe(id);
    const again = await t.app.inject({ method: 'GET', url: path });
    expect(again.json().properties.nombre).toBe('Para borrar');
    expect(again.json().geometry).toEqual(plaza);
    const history = await t.app.inject({ method: 'GET', url: `${path}/historial`, headers: field });
    expect(history.json().cambios.map((entry: { accion: string }) => entry.accion)).toEqual(['crear', 'eliminar', 'restaurar']);
    expect((await t.app.inject({ method: 'GET', url: `${path}/historial` })).statusCode).toBe(401);
  });

  it('reads coordinates in the CRS of Content-Crs (UTM 19S) and stores them in lon/lat', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: { ...planner, 'content-crs': '<http://www.opengis.net/def/crs/EPSG/0/32719>' },
      payload: newHeritage('En UTM', { type: 'Point', coordinates: [328_000, 6_838_000] }),
    });
    expect(created.statusCode).toBe(201);
    const [row] = await t.app.db.query<{ x: number; y: number }>(
      `select ST_X(ST_Transform(geom, 32719)) as x, ST_Y(ST_Transform(geom, 32719)) as y from patrimonio where id = $1`,
      [created.json().id],
    );
    expect(row!.x).toBeCloseTo(328_000, 3);
    expect(row!.y).toBeCloseTo(6_838_000, 3);
  });

  it('promotes a Polygon to the MultiPolygon of the layer and says so', async () => {
    const square = [
      [
        [-70.762, -28.576],
        [-70.761, -28.576],
        [-70.761, -28.575],
        [-70.762, -28.575],
        [-70.762, -28.576],
      ],
    ];
    const created = await t.app.inject({
      method: 'POST',
      url: '/collections/humedal_urbano/items',
      headers: planner,
      payload: {
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates: square },
        properties: { nombre: 'Humedal de prueba', version: 'historica', fuente: 'prueba', precision: 'demo' },
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().geometry.type).toBe('MultiPolygon');
    expect(created.json().avisos).toEqual([expect.stringMatching(/se guarda como multipolígono/)]);
  });

  it('refuses a self-intersecting polygon, or repairs it with a notice when asked', async () => {
    const bowtie = {
      type: 'Polygon',
      coordinates: [
        [
          [-70.762, -28.576],
          [-70.761, -28.575],
          [-70.761, -28.576],
          [-70.762, -28.575],
          [-70.762, -28.576],
        ],
      ],
    };
    const payload = {
      type: 'Feature',
      geometry: bowtie,
      properties: { nombre: 'Corbata', version: 'historica', fuente: 'prueba', precision: 'demo' },
    };
    const refused = await t.app.inject({ method: 'POST', url: '/collections/humedal_urbano/items', headers: planner, payload });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'invalid_feature', field: 'geometry' });
    expect(refused.json().description).toMatch(/bordes se cruzan/);
    const repaired = await t.app.inject({
      method: 'POST',
      url: '/collections/humedal_urbano/items?reparar=true',
      headers: planner,
      payload,
    });
    expect(repaired.statusCode).toBe(201);
    expect(repaired.json().avisos.join(' ')).toMatch(/se reparó con ST_MakeValid/);
  });

  it('refuses a point outside the comuna, naming how far', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: planner,
      payload: newHeritage('En Santiago', { type: 'Point', coordinates: [-70.65, -33.44] }),
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().field).toBe('geometry');
    expect(response.json().description).toMatch(/fuera de la comuna de Vallenar, a [\d.,]+ km/);
  });

  it('bumps the layer version with each write, so tiles and counts follow', async () => {
    const version = async () =>
      (await t.app.db.query<{ version: number }>(`select version from layer_version where layer_id = 'patrimonio'`))[0]?.version ?? 0;
    const before = await version();
    await t.app.inject({ method: 'POST', url: '/collections/patrimonio/items', headers: planner, payload: newHeritage('Versión de capa') });
    expect(await version()).toBeGreaterThan(before);
  });

  it('answers 405 on collections that are not edited through the API', async () => {
    for (const collection of ['comuna', 'zonificacion_prc', 'proyectos']) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/collections/${collection}/items`,
        headers: planner,
        payload: newHeritage('x'),
      });
      expect(response.statusCode).toBe(405);
      expect(response.json().code).toBe('not_editable');
    }
  });
});

describe('micro-dump lifecycle fields through Part 4', () => {
  const dump = (properties: Record<string, unknown>) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [-70.7612, -28.5752] },
    properties: {
      codigo: `MB-P4-${Math.random().toString(36).slice(2, 8)}`,
      tenencia: 'publica',
      fuente: 'prueba',
      precision: 'demo',
      ...properties,
    },
  });

  it('creates a site as reportado, and refuses any other initial status', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/collections/microbasurales/items', headers: field, payload: dump({}) });
    expect(created.statusCode).toBe(201);
    expect(created.json().properties.estado).toBe('reportado');
    const closed = await t.app.inject({
      method: 'POST',
      url: '/collections/microbasurales/items',
      headers: field,
      payload: dump({ estado: 'cerrado' }),
    });
    expect(closed.statusCode).toBe(422);
    expect(closed.json().field).toBe('properties.estado');
  });

  it('refuses a status change by edit (it goes through the transitions) but accepts repeating it', async () => {
    const created = await t.app.inject({ method: 'POST', url: '/collections/microbasurales/items', headers: field, payload: dump({}) });
    const path = new URL(String(created.headers.location)).pathname;
    const skip = await t.app.inject({ method: 'PATCH', url: path, headers: planner, payload: { properties: { estado: 'limpiado' } } });
    expect(skip.statusCode).toBe(422);
    expect(skip.json().description).toMatch(/transiciones/);
    const put = await t.app.inject({ method: 'PUT', url: path, headers: planner, payload: dump({ estado: 'reportado', volumen_m3: 4 }) });
    expect(put.statusCode).toBe(200);
    expect(put.json().properties).toMatchObject({ estado: 'reportado', volumen_m3: 4 });
  });
});
