import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Queryable, QueryOptions } from './database.ts';
import { typeParsers } from './database.ts';
import { databaseFault } from './faults.ts';

export interface ServerPoolOptions {
  connectionString: string;
  max: number;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  /** Called for errors of idle connections (database restart); without it pg crashes the process. */
  onIdleError: (error: Error) => void;
}

const types = {
  getTypeParser(oid: number, format?: string) {
    const custom = typeParsers[oid];
    if (custom && format !== 'binary') return custom;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** Distinct texts prepared by name at most; past it (an unexpected variety of texts) statements run unnamed. */
const maxPreparedTexts = 2_000;
const statementNames = new Map<string, string>();

/** The name of a prepared text: derived from the text, so one name never means two statements on a connection. */
export function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < maxPreparedTexts) {
    name = `sit_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  return name;
}

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(text: string, params: readonly unknown[] = [], options?: QueryOptions) {
      const name = options?.prepared ? statementName(text) : undefined;
      const result = await client.query(name ? { name, text, values: params as unknown[] } : { text, values: params as unknown[] });
      return result.rows as Row[];
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}

/** A PostgreSQL/PostGIS server through a pg pool with timeouts on connect and on statements. */
export function openServerDatabase(options: ServerPoolOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max,
    connectionTimeoutMillis: options.connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    statement_timeout: options.statementTimeoutMs,
    idle_in_transaction_session_timeout: options.statementTimeoutMs * 2,
    application_name: 'sit-vallenar',
    // No JIT compilation on the SIT's connections: the planner's costs for tiles over large tables
    // (the unused branch of a gridded point layer, a 1M-point candidate scan) pass jit_above_cost,
    // and compiling took 450 ms for a 35 ms tile; the analyses measured the same (1.1 s against 0.17 s).
    options: '-c jit=off',
    types,
  });
  pool.on('error', options.onIdleError);
  const probe = readinessProbe(options);
  let closing: Promise<void> | null = null;
  const base = wrap(pool);
  return {
    mode: 'server',
    query: base.query,
    exec: base.exec,
    async transaction(work) {
      const client = await pool.connect();
      // pg-pool drops its own error listener while a client is checked out: without ours, a backend that dies
      // mid-transaction (pg_terminate_backend, a crash) emits an unhandled 'error' and ends the process.
      let lost: Error | null = null;
      const onError = (error: Error) => {
        lost = error;
        options.onIdleError(error);
      };
      client.on('error', onError);
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        if (databaseFault(error) === 'unavailable') lost ??= error as Error;
        if (!lost) await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        // A client whose connection failed is destroyed, not returned to the pool; it keeps a listener for late errors.
        client.release(lost ?? undefined);
        client.removeListener('error', onError);
        if (lost) client.on('error', () => {});
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    reachable: () => probe.reachable(),
    close() {
      // Idempotent: a second close waits for the first.
      closing ??= probe.close().then(() => pool.end());
      return closing;
    },
  };
}

/**
 * Readiness on its own connection, outside the pool: a pool whose every
 * connection is busy with long analyses is busy, not down, and a load
 * balancer must not take the node out for it. The connection is opened on
 * first use and again after any failure.
 */
function readinessProbe(options: ServerPoolOptions) {
  let client: pg.Client | null = null;
  let closed = false;
  const drop = () => {
    const old = client;
    client = null;
    old?.end().catch(() => {});
  };
  return {
    async reachable(): Promise<boolean> {
      if (closed) return false;
      try {
        if (!client) {
          const fresh = new pg.Client({
            connectionString: options.connectionString,
            connectionTimeoutMillis: Math.min(options.connectTimeoutMs, 2_000),
            query_timeout: 2_000,
            application_name: 'sit-vallenar-readiness',
          });
          fresh.on('error', () => drop());
          client = fresh;
          await fresh.connect();
        }
        await client.query('select 1');
        return true;
      } catch {
        drop();
        return false;
      }
    },
    async close() {
      closed = true;
      const old = client;
      client = null;
      await old?.end().catch(() => {});
    },
  };
}
