/**
 * The embedded PostgreSQL + PostGIS (PGlite, WebAssembly) in its own thread,
 * so that a long query never stops the HTTP server's event loop. The main
 * thread (`embedded.ts`) decides what runs and when; this side only executes
 * one request at a time and answers with rows or with the error's fields.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { typeParsers } from './database.ts';
import type { WorkerReply, WorkerRequest, WorkerStart } from './embedded-protocol.ts';
import { serializeError } from './embedded-protocol.ts';

const port = parentPort;
if (!port) throw new Error('embedded-worker.ts must run in a worker thread');

const { dataDir } = workerData as WorkerStart;

interface OpenTransaction {
  tx: Transaction;
  /** Settles the transaction: true commits, false rolls back. */
  finish(commit: boolean): void;
  /** Resolves when COMMIT or ROLLBACK has run (rejects if COMMIT failed). */
  done: Promise<void>;
}

const transactions = new Map<number, OpenTransaction>();
let pglite: PGlite;

function reply(message: WorkerReply) {
  port!.postMessage(message);
}

/** Opens a transaction and resolves once BEGIN has run; the transaction stays open until `finish`. */
async function begin(txId: number): Promise<void> {
  let opened!: () => void;
  const begun = new Promise<void>((resolve) => (opened = resolve));
  let finish!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => (finish = resolve));
  const done = pglite.transaction(async (tx) => {
    transactions.set(txId, { tx, finish, done: Promise.resolve() });
    opened();
    if (!(await decided)) await tx.rollback();
  });
  await Promise.race([begun, done]);
  const entry = transactions.get(txId);
  if (entry) entry.done = done;
}

function target(txId: number | undefined): PGlite | Transaction {
  if (txId === undefined) return pglite;
  const entry = transactions.get(txId);
  if (!entry) throw Object.assign(new Error('La transacción ya terminó'), { code: '25P01' });
  return entry.tx;
}

async function settle(txId: number, commit: boolean): Promise<void> {
  const entry = transactions.get(txId);
  if (!entry) return;
  transactions.delete(txId);
  entry.finish(commit);
  await entry.done;
}

/** Names of the statements this session has prepared (a restarted worker starts with none). */
const preparedNames = new Map<string, string>();
let preparedCount = 0;
/** Distinct texts prepared at most; past it, statements run unprepared. */
const maxPrepared = 500;

/** A parameter as an SQL literal, or undefined when it is not a plain number, string, boolean or null. */
function literal(value: unknown): string | undefined {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // standard_conforming_strings is on: only the quote needs doubling.
  if (typeof value === 'string' && !value.includes('\0')) return `'${value.replaceAll("'", "''")}'`;
  return undefined;
}

/**
 * PGlite's query() parses and plans every statement again (for the z16 map
 * tile 16 ms of planning against 12 ms of execution). A hot statement outside
 * a transaction is PREPAREd once per session and run with EXECUTE, its
 * parameters written as literals (numbers, strings, booleans, null; anything
 * else runs unprepared), so PostgreSQL can settle on a generic plan as it
 * does for a named statement on a server.
 */
async function queryPrepared(text: string, params: readonly unknown[]): Promise<unknown[]> {
  const literals = params.map(literal);
  let name = preparedNames.get(text);
  if (literals.some((value) => value === undefined) || (name === undefined && preparedCount >= maxPrepared)) {
    return (await pglite.query(text, params as unknown[])).rows;
  }
  if (name === undefined) {
    name = `sit_prepared_${++preparedCount}`;
    await pglite.exec(`prepare ${name} as ${text}`);
    preparedNames.set(text, name);
  }
  const call = literals.length > 0 ? `execute ${name}(${literals.join(', ')})` : `execute ${name}`;
  return (await pglite.query(call)).rows;
}

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case 'query':
      if (request.prepared && request.tx === undefined) return queryPrepared(request.text, request.params);
      return (await target(request.tx).query(request.text, request.params as unknown[])).rows;
    case 'exec':
      await target(request.tx).exec(request.text);
      return null;
    case 'begin':
      await begin(request.tx);
      return null;
    case 'commit':
      await settle(request.tx, true);
      return null;
    case 'rollback':
      await settle(request.tx, false);
      return null;
    case 'close':
      for (const txId of [...transactions.keys()]) await settle(txId, false).catch(() => {});
      if (!pglite.closed) await pglite.close();
      return null;
  }
}

port.on('message', (request: WorkerRequest) => {
  handle(request).then(
    (rows) => reply({ id: request.id, ok: true, rows }),
    (error: unknown) => reply({ id: request.id, ok: false, error: serializeError(error) }),
  );
});

try {
  const parsers = Object.fromEntries(Object.entries(typeParsers).map(([oid, parse]) => [Number(oid), parse]));
  pglite = await PGlite.create(dataDir ?? undefined, { extensions: { postgis }, parsers });
  reply({ id: 0, ok: true, rows: null });
} catch (error) {
  reply({ id: 0, ok: false, error: serializeError(error) });
}
