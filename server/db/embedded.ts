import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database, Queryable, QueryOptions } from './database.ts';
import { deserializeError, type RequestBody, type WorkerReply, type WorkerRequest, type WorkerStart } from './embedded-protocol.ts';
import { acquireDirectoryLock } from './directory-lock.ts';
import { isHeavyWork } from '../limits/work-budget.ts';
import { EmbeddedReplica, type ReplicaSource } from './embedded-replica.ts';
import { isReadOnlySql } from './read-only-sql.ts';

export interface EmbeddedOptions {
  /** Milliseconds one statement may run before the worker is ended and reopened (nothing committed is lost); 0 = no limit. */
  statementTimeoutMs?: number;
  /** Milliseconds a transaction may sit idle between statements before it is rolled back. */
  idleInTransactionMs?: number;
  /** Told when the worker is ended and reopened, and why. */
  onRestart?: (reason: string) => void;
}

type Job =
  | {
      kind: 'query';
      text: string;
      params: readonly unknown[];
      prepared?: boolean;
      resolve(rows: unknown[]): void;
      reject(error: unknown): void;
    }
  | { kind: 'exec'; text: string; resolve(): void; reject(error: unknown): void }
  | { kind: 'begin'; resolve(tx: number): void; reject(error: unknown): void };

interface InFlight {
  resolve(rows: unknown): void;
  reject(error: unknown): void;
  timer: NodeJS.Timeout;
}

/** The error a statement that ran past its limit gets: PostgreSQL's own code, so it is classified like a server's. */
function statementTimeout(ms: number): Error {
  return Object.assign(new Error(`canceling statement due to statement timeout (${ms} ms)`), { code: '57014' });
}

/** The error of work lost because the worker ended: a connection failure, as a server's crash would be. */
function connectionLost(reason: string): Error {
  return Object.assign(new Error(`Connection terminated: ${reason}`), { code: '08006' });
}

const workerUrl = new URL('./embedded-worker.ts', import.meta.url);
// tsx's ESM API; resolved from its package folder because require.resolve picks the CommonJS build.
const tsxApi = pathToFileURL(
  path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs'),
).href;

/**
 * Starts the worker thread. Node 20 does not pass the TypeScript loader on
 * to workers, so a two-line bootstrap loads the worker's module through tsx's
 * API (the runtime `npm start` already uses).
 */
