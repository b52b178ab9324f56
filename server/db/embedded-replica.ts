import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { QueryOptions } from './database.ts';

/** What the replica needs of the primary embedded database. */
export interface ReplicaSource {
  readonly dataDir: string;
  /** How many writing statements the primary has accepted so far. */
  readonly writes: number;
  /** Holds the primary's queue until no statement runs; resolves with the function that releases it. */
  quiesce(): Promise<() => void>;
  /** Runs CHECKPOINT on the (quiesced) primary, so the copy opens without replaying much WAL. */
  checkpoint(): Promise<void>;
}

/** A replica as the primary uses it. */
export interface ReplicaDatabase {
  readonly available: boolean;
  /** True while a statement runs or waits in it. */
  readonly idle: boolean;
  query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A read-only copy of the embedded database in a second worker thread, for
 * heavy reads (analysis, reports), so they run on the second core instead of
 * queueing in front of map reads and writes on the primary.
 *
 * The copy is the primary's data folder copied while the primary is held
 * idle after a CHECKPOINT (about 0.1 s for the 66 MB of Vallenar's data): a
 * consistent snapshot that PostgreSQL opens as after a clean stop. It is used
 * only while it is fresh, i.e. while the primary has accepted no writing
 * statement since the copy; otherwise heavy reads go to the primary (so a
 * report right after an edit always includes it). A write schedules a new
 * copy once writes pause for a second.
 */
export class EmbeddedReplica {
  private current: { db: ReplicaDatabase; writes: number; dir: string } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private refreshing = false;
  private closed = false;
  private copies = 0;
  /** Statements answered by the replica (for tests and metrics). */
  served = 0;

  constructor(
    private readonly source: ReplicaSource,
    private readonly open: (dir: string) => Promise<ReplicaDatabase>,
    private readonly onError: (error: Error) => void,
  ) {}

  private get root(): string {
    return `${path.resolve(this.source.dataDir)}-lectura`;
  }

  /** Removes copies left by an earlier process and makes the first one. */
  async start(): Promise<void> {
    await rm(this.root, { recursive: true, force: true });
    await this.refresh();
  }

  /** The replica when it is open and as fresh as the primary; otherwise null (use the primary). */
  fresh(): ReplicaDatabase | null {
    const current = this.current;
    return current && current.db.available && current.writes === this.source.writes ? current.db : null;
  }

  /** Called on every writing statement: a new copy is made once writes pause for a second. */
  schedule(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, 1_000);
    this.timer.unref();
  }

  async refresh(): Promise<void> {
    if (this.refreshing || this.closed) return;
    this.refreshing = true;
    try {
      let writes: number;
      let dir: string;
      const resume = await this.source.quiesce();
      try {
        await this.source.checkpoint();
        writes = this.source.writes;
        this.copies += 1;
        dir = path.join(this.root, String(this.copies));
        await rm(dir, { recursive: true, force: true });
        await cp(this.source.dataDir, dir, { recursive: true });
      } finally {
        resume();
      }
      const db = await this.open(dir);
      if (this.closed) {
        await db.close();
        await rm(dir, { recursive: true, force: true });
        return;
      }
      const old = this.current;
      this.current = { db, writes, dir };
      if (old) void this.retire(old);
    } catch (error) {
      this.onError(error as Error);
    } finally {
      this.refreshing = false;
    }
    if (!this.closed && this.current?.writes !== this.source.writes) this.schedule();
  }

  /** Closes a replacement-bound copy once the work already sent to it has finished. */
  private async retire(old: { db: ReplicaDatabase; dir: string }): Promise<void> {
    for (let waited = 0; !old.db.idle && waited < 60_000; waited += 50) await sleep(50);
    await old.db.close().catch(() => {});
    await rm(old.dir, { recursive: true, force: true }).catch(() => {});
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (let waited = 0; this.refreshing && waited < 30_000; waited += 50) await sleep(50);
    const current = this.current;
    this.current = null;
    if (current) await current.db.close().catch(() => {});
    await rm(this.root, { recursive: true, force: true }).catch(() => {});
  }
}
