import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sleep, startSitProcess, waitForStatus, type SitProcess } from '../support/sit-process.ts';

/**
 * Stops and restarts the real PostgreSQL under a running SIT. Needs
 * TEST_DATABASE_URL and SIT_PG_CONTROL (a command taking stop|start, e.g.
 * "bash .ci/postgres"); without them the test fails, it never skips.
 */
let sit: SitProcess;

beforeAll(async () => {
  sit = await startSitProcess('sit_resilience');
});

afterAll(async () => {
  await sit?.stop();
  await sleep(500);
});

describe('the SIT against a PostgreSQL server that stops and comes back', () => {
  it('turns readiness to 503 within 5 s of stopping PostgreSQL, keeps liveness at 200, and keeps running', async () => {
    sit.pgControl('stop');
    try {
      const took = await waitForStatus(`${sit.baseUrl}/health`, 503, 5_000);
      console.log(`/health pasó a 503 en ${took} ms`);
      expect((await fetch(`${sit.baseUrl}/health/ready`)).status).toBe(503);
      expect((await fetch(`${sit.baseUrl}/health/live`)).status).toBe(200);
      const items = await fetch(`${sit.baseUrl}/collections/comuna/items`);
      expect(items.status).toBe(503);
      expect(((await items.json()) as { code: string }).code).toBe('database_unavailable');
      // A fault is never blamed on the request: a valid geometry check answers 503, not 400.
      const review = await fetch(`${sit.baseUrl}/analysis/revision-prc`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ geometry: { type: 'Point', coordinates: [-70.757, -28.576] } }),
      });
      expect(review.status).toBe(503);
      expect(review.headers.get('retry-after')).not.toBeNull();
      expect(sit.exitCode()).toBeNull();
    } finally {
      sit.pgControl('start');
    }
  });

  it('returns to 200 by itself when PostgreSQL is back, without restarting the SIT', async () => {
    const took = await waitForStatus(`${sit.baseUrl}/health`, 200, 30_000);
    console.log(`/health volvió a 200 en ${took} ms`);
    expect((await fetch(`${sit.baseUrl}/collections/comuna/items?limit=1`)).status).toBe(200);
    expect(sit.exitCode()).toBeNull();
  });

  it('closes cleanly on SIGTERM', async () => {
    expect(await sit.stop()).toBe(0);
  });
});
