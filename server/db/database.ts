/** How a statement is run. */
export interface QueryOptions {
  /**
   * Hot statements with a fixed text (tiles, pages of items): named, so that
   * each server connection parses it once and, after PostgreSQL's five
   * custom plans, reuses one generic plan. Ignored where the database has no
   * named statements (the embedded one).
   */
  prepared?: boolean;
  /**
   * A read that an up-to-date read-only copy may answer (map tiles). The
   * embedded database sends it to whichever of itself and its read replica
   * has less work waiting, so tiles use both cores.
   */
  readOnly?: boolean;
}

/** Something that runs SQL: the database itself or an open transaction. */
export interface Queryable {
  /** Runs one statement with `$n` parameters and returns its rows. */
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export type DatabaseMode = 'embedded' | 'server';

/**
 * The one interface every part of the SIT uses for SQL. Both modes run the
 * same SQL text; only how a connection is obtained differs.
 */
export interface Database extends Queryable {
  readonly mode: DatabaseMode;
  /** Runs `work` in a transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query (queued behind other work like any query). */
  ping(): Promise<void>;
  /**
   * Readiness: true when the database can be reached, false when it cannot.
   * Never waits behind busy work (a full pool, a long embedded query): busy is
   * not down. Never throws.
   */
  reachable(): Promise<boolean>;
  /** Closes connections (server) or flushes and closes the data directory (embedded). */
  close(): Promise<void>;
}

/** Type parsers shared by both modes so that rows look the same whatever the database. */
export const typeParsers: Record<number, (value: string) => unknown> = {
  // int8 (counts, budgets in CLP): numbers; every value we store is below 2^53.
  20: (value) => Number(value),
  // date: keep the calendar day as 'YYYY-MM-DD', never a Date at local midnight.
  1082: (value) => value,
};