function startWorker(dataDir: string | null): Worker {
  const start: WorkerStart = { dataDir };
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ tsImport }) => tsImport(${JSON.stringify(workerUrl.href)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(bootstrap, { eval: true, workerData: start });
}

/**
 * The embedded PostgreSQL + PostGIS (PGlite) run in a worker thread so that a
 * long query never stops the event loop: `/health`, cached tiles, static
 * files and other requests go on while it runs.
 *
 * PGlite is one single-user backend, so statements run one at a time. This
 * side keeps the queue: a statement is sent to the worker only when the
 * worker is idle (or, inside a transaction, when it belongs to the open
 * transaction), so the time a statement takes in the worker is known and
 * limited. Light statements go before queued heavy ones (analysis and
 * reports, marked by limits/work-budget.ts), so a tile waits at most for the
 * one heavy statement already running. A statement past `statementTimeoutMs` ends the worker
 * (`terminate`) and a new one reopens the same data directory: PGlite syncs
 * each commit to disk, so committed work survives and the open transaction
 * is lost, as a PostgreSQL crash would do.
 */
export class EmbeddedDatabase implements Database {
  readonly mode = 'embedded' as const;
  private worker!: Worker;
  private state: 'opening' | 'open' | 'restarting' | 'failed' | 'closed' = 'opening';
  /** Statements waiting for the worker: light ones (map reads, writes) go before heavy ones (analysis). */
  private readonly queue: Job[] = [];
  private readonly heavyQueue: Job[] = [];
  private readonly inFlight = new Map<number, InFlight>();
  private nextId = 1;
  private nextTx = 1;
  /** A non-transaction statement is in the worker. */
  private busy = false;
  /** The transaction that holds the database, with the worker generation it was opened in. */
  private activeTx: { id: number; generation: number; idle: NodeJS.Timeout | null } | null = null;
  private generation = 0;
  private opened!: Promise<void>;
  private statementTimeoutMs: number;
  private idleInTransactionMs: number;
  /** The queue is held (no statement sent) while the read replica copies the data folder. */
  private paused = false;
  private replica: EmbeddedReplica | null = null;
  /** Writing statements accepted so far: the read replica is fresh while it was copied at this count. */
  writes = 0;

  constructor(
    readonly dataDir: string | null,
    private readonly options: EmbeddedOptions = {},
  ) {
    this.statementTimeoutMs = options.statementTimeoutMs ?? 15_000;
    this.idleInTransactionMs = options.idleInTransactionMs ?? this.statementTimeoutMs * 2;
  }

  /** Sets the statement time limit (0 = none) and the idle-in-transaction limit (twice it). */
  setStatementTimeout(ms: number): void {
    this.statementTimeoutMs = ms;
    this.idleInTransactionMs = ms * 2;
  }

  /** Starts (or restarts) the worker and resolves when it has opened the database. */
  open(): Promise<void> {
    this.generation += 1;
    const generation = this.generation;
    const worker = startWorker(this.dataDir);
    this.worker = worker;
    this.opened = new Promise<void>((resolve, reject) => {
      const onReply = (reply: WorkerReply) => {
        if (reply.id !== 0) return this.settle(reply);
        if (reply.ok) {
          this.state = 'open';
          resolve();
          this.pump();
        } else {
          this.state = 'failed';
          reject(deserializeError(reply.error));
          this.failQueue(connectionLost('no se pudo abrir la base de datos embebida'));
        }
      };
      worker.on('message', onReply);
      worker.on('error', (error) => {
        if (generation !== this.generation) return;
        if (this.state === 'opening') {
          this.state = 'failed';
          reject(error);
          return;
        }
        void this.restart(`error en el hilo de la base de datos: ${error.message}`);
      });
      worker.on('exit', () => {
        if (generation !== this.generation || this.state === 'closed' || this.state === 'restarting') return;
        if (this.state === 'opening') {
          this.state = 'failed';
          reject(new Error('El hilo de la base de datos embebida terminó al abrir.'));
          return;
        }
        void this.restart('el hilo de la base de datos terminó');
      });
    });
    return this.opened;
  }

  /** True while the worker is open and taking statements (readiness); false while it reopens or failed. */
  get available(): boolean {
    return this.state === 'open';
  }

  /** True when no statement runs or waits. */
  get idle(): boolean {
    return !this.busy && !this.activeTx && this.queue.length === 0 && this.heavyQueue.length === 0;
  }

  /** Whether the read replica takes heavy reads now: null without one, false while it is being (re)copied. */
  get replicaFresh(): boolean | null {
    return this.replica ? this.replica.fresh() !== null : null;
  }

  /** Statements the read replica has answered (0 without one). */
  get replicaServed(): number {
    return this.replica?.served ?? 0;
  }

  /**
   * Starts the read replica for heavy reads (see EmbeddedReplica): a second
   * worker on a copy of the data folder. Resolves when the first copy is open;
   * until then heavy reads use this database.
   */
  async startReplica(onError: (error: Error) => void = () => {}): Promise<void> {
    if (!this.dataDir || this.replica) return;
    const writes = () => this.writes;
    const source: ReplicaSource = {
      dataDir: this.dataDir,
      get writes() {
        return writes();
      },
      quiesce: () => this.quiesce(),
      checkpoint: () => this.send<void>({ kind: 'exec', text: 'checkpoint' }),
    };
    const open = async (dir: string) => {
      const copy = new EmbeddedDatabase(dir, { statementTimeoutMs: this.statementTimeoutMs });
      await copy.open();
      return copy;
    };
    this.replica = new EmbeddedReplica(source, open, onError);
    await this.replica.start();
  }

  /** Holds the queue until no statement runs (at most 10 s); resolves with the function that releases it. */
  private async quiesce(): Promise<() => void> {
    this.paused = true;
    for (let waited = 0; this.busy || this.activeTx; waited += 5) {
      if (waited > 10_000 || this.state !== 'open') {
        this.paused = false;
        this.pump();
        throw new Error('la base de datos embebida no quedó libre para copiarla');
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    return () => {
      this.paused = false;
      this.pump();
    };
  }

  /** Counts a statement that may write, so the replica is no longer fresh and a new copy is scheduled. */
  private noteStatement(text: string): void {
    if (isReadOnlySql(text)) return;
    this.writes += 1;
    this.replica?.schedule();
  }

  /** Statements sent to the replica and not answered yet. */
  private replicaPending = 0;

  /** Statements running or waiting on the primary. */
  private get primaryPending(): number {
    return (this.busy || this.activeTx ? 1 : 0) + this.queue.length + this.heavyQueue.length;
  }

  query<Row = Record<string, unknown>>(text: string, params: readonly unknown[] = [], options?: QueryOptions): Promise<Row[]> {
    // While the read replica is as fresh as this database, heavy reads go to it, and reads marked
    // readOnly (tiles) go to whichever of the two has less waiting.
    const heavy = isHeavyWork();
    const replica = (heavy || options?.readOnly) && isReadOnlySql(text) ? this.replica?.fresh() : null;
    if (replica && (heavy || this.primaryPending > this.replicaPending)) {
      this.replica!.served += 1;
      this.replicaPending += 1;
      return replica.query<Row>(text, params, options).finally(() => {
        this.replicaPending -= 1;
      });
    }
    this.noteStatement(text);
    return new Promise<Row[]>((resolve, reject) => {
      this.enqueue({ kind: 'query', text, params, prepared: options?.prepared, resolve: resolve as (rows: unknown[]) => void, reject });
    });
  }

  exec(script: string): Promise<void> {
    this.noteStatement(script);
    return new Promise<void>((resolve, reject) => this.enqueue({ kind: 'exec', text: script, resolve, reject }));
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const txId = await new Promise<number>((resolve, reject) => this.enqueue({ kind: 'begin', resolve, reject }));
    const generation = this.generation;
    let closed = false;
    const inTx = <R>(request: RequestBody): Promise<R> => {
      if (closed) return Promise.reject(new Error('La transacción ya terminó.'));
      if (generation !== this.generation) {
        return Promise.reject(connectionLost('la transacción se perdió al reiniciar la base de datos embebida'));
      }
      if (this.activeTx?.id !== txId) {
        const idle = `transaction rolled back after ${this.idleInTransactionMs} ms idle in transaction`;
        return Promise.reject(Object.assign(new Error(idle), { code: '25P03' }));
      }
      this.clearIdle();
      if (request.kind === 'query' || request.kind === 'exec') this.noteStatement(request.text);
      return this.send<R>(request).finally(() => this.armIdle(txId));
    };
    const tx: Queryable = {
      query: <Row>(text: string, params: readonly unknown[] = []) => inTx<Row[]>({ kind: 'query', text, params, tx: txId }),
      exec: (text: string) => inTx<void>({ kind: 'exec', text, tx: txId }),
    };
    try {
      const result = await work(tx);
      await inTx({ kind: 'commit', tx: txId });
      return result;
    } catch (error) {
      if (generation === this.generation && this.activeTx?.id === txId) {
        await this.send({ kind: 'rollback', tx: txId }).catch(() => {});
      }
      throw error;
    } finally {
      closed = true;
      if (this.activeTx?.id === txId) {
        this.clearIdle();
        this.activeTx = null;
        this.pump();
      }
    }
  }

  /** Readiness never queues behind a long query: the worker is up, or it is reopening (or failed). */
  async reachable(): Promise<boolean> {
    return this.available;
  }

  async ping(): Promise<void> {
    await this.query('select 1');
  }

  async close(): Promise<void> {
    if (this.state === 'closed') return;
    await this.replica?.close();
    const wasOpen = this.state === 'open';
    this.state = 'closed';
    this.failQueue(connectionLost('la base de datos se está cerrando'));
    if (wasOpen) {
      const id = this.nextId++;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 10_000);
        this.inFlight.set(id, { resolve: () => resolve(), reject: () => resolve(), timer });
        this.worker.postMessage({ id, kind: 'close' } satisfies WorkerRequest);
      });
    }
    await this.worker.terminate();
  }

  private enqueue(job: Job): void {
    if (this.state === 'failed' || this.state === 'closed') {
      job.reject(connectionLost('la base de datos embebida no está disponible'));
      return;
    }
    (isHeavyWork() ? this.heavyQueue : this.queue).push(job);
    this.pump();
  }

  /** Sends the next queued job when nothing holds the worker. */
  private pump(): void {
    while (this.state === 'open' && !this.paused && !this.busy && !this.activeTx && this.queue.length + this.heavyQueue.length > 0) {
      const job = (this.queue.length > 0 ? this.queue : this.heavyQueue).shift()!;
      if (job.kind === 'begin') {
        const id = this.nextTx++;
        this.activeTx = { id, generation: this.generation, idle: null };
        this.send({ kind: 'begin', tx: id }).then(
          () => {
            this.armIdle(id);
            job.resolve(id);
          },
          (error: unknown) => {
            if (this.activeTx?.id === id) this.activeTx = null;
            job.reject(error);
            this.pump();
          },
        );
        return;
      }
      this.busy = true;
      const sent =
        job.kind === 'query'
          ? this.send<unknown[]>({ kind: 'query', text: job.text, params: job.params, prepared: job.prepared }).then(job.resolve)
          : this.send<void>({ kind: 'exec', text: job.text }).then(() => job.resolve());
      const generation = this.generation;
      sent.catch(job.reject).finally(() => {
        if (generation !== this.generation) return;
        this.busy = false;
        this.pump();
      });
    }
  }

  /** Posts one request to the worker with the statement time limit running. */
  private send<R = unknown>(request: RequestBody): Promise<R> {
    const id = this.nextId++;
    const limit = this.statementTimeoutMs;
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(
        () => {
          this.inFlight.delete(id);
          reject(statementTimeout(limit));
          void this.restart(`una sentencia superó ${limit} ms`);
        },
        // No limit is a timer that never fires in practice (about 24 days).
        limit > 0 ? limit : 2 ** 31 - 1,
      );
      this.inFlight.set(id, { resolve: resolve as (rows: unknown) => void, reject, timer });
      this.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  private settle(reply: WorkerReply): void {
    const pending = this.inFlight.get(reply.id);
    if (!pending) return;
    this.inFlight.delete(reply.id);
    clearTimeout(pending.timer);
    if (reply.ok) pending.resolve(reply.rows);
    else pending.reject(deserializeError(reply.error));
  }

  private armIdle(txId: number): void {
    const active = this.activeTx;
    if (!active || active.id !== txId || this.state !== 'open' || this.idleInTransactionMs <= 0) return;
    this.clearIdle();
    active.idle = setTimeout(() => {
      if (this.activeTx?.id !== txId) return;
      // The transaction's owner went quiet: roll it back so the queue moves; its next statement fails.
      this.activeTx = null;
      this.send({ kind: 'rollback', tx: txId })
        .catch(() => {})
        .finally(() => this.pump());
    }, this.idleInTransactionMs);
  }

  private clearIdle(): void {
    if (this.activeTx?.idle) {
      clearTimeout(this.activeTx.idle);
      this.activeTx.idle = null;
    }
  }

  private failQueue(error: Error): void {
    for (const job of [...this.queue.splice(0), ...this.heavyQueue.splice(0)]) job.reject(error);
  }

  /**
   * Ends the worker and opens a new one over the same data directory. Work in
   * the old worker fails as a lost connection; queued statements wait and
   * then run in the new worker.
   */
  private async restart(reason: string): Promise<void> {
    if (this.state === 'restarting' || this.state === 'closed') return;
    this.state = 'restarting';
    this.options.onRestart?.(reason);
    const old = this.worker;
    const lost = connectionLost(reason);
    for (const [id, pending] of this.inFlight) {
      clearTimeout(pending.timer);
      this.inFlight.delete(id);
      pending.reject(lost);
    }
    this.clearIdle();
    this.activeTx = null;
    this.busy = false;
    await old.terminate().catch(() => {});
    if ((this.state as string) === 'closed') return;
    await this.open().catch(() => {});
  }
}

/**
 * Opens (creating on first use) the embedded PostgreSQL + PostGIS in `dataDir`,
 * in its own worker thread. Pass `memory://` for a throw-away database (it
 * does not survive a time-limit restart). Only one process may hold a data
 * directory: a second one is refused with a clear error.
 */
export async function openEmbeddedDatabase(dataDir: string, options: EmbeddedOptions = {}): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? async () => {} : await acquireDirectoryLock(dataDir);
  if (!inMemory) await mkdir(dataDir, { recursive: true });
  const database = new EmbeddedDatabase(inMemory ? null : dataDir, options);
  try {
    await database.open();
  } catch (error) {
    await database.close().catch(() => {});
    await release();
    throw error;
  }
  const close = database.close.bind(database);
  database.close = async () => {
    await close();
    await release();
  };
  return database;
}
