import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabase } from '../../server/db/embedded.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

/**
 * The embedded database's read replica: heavy reads (analysis, reports) run
 * on a copy in a second thread while it is as fresh as the primary, give the
 * same answers, and never hide a write that was just made. On a PostgreSQL
 * server there is no such replica, and /health says nothing of one.
 */
let t: TestApp;

const proximity = {
  geometry: { type: 'Point', coordinates: [-70.7616, -28.575] },
  distancia: 2_000,
  capas: ['patrimonio', 'puentes', 'microbasurales'],
};

async function waitForFreshReplica(): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    if ((await t.app.inject('/health')).json().database.replica === true) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('la réplica de lectura no quedó al día en 60 s');
}

beforeAll(async () => {
  t = await openTestApp();
});

afterAll(async () => {
  await t.close();
});

describe('heavy reads and the read replica', () => {
  it('answers analyses from the replica with the same figures as the primary, and a write made just before is never missed', async () => {
    const db = t.app.db;
    if (!(db instanceof EmbeddedDatabase)) {
      // A server has no embedded replica: heavy reads share its pool, and readiness reports none.
      expect((await t.app.inject('/health')).json().database).not.toHaveProperty('replica');
      return;
    }
    const fromPrimary = await t.app.inject({ method: 'POST', url: '/analysis/proximidad', payload: proximity });
    const indicatorsFromPrimary = await t.app.inject('/analysis/indicadores');
    expect(fromPrimary.statusCode).toBe(200);

    await db.startReplica();
    await waitForFreshReplica();
    const served = db.replicaServed;
    const fromReplica = await t.app.inject({ method: 'POST', url: '/analysis/proximidad', payload: proximity });
    const indicatorsFromReplica = await t.app.inject('/analysis/indicadores');
    expect(db.replicaServed).toBeGreaterThan(served);
    expect(fromReplica.json()).toEqual(fromPrimary.json());
    expect(indicatorsFromReplica.json()).toEqual(indicatorsFromPrimary.json());

    // A write, then at once the same analysis: it must show the write (the stale replica is not used).
    const [heritage] = await db.query<{ id: number; nombre: string }>(
      `select id, nombre from patrimonio order by ST_Distance(geom, ST_SetSRID(ST_Point(-70.7616, -28.575), 4326)) limit 1`,
    );
    await db.query('update patrimonio set nombre = $2 where id = $1', [heritage!.id, `${heritage!.nombre} (renombrado)`]);
    expect((await t.app.inject('/health')).json().database.replica).toBe(false);
    const servedBefore = db.replicaServed;
    const afterWrite = await t.app.inject({ method: 'POST', url: '/analysis/proximidad', payload: proximity });
    expect(db.replicaServed).toBe(servedBefore);
    const named = (body: { capas: { capa: string; objetos: { id: number; propiedades: { nombre?: string } }[] }[] }) =>
      body.capas.find((layer) => layer.capa === 'patrimonio')!.objetos.find((feature) => feature.id === heritage!.id)!.propiedades.nombre;
    expect(named(afterWrite.json())).toBe(`${heritage!.nombre} (renombrado)`);

    // Once writes pause, a new copy is made and used, and it has the write too.
    await waitForFreshReplica();
    const fromNewCopy = await t.app.inject({ method: 'POST', url: '/analysis/proximidad', payload: proximity });
    expect(db.replicaServed).toBeGreaterThan(servedBefore);
    expect(named(fromNewCopy.json())).toBe(`${heritage!.nombre} (renombrado)`);
  });

  it('serves map reads from the primary while a heavy analysis runs on the replica', async () => {
    const db = t.app.db;
    if (!(db instanceof EmbeddedDatabase)) {
      expect(db.mode).toBe('server');
      return;
    }
    await waitForFreshReplica();
    const order: string[] = [];
    const heavy = t.app
      .inject({ method: 'GET', url: '/analysis/indicadores?unidad=zonas_censales' })
      .then((response) => (order.push('analysis'), response));
    while (t.app.heavyBudget.usage.running === 0) await new Promise((resolve) => setTimeout(resolve, 2));
    const reads = await Promise.all([t.app.inject('/collections/patrimonio/items?limit=5'), t.app.inject('/collections/puentes/items')]);
    order.push('reads');
    expect((await heavy).statusCode).toBe(200);
    expect(reads.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(order).toEqual(['reads', 'analysis']);
  });

  it('shares map tiles between the primary and the replica when tiles queue up, with the same bytes as the primary alone', async () => {
    const db = t.app.db;
    if (!(db instanceof EmbeddedDatabase)) {
      expect(db.mode).toBe('server');
      return;
    }
    // Eight neighbouring z15 tiles over the town centre, uncached (each URL is asked once per round).
    const tiles = Array.from({ length: 8 }, (_, column) => `/tiles/WebMercatorQuad/15/19100/${9940 + column}`);
    const bodies = async () =>
      (await Promise.all(tiles.map((url) => t.app.inject(url)))).map((response) => response.rawPayload.toString('base64'));
    // A write leaves the replica stale: these tiles come from the primary alone.
    await db.query(`update layer_version set changed_at = changed_at where layer_id = 'comuna'`);
    t.app.tiles.cache.clear();
    const served = db.replicaServed;
    const alone = await bodies();
    expect(db.replicaServed).toBe(served);
    expect(alone.filter((body) => body.length > 0).length).toBeGreaterThan(4);

    await waitForFreshReplica();
    t.app.tiles.cache.clear();
    const shared = await bodies();
    expect(db.replicaServed).toBeGreaterThan(served);
    expect(shared).toEqual(alone);
  });
});
