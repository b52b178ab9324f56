import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const vallenarPoint = { type: 'Point', coordinates: [-70.7597, -28.5766] };

const post = (url: string, payload: unknown) =>
  testApp.app.inject({ method: 'POST', url, payload: payload as object, headers: { 'content-type': 'application/json' } });

const expectBadRequest = async (response: Awaited<ReturnType<typeof post>>, field: string) => {
  expect(response.statusCode, response.body).toBe(400);
  const body = response.json<{ code: string; description: string; field?: string }>();
  expect(body.field).toBe(field);
  expect(body.description).not.toMatch(/stack|postgres:\/\//i);
};

describe('POST /analysis/proximidad refuses bad input with the field at fault', () => {
  it('refuses an unknown geometry type', async () => {
    await expectBadRequest(
      await post('/analysis/proximidad', { geometry: { type: 'Circle', coordinates: [0, 0] }, distancia: 100, capas: ['puentes'] }),
      'geometry',
    );
  });

  it('refuses coordinates in UTM metres sent as degrees, and says so', async () => {
    const response = await post('/analysis/proximidad', {
      geometry: { type: 'Point', coordinates: [331000, 6838000] },
      distancia: 100,
      capas: ['puentes'],
    });
    await expectBadRequest(response, 'geometry');
    expect(response.json<{ description: string }>().description).toMatch(/UTM/);
  });

  it('refuses non-finite and missing coordinates', async () => {
    await expectBadRequest(
      await post('/analysis/proximidad', { geometry: { type: 'Point', coordinates: ['x', 1] }, distancia: 100, capas: ['puentes'] }),
      'geometry',
    );
    await expectBadRequest(
      await post('/analysis/proximidad', { geometry: { type: 'Polygon', coordinates: [] }, distancia: 100, capas: ['puentes'] }),
      'geometry',
    );
    await expectBadRequest(
      await post('/analysis/proximidad', { geometry: { type: 'Point' }, distancia: 100, capas: ['puentes'] }),
      'geometry',
    );
  });

  it('refuses a self-intersecting polygon (bow tie)', async () => {
    const bowTie = {
      type: 'Polygon',
      coordinates: [
        [
          [-70.76, -28.57],
          [-70.75, -28.58],
          [-70.75, -28.57],
          [-70.76, -28.58],
          [-70.76, -28.57],
        ],
      ],
    };
    const response = await post('/analysis/proximidad', { geometry: bowTie, distancia: 100, capas: ['puentes'] });
    await expectBadRequest(response, 'geometry');
    expect(response.json<{ description: string }>().description).toMatch(/no es válida/);
  });

  it('refuses distances out of 1–5000 m', async () => {
    for (const distancia of [0, -5, 5001]) {
      await expectBadRequest(await post('/analysis/proximidad', { geometry: vallenarPoint, distancia, capas: ['puentes'] }), 'distancia');
    }
  });

  it('refuses an unknown layer, even one that looks like SQL', async () => {
    const response = await post('/analysis/proximidad', {
      geometry: vallenarPoint,
      distancia: 100,
      capas: ['puentes', 'x"; drop table puentes; --'],
    });
    await expectBadRequest(response, 'capas/1');
    const source = await post('/analysis/proximidad', { capa: 'no_existe', id: 1, distancia: 100, capas: ['puentes'] });
    await expectBadRequest(source, 'capa');
  });

  it('answers 404 for a feature that does not exist and 400 without any geometry', async () => {
    const missing = await post('/analysis/proximidad', { capa: 'puentes', id: 999999, distancia: 100, capas: ['puentes'] });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ field?: string }>().field).toBe('id');
    await expectBadRequest(await post('/analysis/proximidad', { distancia: 100, capas: ['puentes'] }), 'geometry');
  });

  it('finds seed features near the centre of Vallenar, nearest first', async () => {
    const response = await post('/analysis/proximidad', { geometry: vallenarPoint, distancia: 1000, capas: ['patrimonio'] });
    expect(response.statusCode, response.body).toBe(200);
    const distances = response
      .json<{ capas: { objetos: { distancia_m: number }[] }[] }>()
      .capas[0]!.objetos.map((feature) => feature.distancia_m);
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(1000);
  });
});

describe('other analysis routes refuse bad parameters', () => {
  it('refuses an unknown lineamiento and an unknown unit kind', async () => {
    const lineamiento = await testApp.app.inject('/analysis/equidad?lineamiento=L99');
    expect(lineamiento.statusCode).toBe(400);
    expect(lineamiento.json<{ field?: string; description: string }>()).toMatchObject({ field: 'lineamiento' });
    const unidad = await testApp.app.inject('/analysis/indicadores?unidad=comunas');
    expect(unidad.statusCode).toBe(400);
  });

  it('refuses an unknown project and a project without location in the PRC review', async () => {
    const missing = await post('/analysis/revision-prc', { proyecto: 'L9.X' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ field?: string }>().field).toBe('proyecto');
  });
});

describe('the seed data', () => {
  it('flags investment as unknown instead of inventing it: no budget is recorded in the seed', async () => {
    const response = await testApp.app.inject('/analysis/indicadores');
    expect(response.statusCode).toBe(200);
    const units = response.json<{ unidades: { proyectos: number; inversion_clp: number | null; inversion_sin_dato: boolean }[] }>()
      .unidades;
    expect(units.length).toBeGreaterThan(10);
    // Unknown is null («sin información»), never 0 (docs/cifras.md).
    for (const unit of units.filter((item) => item.proyectos > 0)) {
      expect(unit).toMatchObject({ inversion_clp: null, inversion_sin_dato: true });
    }
    const equity = await testApp.app.inject('/analysis/equidad');
    expect(equity.json()).toMatchObject({ gini: null, lorenz: null });
  });

  it('answers the census zones too', async () => {
    const response = await testApp.app.inject('/analysis/indicadores?unidad=zonas_censales');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ unidades: { codigo: string }[] }>().unidades[0]?.codigo).toMatch(/^033010/);
  });
});
