import { LRUCache } from 'lru-cache';

/** Bytes counted for a cache entry beyond its body (key and bookkeeping), so empty tiles have a size too. */
const entryOverhead = 200;

export interface TileCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
}

/**
 * Tile bodies in memory, bounded by total bytes (least recently used go
 * first). Keys carry the layer versions, so a write to a layer makes its old
 * tiles unreachable and they age out; nothing stale is ever returned.
 * Concurrent requests for one missing key share one rendering.
 */
export class TileCache {
  private readonly entries: LRUCache<string, Buffer>;
  private readonly pending = new Map<string, Promise<Buffer>>();
  private hits = 0;
  private misses = 0;

  constructor(maxBytes: number) {
    this.entries = new LRUCache<string, Buffer>({
      maxSize: maxBytes,
      maxEntrySize: Math.max(1, Math.floor(maxBytes / 8)),
      sizeCalculation: (body, key) => body.length + key.length + entryOverhead,
    });
  }

  /** The cached body for `key`, or the one `create` makes (stored unless larger than an eighth of the cache). */
  async get(key: string, create: () => Promise<Buffer>): Promise<Buffer> {
    const cached = this.entries.get(key);
    if (cached) {
      this.hits += 1;
      return cached;
    }
    this.misses += 1;
    const running = this.pending.get(key);
    if (running) return running;
    const made = create()
      .then((body) => {
        this.entries.set(key, body);
        return body;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, made);
    return made;
  }

  stats(): TileCacheStats {
    return { entries: this.entries.size, bytes: this.entries.calculatedSize, hits: this.hits, misses: this.misses };
  }

  clear(): void {
    this.entries.clear();
  }
}
