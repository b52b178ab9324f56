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

async function handle(request: WorkerRequest): Promise<unknown> {
  switch (request.kind) {
    case 'query':
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
