import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import type { FastifyInstance } from 'fastify';
import { EmbeddedDatabase } from '../../server/db/embedded.ts';
import { openServerDatabase } from '../../server/db/server-pool.ts';
import type { Database } from '../../server/db/database.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { starPolygon } from '../fixtures/analysis/star-polygon.ts';

/**
 * Bounded work per request, on the database the run was given: geometry
 * limits, the layer list, the budget of heavy requests, readiness while an
 * analysis runs, and a statement past its time limit answered 503 with
 * nothing lost.
 */
let database: TestDatabase;
let app: FastifyInstance;

const heavyProximity = { geometry: starPolygon(3_000), distancia: 5_000, capas: ['patrimonio', 'unidades_vecinales', 'microbasurales'] };

beforeAll(async () => {
  database = await openTestDatabase();
  // One heavy request at a time and none waiting: the second is refused at once.
  const config = { ...database.config, heavyConcurrency: 1, heavyQueue: 0 };
  app = await buildApp({ config, database: database.db, logger: false });
  await app.ready();
});

afterAll(async () => {
  await app.close();
  await database.dispose();
});

describe('limits on the geometry of an analysis', () => {
  it('refuses more vertices than the limit with 422 naming the limit and the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/analysis/revision-prc', payload: { geometry: starPolygon(10_001) } });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body).toMatchObject({ code: 'geometry_too_complex', field: 'geometry' });
    expect(body.description).toContain('10.000 vértices');
  });

  it('accepts a polygon at the vertex limit', async () => {
    const response = await app.inject({ method: 'POST', url: '/analysis/revision-prc', payload: { geometry: starPolygon(9_999, 0.005) } });
    expect(response.statusCode).toBe(200);
  });

  it('refuses more parts than the limit', async () => {
    const squares = Array.from({ length: 501 }, (_, i) => {
      const x = -70.8 + (i % 30) * 0.002;
      const y = -28.6 + Math.floor(i / 30) * 0.002;
      return [
        [
          [x, y],
          [x + 0.001, y],
          [x + 0.001, y + 0.001],
          [x, y],
        ],
      ];
    });
    const response = await app.inject({
      method: 'POST',
      url: '/analysis/proximidad',
      payload: { geometry: { type: 'MultiPolygon', coordinates: squares }, distancia: 100, capas: ['patrimonio'] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'geometry_too_complex', field: 'geometry' });
    expect(response.json().description).toContain('500 partes');
  });

  it('refuses a body over 1 MiB with 413 saying the limit, before reading the geometry', async () => {
    const padding = 'x'.repeat(1_100_000);
    const response = await app.inject({
      method: 'POST',
      url: '/analysis/revision-prc',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ geometry: { type: 'Point', coordinates: [-70.76, -28.57] }, nota: padding }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().description).toContain('1 MiB');
  });

  it('refuses a layer named twice, naming the repeated entry, and more layers than the catalogue has', async () => {
    const point = { type: 'Point', coordinates: [-70.757, -28.576] };
    const repeated = await app.inject({
      method: 'POST',
      url: '/analysis/proximidad',
      payload: { geometry: point, distancia: 100, capas: ['patrimonio', 'puentes', 'patrimonio'] },
    });
    expect(repeated.statusCode).toBe(400);
    expect(repeated.json()).toMatchObject({ field: 'capas/2' });
    expect(repeated.json().description).toContain('repetida');
    const many = await app.inject({
      method: 'POST',
      url: '/analysis/proximidad',
      payload: { geometry: point, distancia: 100, capas: Array.from({ length: 40 }, () => 'patrimonio') },
    });
    expect(many.statusCode).toBe(400);
    expect(many.json().field).toBe('capas');
  });
});

