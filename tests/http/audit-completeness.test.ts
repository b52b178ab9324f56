import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';
import { cameraJpeg, multipartBody } from '../support/multipart.ts';

let t: TestApp;
let planner: { authorization: string };
let field: { authorization: string };

async function auditRows(): Promise<number> {
  const [row] = await t.app.db.query<{ n: number }>('select count(*)::int as n from auditoria');
  return row!.n;
}

beforeAll(async () => {
  t = await openTestApp();
  planner = await authHeaders(t.app, 'planificador');
  field = await authHeaders(t.app, 'terreno');
});
afterAll(async () => t?.close());

describe('the audit trail', () => {
  it('has exactly one row per accepted write, and none for a refused one, across a mixed session of edits', async () => {
    const before = await auditRows();
    const photo = await cameraJpeg();
    let accepted = 0;
    let refused = 0;
    const run = async (request: InjectOptions) => {
      const response = await t.app.inject(request);
      if (response.statusCode >= 200 && response.statusCode < 300) accepted += 1;
      else if (response.statusCode >= 400 && response.statusCode < 500) refused += 1;
      else throw new Error(`respuesta inesperada ${response.statusCode}: ${response.body}`);
      return response;
    };
    const heritage = (nombre: string) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-70.7612, -28.5752] },
      properties: { nombre, fuente: 'prueba', precision: 'demo' },
    });

    const ids: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const created = await run({
        method: 'POST',
        url: '/collections/patrimonio/items',
        headers: planner,
        payload: heritage(`Auditada ${i}`),
      });
      ids.push(created.json().id);
      // A refused twin of every write: invalid, unauthorised or stale.
      await run({ method: 'POST', url: '/collections/patrimonio/items', headers: planner, payload: heritage('<b>mal</b>') });
    }
    for (const id of ids.slice(0, 4)) {
      const current = await t.app.inject({ method: 'GET', url: `/collections/patrimonio/items/${id}` });
      await run({
        method: 'PATCH',
        url: `/collections/patrimonio/items/${id}`,
        headers: { ...planner, 'if-match': String(current.headers.etag) },
        payload: { properties: { estado_conservacion: 'bueno' } },
      });
      await run({
        method: 'PATCH',
        url: `/collections/patrimonio/items/${id}`,
        headers: { ...planner, 'if-match': String(current.headers.etag) },
        payload: { properties: { estado_conservacion: 'malo' } },
      });
    }
    await run({ method: 'PUT', url: `/collections/patrimonio/items/${ids[4]}`, headers: planner, payload: heritage('Reemplazada') });
    await run({ method: 'DELETE', url: `/collections/patrimonio/items/${ids[5]}`, headers: field });
    await run({ method: 'DELETE', url: `/collections/patrimonio/items/${ids[5]}`, headers: planner });
    await run({ method: 'POST', url: `/collections/patrimonio/papelera/${ids[5]}/restaurar`, headers: planner });
    await run({ method: 'POST', url: `/collections/patrimonio/papelera/${ids[5]}/restaurar`, headers: planner });

    const form = multipartBody(
      {
        reporte: JSON.stringify({
          uuid: randomUUID(),
          lon: -70.751,
          lat: -28.583,
          precision_gps_m: 4,
          origen_posicion: 'gps',
          categoria_residuo: 'voluminosos',
          superficie_m2: 8,
          volumen_m3: 2,
          tenencia: 'publica',
          notas: null,
        }),
      },
      [{ name: 'fotos', filename: 'f.jpg', type: 'image/jpeg', bytes: photo }],
    );
    const report = await run({ method: 'POST', url: '/campo/reportes', headers: { ...field, ...form.headers }, payload: form.payload });
    // The identical resend is not a new write: it answers 200 with the stored report and writes nothing.
    const resend = await t.app.inject({
      method: 'POST',
      url: '/campo/reportes',
      headers: { ...field, ...form.headers },
      payload: form.payload,
    });
    expect(resend.statusCode).toBe(200);
    const site = report.json().microbasural.id as number;
    await run({ method: 'POST', url: `/microbasurales/${site}/transiciones`, headers: field, payload: { hacia: 'verificado' } });
    await run({ method: 'POST', url: `/microbasurales/${site}/transiciones`, headers: field, payload: { hacia: 'programado' } });
    await run({ method: 'POST', url: `/microbasurales/${site}/transiciones`, headers: planner, payload: { hacia: 'programado' } });
    await run({
      method: 'POST',
      url: `/microbasurales/${site}/sobrevuelos`,
      headers: field,
      payload: { fecha: '2026-01-20', superficie_m2: 9, volumen_m3: 2.5 },
    });

    expect(accepted).toBe(17);
    expect(refused).toBe(13);
    expect(await auditRows()).toBe(before + accepted);
  });
});
