import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

describe('errors', () => {
  it('answers an unknown path with 404 JSON, a code and a Spanish description', async () => {
    const response = await testApp.app.inject('/no-existe');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.json()).toEqual({ code: 'not_found', description: 'No existe el recurso GET /no-existe.' });
  });

  it('answers a URL that cannot be decoded with a Spanish 400 and the security headers', async () => {
    const response = await testApp.app.inject('/collections/%zz/items');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'bad_url' });
    expect(response.json().description).toMatch(/URL solicitada no es válida/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('turns a lost database connection inside a request into 503 with Retry-After, not a crash', async () => {
    const db = testApp.app.db;
    const original = db.query;
    db.query = async () => {
      throw Object.assign(new Error('Connection terminated unexpectedly'), {});
    };
    try {
      const response = await testApp.app.inject('/collections/comuna/items');
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.json().code).toBe('database_unavailable');
    } finally {
      db.query = original;
    }
  });

  it('never leaks SQL or a stack trace on an internal error', async () => {
    const db = testApp.app.db;
    const original = db.query;
    db.query = async () => {
      throw new Error('relation "secret_table" does not exist at postgres://user:pw@host/db');
    };
    try {
      const response = await testApp.app.inject('/collections/comuna/items');
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toMatch(/secret_table|postgres:\/\/|at /);
      expect(response.json().code).toBe('internal_error');
    } finally {
      db.query = original;
    }
  });

  it('rejects malformed JSON bodies with 400 and a code', async () => {
    const response = await testApp.app.inject({
      method: 'POST',
      url: '/collections/comuna/items',
      headers: { 'content-type': 'application/json' },
      payload: '{"type": ',
    });
    expect([400, 404, 405]).toContain(response.statusCode);
    expect(response.json().code).toBeTypeOf('string');
  });
});
