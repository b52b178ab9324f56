import type { Database, QueryOptions } from '../../db/database.ts';

/**
 * Runs one analysis query with PostgreSQL's JIT compilation off for its
 * transaction. The indicator queries are costed high (a lateral subquery per
 * unit), so a server with default settings compiles them: measured on
 * PostgreSQL 15 with the seed, 1.1 s with JIT against 0.17 s without. The
 * embedded PGlite has no JIT and accepts the setting.
 */
export function queryWithoutJit<Row>(db: Database, text: string, params: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
  // No JIT to turn off in the embedded build; a plain read may also go to its read replica.
  if (db.mode === 'embedded') return db.query<Row>(text, params, options);
  return db.transaction(async (tx) => {
    await tx.query('set local jit = off');
    return tx.query<Row>(text, params, options);
  });
}
