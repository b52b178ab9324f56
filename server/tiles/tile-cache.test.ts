import { describe, expect, it } from 'vitest';
import { TileCache } from './tile-cache.ts';

describe('TileCache', () => {
  it('keeps the total size under its bound, dropping the least recently used', async () => {
    const cache = new TileCache(10_000);
    for (let index = 0; index < 20; index += 1) await cache.get(`tile-${index}`, async () => Buffer.alloc(1000));
    const stats = cache.stats();
    expect(stats.bytes).toBeLessThanOrEqual(10_000);
    expect(stats.entries).toBeLessThan(20);
    let made = false;
    await cache.get('tile-19', async () => ((made = true), Buffer.alloc(1000)));
    expect(made).toBe(false);
    await cache.get('tile-0', async () => ((made = true), Buffer.alloc(1000)));
    expect(made).toBe(true);
  });

  it('renders a missing tile once for concurrent requests', async () => {
    const cache = new TileCache(1_000_000);
    let renders = 0;
    const render = async () => {
      renders += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return Buffer.from('tile');
    };
    const bodies = await Promise.all([cache.get('a', render), cache.get('a', render), cache.get('a', render)]);
    expect(renders).toBe(1);
    expect(bodies.every((body) => body.toString() === 'tile')).toBe(true);
  });

  it('caches empty tiles too, and forgets a failed rendering', async () => {
    const cache = new TileCache(1_000_000);
    await cache.get('empty', async () => Buffer.alloc(0));
    expect(cache.stats().entries).toBe(1);
    await expect(cache.get('bad', async () => Promise.reject(new Error('falló')))).rejects.toThrow('falló');
    expect(await cache.get('bad', async () => Buffer.from('ok'))).toEqual(Buffer.from('ok'));
  });
});
