import type { Feature, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authHeaders, usernameOf } from '../support/auth.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { loadAnalysisFixture, readInput, toLonLat } from './analysis-fixture.ts';

/**
 * Stored Plan Regulador reviews on the fixture territory (UTM 19S, exact
 * distances): the 1000 × 200 m rectangle x ∈ [357 500, 358 500],
 * y ∈ [6 804 400, 6 804 600] has heritage H2 on its west edge (0 m) and H3
 * 30 m east of it, and lies inside both wetland versions except where the
 * current one ends at x = 358 000: 100 000 m² of the current one and the
 * whole 200 000 m² of the proposed one.
 */
let t: TestApp;
let revisor: { authorization: string };
let rectangle: Polygon;
const png = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]).toString('base64')}`;

beforeAll(async () => {
  t = await openTestApp();
  await loadAnalysisFixture(t.database.db);
  revisor = await authHeaders(t.app, 'revisor');
  rectangle = (await toLonLat(t.database.db, readInput<Feature>('revision-prc-utm.geojson').geometry)) as Polygon;
});
afterAll(async () => {
  await t.close();
});

const create = (payload: object, headers: Record<string, string> = revisor) =>
  t.app.inject({ method: 'POST', url: '/analysis/revisiones-prc', headers, payload });

describe('POST /analysis/revisiones-prc', () => {
  it('stores the review with the findings PostGIS computed, the map and the author, and audits it', async () => {
    const response = await create({ titulo: 'Paseo ribereño, tramo 1', geometry: rectangle, mapa_png: png });
    expect(response.statusCode, response.body).toBe(201);
    const review = response.json();
    expect(response.headers.location).toBe(`/analysis/revisiones-prc/${review.id}`);
    expect(review.informe).toBe(`/analysis/revisiones-prc/${review.id}.html`);
    expect(review.autor).toMatch(/^Prueba revisor/);
    expect(review.tiene_mapa).toBe(true);
    expect(review.area_m2).toBeCloseTo(200_000, 0);
    const heritage = review.hallazgos.patrimonio.map((row: { nombre: string; distancia_m: number; dentro: boolean }) => [
      row.nombre,
      row.distancia_m,
      row.dentro,
    ]);
    expect(heritage).toEqual([
      ['H2 borde de la revisión', 0, true],
      ['H3 a 30 m', 30, false],
    ]);
    expect(review.hallazgos.humedal).toEqual([
      { version: 'vigente', area_m2: 100_000, area_ha: 10, intersecta: true },
      { version: 'ampliacion_propuesta', area_m2: 200_000, area_ha: 20, intersecta: true },
    ]);

    const [audit] = await t.database.db.query<{ usuario: string; accion: string; antes: unknown; despues: { titulo: string } }>(
      `select usuario, accion, antes, despues from auditoria where recurso = 'revisiones_prc' and objeto_id = $1`,
      [String(review.id)],
    );
    expect(audit?.usuario).toBe(await usernameOf(revisor, t.app));
    expect(audit?.accion).toBe('crear');
    expect(audit?.antes).toBeNull();
    expect(audit?.despues.titulo).toBe('Paseo ribereño, tramo 1');
  });

  it('accepts a map image above the default 1 MiB body limit, up to 2 MiB', async () => {
    const large = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1_900_000, 7)]).toString('base64')}`;
    const response = await create({ titulo: 'Mapa grande', geometry: rectangle, mapa_png: large });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(201);
    const html = await t.app.inject({ url: response.json().informe, headers: revisor });
    expect(html.body).toContain(large.slice(0, 200));
  });

  it('reviews a PLADECO project by its code and records the code', async () => {
    const response = await create({ titulo: 'Puentes sobre el Huasco', proyecto: 'L6.O1.P1.G1.03' });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().proyecto).toBe('L6.O1.P1.G1.03');
    expect(response.json().tiene_mapa).toBe(false);
  });

  it('lets admin write but not other roles or the anonymous public', async () => {
    const payload = { titulo: 'x', geometry: rectangle };
    expect((await create(payload, await authHeaders(t.app, 'admin'))).statusCode).toBe(201);
    const planner = await create(payload, await authHeaders(t.app, 'planificador'));
    expect(planner.statusCode).toBe(403);
    expect(planner.json().code).toBe('forbidden');
    const anonymous = await create(payload, {});
    expect(anonymous.statusCode).toBe(401);
  });

  it('rejects bad input with the field at fault and stores nothing', async () => {
    const before = await t.database.db.query('select id from revisiones_prc');
    const cases: [object, string][] = [
      [{ geometry: rectangle }, 'titulo'],
      [{ titulo: '   ', geometry: rectangle }, 'titulo'],
      [{ titulo: 'x' }, 'geometry'],
      [
        {
          titulo: 'x',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [357500, 6804400],
                [358500, 6804400],
                [357500, 6804600],
                [357500, 6804400],
              ],
            ],
          },
        },
        'geometry',
      ],
      [
        {
          titulo: 'x',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [-70.8, -28.6],
                [-70.7, -28.5],
                [-70.8, -28.5],
                [-70.7, -28.6],
                [-70.8, -28.6],
              ],
            ],
          },
        },
        'geometry',
      ],
      [{ titulo: 'x', geometry: rectangle, mapa_png: 'data:image/jpeg;base64,/9j/' }, 'mapa_png'],
      [{ titulo: 'x', geometry: rectangle, mapa_png: `data:image/png;base64,${'A'.repeat(2_900_000)}` }, 'mapa_png'],
      [{ titulo: 'x', geometry: rectangle, distancia_patrimonio: -1 }, 'distancia_patrimonio'],
    ];
    for (const [payload, field] of cases) {
      const response = await create(payload);
      expect(response.statusCode, JSON.stringify(payload).slice(0, 120)).toBe(400);
      expect(response.json(), response.body).toMatchObject({ field });
      expect(response.json().description).toEqual(expect.any(String));
    }
    const unknownProject = await create({ titulo: 'x', proyecto: 'NO.EXISTE' });
    expect(unknownProject.statusCode).toBe(404);
    expect(await t.database.db.query('select id from revisiones_prc')).toEqual(before);
  });
});

