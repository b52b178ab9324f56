import { AsyncLocalStorage } from 'node:async_hooks';
import { ApiError } from '../errors.ts';

/**
 * A concurrency budget for one kind of heavy work (spatial analysis,
 * reports): at most `concurrency` run at once, at most `queueLength` wait,
 * each for at most `maxWaitMs`. Past that the request is refused at once with
 * 503 and Retry-After, instead of piling up on the database's connections
 * and timing out there seconds later; map reads and writes keep the rest of
 * the pool.
 */
export class WorkBudget {
  private running = 0;
  private readonly waiting: { resolve(): void; reject(error: Error): void; timer: NodeJS.Timeout }[] = [];

  constructor(
    readonly concurrency: number,
    readonly queueLength: number,
    readonly maxWaitMs: number,
  ) {}

  /** Runs `work` within the budget; throws a 503 ApiError when the budget is exhausted. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  /** True when new work would be refused now (every slot taken, the queue full). */
  get full(): boolean {
    return this.running >= this.concurrency && this.waiting.length >= this.queueLength;
  }

  /** The 503 a refused request gets. */
  refusal(): ApiError {
    return busy(this.maxWaitMs);
  }

  /** Work running and waiting now (for metrics and tests). */
  get usage(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  private acquire(): Promise<void> {
    if (this.running < this.concurrency) {
      this.running += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.queueLength) return Promise.reject(this.refusal());
    return new Promise<void>((resolve, reject) => {
      const entry = {
        resolve,
        reject,
        timer: setTimeout(() => {
          const index = this.waiting.indexOf(entry);
          if (index >= 0) this.waiting.splice(index, 1);
          reject(busy(this.maxWaitMs));
        }, this.maxWaitMs),
      };
      this.waiting.push(entry);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) {
      // The slot passes to the next in line: `running` stays the same.
      clearTimeout(next.timer);
      next.resolve();
    } else {
      this.running -= 1;
    }
  }
}

function busy(maxWaitMs: number): ApiError {
  return new ApiError(
    503,
    'analysis_busy',
    'Hay demasiados análisis e informes en curso; este no se inició. Reintente en unos segundos.',
    undefined,
    Math.max(1, Math.ceil(maxWaitMs / 1000)),
  );
}

/**
 * Marks the database work of the current request as heavy. The embedded
 * database runs light statements (map reads, writes) before queued heavy
 * ones, so a long analysis delays a tile by at most the statement that is
 * already running.
 */
export const heavyWork = new AsyncLocalStorage<true>();

/** True when the calling code runs inside heavy work. */
export const isHeavyWork = (): boolean => heavyWork.getStore() === true;
