/** Percentile (0–100) of a list of milliseconds, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export interface Timing {
  p50: number;
  p95: number;
  samples: number;
}

/** Runs `task` sequentially `count` times after `warmup` unmeasured runs; returns p50/p95 in ms. */
export async function timeSequential(task: () => Promise<unknown>, count: number, warmup = 5): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await task();
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await task();
    samples.push(performance.now() - started);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), samples: count };
}

/** Runs `task(loop)` from `connections` concurrent loops for `seconds`; returns completed tasks per second. */
export async function throughput(task: (loop: number) => Promise<unknown>, connections: number, seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: connections }, async (_, loop) => {
      while (performance.now() < deadline) {
        await task(loop);
        done += 1;
      }
    }),
  );
  return done / seconds;
}
