import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, createToken } from '../../server/auth/accounts.ts';
import { openServerDatabase } from '../../server/db/server-pool.ts';
import { sleep, startSitProcess, waitForStatus, type SitProcess } from '../support/sit-process.ts';

/**
 * Faults of a real PostgreSQL under a running SIT process: a backend
 * terminated in the middle of a write, and the server killed (`pg_ctl stop
 * -m immediate`) under write load, again and again. The process must survive
 * each, every write it acknowledged must be in the database, and requests
 * during the outage must get a 503, not hang.
 */
const cycles = Number(process.env.SIT_FAULT_CYCLES ?? 5);
let sit: SitProcess;
let headers: Record<string, string>;
let written = 0;

const feature = (nombre: string) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-70.7612 + Math.random() * 0.002, -28.5752 + Math.random() * 0.002] },
  properties: {
    nombre,
    categoria: 'Inmueble de Conservación Histórica',
    instrumento_proteccion: 'PRC',
    fuente: 'Prueba de fallas de la base de datos',
    precision: 'demo',
  },
});

interface WriteResult {
  nombre: string;
  status: number;
  ms: number;
  startedAt: number;
}

/** POSTs one heritage feature; status 0 means no answer within 15 s. */
async function write(): Promise<WriteResult> {
  written += 1;
  const nombre = `Falla ${process.pid}-${written}`;
  const startedAt = Date.now();
  let status: number;
  try {
    const response = await fetch(`${sit.baseUrl}/collections/patrimonio/items`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/geo+json' },
      body: JSON.stringify(feature(nombre)),
      signal: AbortSignal.timeout(15_000),
    });
    status = response.status;
    await response.arrayBuffer();
  } catch {
    status = 0;
  }
  return { nombre, status, ms: Date.now() - startedAt, startedAt };
}

async function storedNames(names: string[]): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: sit.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ nombre: string }>('select nombre from patrimonio where nombre = any($1)', [names]);
    return new Set(rows.map((row) => row.nombre));
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  sit = await startSitProcess('sit_faults', { LOG_LEVEL: 'error' });
  const db = openServerDatabase({
    connectionString: sit.databaseUrl,
    max: 1,
    connectTimeoutMs: 5_000,
    statementTimeoutMs: 30_000,
    onIdleError: () => {},
  });
  try {
    const account = await createAccount(db, {
      usuario: 'planificador.fallas',
      nombre: 'Planificadora de pruebas',
      rol: 'planificador',
      clave: 'clave-de-prueba-segura',
    });
    headers = { authorization: `Bearer ${(await createToken(db, account.id, 'fallas')).token}` };
  } finally {
    await db.close();
  }
});

afterAll(async () => {
  await sit?.stop();
});

describe('a PostgreSQL backend terminated in the middle of a write', () => {
  it('answers that write with 503, keeps the process running, and the next write succeeds', async () => {
    // Hold the row the write's statement trigger must update, so the SIT's backend waits on the lock.
    const holder = new pg.Client({ connectionString: sit.databaseUrl });
    await holder.connect();
    await holder.query('begin');
    await holder.query(`select * from layer_version where layer_id = 'patrimonio' for update`);
    const pending = write();
    let waiting: number | undefined;
    for (let tries = 0; tries < 100 && waiting === undefined; tries += 1) {
      await sleep(100);
      const { rows } = await holder.query<{ pid: number }>(
        `select pid from pg_stat_activity where application_name = 'sit-vallenar' and datname = current_database() and wait_event_type = 'Lock'`,
      );
      waiting = rows[0]?.pid;
    }
    expect(waiting, 'the SIT backend waiting on the lock').toBeDefined();
    await holder.query('select pg_terminate_backend($1)', [waiting]);
    const answer = await pending;
    await holder.query('rollback');
    await holder.end();

    expect(answer.status).toBe(503);
    await sleep(300);
    expect(sit.exitCode()).toBeNull();
    expect((await storedNames([answer.nombre])).size).toBe(0);
    const next = await write();
    expect(next.status).toBe(201);
    expect((await storedNames([next.nombre])).has(next.nombre)).toBe(true);
  });
});

describe(`PostgreSQL killed with -m immediate under write load, ${cycles} times in a row`, () => {
  it('survives every kill, loses no acknowledged write, and answers requests during the outage with 503', async () => {
    const all: WriteResult[] = [];
    const outageAnswers: WriteResult[] = [];
    for (let cycle = 1; cycle <= cycles; cycle += 1) {
      let running = true;
      let killedAt = Number.POSITIVE_INFINITY;
      let restartedAt = Number.POSITIVE_INFINITY;
      const writers = Array.from({ length: 4 }, async () => {
        while (running) {
          const result = await write();
          all.push(result);
          if (result.startedAt > killedAt + 200 && result.startedAt + result.ms < restartedAt) outageAnswers.push(result);
          if (result.status !== 201) await sleep(50);
        }
      });
      await sleep(1_500);
      killedAt = Date.now();
      sit.pgControl('kill');
      await sleep(2_500);
      restartedAt = Date.now();
      sit.pgControl('start');
      await waitForStatus(`${sit.baseUrl}/health/ready`, 200, 30_000);
      await sleep(1_000);
      running = false;
      await Promise.all(writers);
      expect(sit.exitCode(), `the SIT process after kill ${cycle}`).toBeNull();
    }

    const acknowledged = all.filter((result) => result.status === 201).map((result) => result.nombre);
    const stored = await storedNames(acknowledged);
    const lost = acknowledged.filter((nombre) => !stored.has(nombre));
    const statuses = [...new Set(all.map((result) => result.status))].sort();
    const slowest = Math.max(...outageAnswers.map((result) => result.ms));
    console.log(
      `${cycles} caídas: ${all.length} escrituras, ${acknowledged.length} confirmadas (201), ${lost.length} perdidas; ` +
        `estados ${statuses.join(', ')}; ${outageAnswers.length} respondidas durante la caída, la más lenta en ${slowest} ms`,
    );
    expect(acknowledged.length).toBeGreaterThan(cycles * 4);
    expect(lost).toEqual([]);
    expect(outageAnswers.length).toBeGreaterThan(0);
    // During the outage every write is refused as unavailable: no 500, no hang, no 4xx blaming the person.
    expect(new Set(outageAnswers.map((result) => result.status))).toEqual(new Set([503]));
    expect(statuses.every((status) => status === 201 || status === 503)).toBe(true);
    expect(sit.exitCode()).toBeNull();
  });
});
