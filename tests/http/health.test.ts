import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { serverUrl } from '../support/test-database.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

describe('/health', () => {
  it('answers 200 with the database mode and the PostGIS version', async () => {
    const response = await testApp.app.inject('/health');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.status).toBe('ok');
    expect(body.database.mode).toBe(serverUrl ? 'server' : 'embedded');
    expect(body.database.postgis).toMatch(/^3\.\d+/);
    expect(body.database.reachable).toBe(true);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('reports ST_AsMVT only where it exists: on a server, not in the embedded build', async () => {
    const body = (await testApp.app.inject('/health')).json();
    expect(body.database.mvt).toBe(Boolean(serverUrl));
  });

  it('answers 503 with a JSON body, without stopping, when the database does not answer', async () => {
    const db = testApp.app.db;
    const original = db.reachable;
    db.reachable = async () => false;
    try {
      const response = await testApp.app.inject('/health');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'unavailable', database: { reachable: false } });
    } finally {
      db.reachable = original;
    }
    expect((await testApp.app.inject('/health')).statusCode).toBe(200);
  });
});