describe('the budget of heavy requests', () => {
  it('refuses a second analysis at once with 503 and Retry-After while one runs, and still serves map reads and readiness', async () => {
    const order: string[] = [];
    const heavy = app.inject({ method: 'POST', url: '/analysis/proximidad', payload: heavyProximity }).then((response) => {
      order.push('heavy');
      return response;
    });
    // Let the heavy request take its turn before the others arrive.
    while (app.heavyBudget.usage.running === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const refused = await app.inject({ method: 'GET', url: '/analysis/indicadores' });
    order.push('refused');
    const [live, ready, items] = await Promise.all([
      app.inject('/health/live'),
      app.inject('/health/ready'),
      app.inject('/collections/patrimonio/items?limit=5'),
    ]);
    order.push('reads');
    const answer = await heavy;

    expect(answer.statusCode).toBe(200);
    expect(refused.statusCode).toBe(503);
    expect(refused.json()).toMatchObject({ code: 'analysis_busy' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(live.statusCode).toBe(200);
    expect(ready.statusCode).toBe(200);
    expect(items.statusCode).toBe(200);
    // Refusal, health and map reads were all answered while the analysis was still running.
    expect(order).toEqual(['refused', 'reads', 'heavy']);
    expect(app.heavyBudget.usage).toEqual({ running: 0, waiting: 0 });
  });
});

describe('a statement past its time limit', () => {
  it('answers 503 database_timeout with Retry-After, keeps what was committed, and serves the next request', async () => {
    // A write committed just before the statement that runs too long.
    await database.db.exec('create table committed_before_timeout (n int); insert into committed_before_timeout values (42)');
    const before = await database.db.query<{ n: number }>('select count(*)::int as n from patrimonio');
    let db: Database = database.db;
    let short: FastifyInstance = app;
    if (database.db instanceof EmbeddedDatabase) {
      database.db.setStatementTimeout(300);
    } else {
      // A second pool on the same database with a 300 ms statement_timeout.
      db = openServerDatabase({
        connectionString: database.location,
        max: 2,
        connectTimeoutMs: 5_000,
        statementTimeoutMs: 300,
        onIdleError: () => {},
      });
      short = await buildApp({ config: { ...database.config, statementTimeoutMs: 300 }, database: db, logger: false });
      await short.ready();
    }
    try {
      const response = await short.inject({ method: 'POST', url: '/analysis/proximidad', payload: heavyProximity });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'database_timeout' });
      expect(response.json().description).toMatch(/tiempo máximo/);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      if (database.db instanceof EmbeddedDatabase) database.db.setStatementTimeout(30_000);
      else await short.close().then(() => db.close());
    }
    // The embedded worker was ended and reopened on the same folder: the data are all there.
    const after = await database.db.query<{ n: number }>('select count(*)::int as n from patrimonio');
    expect(after).toEqual(before);
    expect(await database.db.query('select n from committed_before_timeout')).toEqual([{ n: 42 }]);
    expect((await app.inject('/health/ready')).statusCode).toBe(200);
    expect((await app.inject('/collections/patrimonio/items?limit=1')).statusCode).toBe(200);
  });
});

describe('faults are not bad input', () => {
  it('answers 503, not 400, when the database is gone during a geometry check', async () => {
    // A second app on a copy of the database that is then closed: every statement fails as a lost connection.
    const copy = await openTestDatabase();
    const closedApp = await buildApp({ config: copy.config, database: copy.db, logger: false });
    await closedApp.ready();
    await copy.db.close();
    try {
      const response = await closedApp.inject({
        method: 'POST',
        url: '/analysis/revision-prc',
        payload: { geometry: { type: 'Point', coordinates: [-70.757, -28.576] } },
      });
      expect(response.statusCode).toBe(503);
      expect(response.json().code).toBe('database_unavailable');
      expect((await closedApp.inject('/health/ready')).statusCode).toBe(503);
      expect((await closedApp.inject('/health/live')).statusCode).toBe(200);
    } finally {
      await closedApp.close();
      await copy.dispose();
    }
  });
});
