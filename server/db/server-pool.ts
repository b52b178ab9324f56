import pg from 'pg';
import type { Database, Queryable } from './database.ts';
import { typeParsers } from './database.ts';

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

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(text: string, params: readonly unknown[] = []) {
      const result = await client.query(text, params as unknown[]);
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
    types,
  });
  pool.on('error', options.onIdleError);
  const base = wrap(pool);
  return {
    mode: 'server',
    query: base.query,
    exec: base.exec,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
