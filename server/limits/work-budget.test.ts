import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { WorkBudget, heavyWork, isHeavyWork } from './work-budget.ts';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

const statusOf = async (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof ApiError ? `${error.statusCode} ${error.code} ${error.retryAfter}` : 'other'),
  );

describe('WorkBudget', () => {
  it('runs up to its concurrency, queues the next ones and refuses the rest at once with 503', async () => {
    const budget = new WorkBudget(2, 1, 5_000);
    const gate = deferred();
    const started: number[] = [];
    const job = (n: number) => budget.run(async () => (started.push(n), gate.promise));
    const running = [job(1), job(2)];
    const queued = job(3);
    expect(budget.full).toBe(true);
    const refused = await statusOf(job(4));
    expect(refused).toBe('503 analysis_busy 5');
    expect(started).toEqual([1, 2]);
    expect(budget.usage).toEqual({ running: 2, waiting: 1 });
    gate.resolve();
    await Promise.all([...running, queued]);
    expect(started).toEqual([1, 2, 3]);
    expect(budget.usage).toEqual({ running: 0, waiting: 0 });
  });

  it('refuses work that waited longer than its limit, and frees the slot of work that failed', async () => {
    const budget = new WorkBudget(1, 4, 20);
    const gate = deferred();
    const first = budget.run(() => gate.promise);
    expect(await statusOf(budget.run(async () => 'late'))).toBe('503 analysis_busy 1');
    gate.resolve();
    await first;
    await expect(budget.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await budget.run(async () => 'again')).toBe('again');
  });

  it('marks heavy work for the code it calls, and only that code', async () => {
    expect(isHeavyWork()).toBe(false);
    expect(await heavyWork.run(true, async () => (await Promise.resolve(), isHeavyWork()))).toBe(true);
    expect(isHeavyWork()).toBe(false);
  });
});