describe('reading stored reviews', () => {
  it('lists them newest first for any account, never for the anonymous public', async () => {
    const created = (await create({ titulo: 'Última revisión', geometry: rectangle })).json();
    const list = await t.app.inject({ url: '/analysis/revisiones-prc', headers: await authHeaders(t.app, 'terreno') });
    expect(list.statusCode).toBe(200);
    expect(list.json().revisiones[0]).toMatchObject({ id: created.id, titulo: 'Última revisión', informe: created.informe });
    expect((await t.app.inject('/analysis/revisiones-prc')).statusCode).toBe(401);
    expect((await t.app.inject(`/analysis/revisiones-prc/${created.id}`)).statusCode).toBe(401);
    expect((await t.app.inject(`/analysis/revisiones-prc/${created.id}.html`)).statusCode).toBe(401);
  });

  it('serves one review as JSON and as a printable report with the map, the author and every finding', async () => {
    const created = (await create({ titulo: 'Sendero <humedal> & mirador', geometry: rectangle, mapa_png: png })).json();
    const json = await t.app.inject({ url: `/analysis/revisiones-prc/${created.id}`, headers: revisor });
    expect(json.statusCode).toBe(200);
    expect(json.json().hallazgos).toEqual(created.hallazgos);

    const html = await t.app.inject({ url: `/analysis/revisiones-prc/${created.id}.html`, headers: revisor });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    const page = html.body;
    expect(page).toContain('@page { size: A4');
    expect(page).toContain('Sendero &lt;humedal&gt; &amp; mirador');
    expect(page).toContain(`<img src="${png}"`);
    expect(page).toContain(created.autor);
    for (const finding of [
      'H2 borde de la revisión',
      'Inmueble de Conservación Histórica',
      'H3 a 30 m',
      '30 m',
      'ZT1',
      'Área verde',
      '100.000 m²',
      '10 ha',
      '200.000 m²',
      '20 ha',
      'Parcialmente dentro',
      'R1 a 150 m',
      '150 m',
    ]) {
      expect(page, finding).toContain(finding);
    }
  });

  it('answers 404 for a review that does not exist and 400 for an id that is not a number', async () => {
    const missing = await t.app.inject({ url: '/analysis/revisiones-prc/999999.html', headers: revisor });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found', field: 'id' });
    const bad = await t.app.inject({ url: '/analysis/revisiones-prc/abc', headers: revisor });
    expect(bad.statusCode).toBe(400);
  });
});
