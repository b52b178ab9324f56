import type { LayerDefinition } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';

/**
 * Reads the write versions of some layers from `layer_version` (bumped on
 * every write to a layer) and returns them as one token, e.g.
 * `comuna=3.1732000000123456,rio=1.1731000000000000`. The change time is part
 * of the token so that a database recreated from scratch, whose counters start
 * again at 1, never matches tiles cached or ETags issued for the old one.
 *
 * This runs once per tile request: one indexed query over a table of a few
 * dozen rows (well under a millisecond on either database). A time-to-live
 * would save it, but then a tile could be served stale for that long after a
 * write; reading every time keeps "write, then reload the map" exact.
 */
export async function readVersionToken(db: Queryable, layers: readonly LayerDefinition[]): Promise<string> {
  if (layers.length === 0) return '';
  const ids = layers.map((layer) => layer.id);
  const rows = await db.query<{ layer_id: string; version: number; changed: string }>(
    `select layer_id, version, to_char(changed_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') as changed
     from layer_version where layer_id = any(string_to_array($1, ','))`,
    [ids.join(',')],
  );
  const byId = new Map(rows.map((row) => [row.layer_id, `${row.version}.${row.changed}`]));
  return ids.map((id) => `${id}=${byId.get(id) ?? '0'}`).join(',');
}

/**
 * Reads layer versions for tile requests, reusing one snapshot of the whole
 * `layer_version` table for `ttlMs`. With a TTL the cached-tile path makes no
 * database round trip (the trip cost a cached tile most of its throughput),
 * and a write is seen by tiles and ETags at most `ttlMs` later; 0 reads on
 * every request. Concurrent refreshes share one query.
 */
export class LayerVersionReader {
  private snapshot: { at: number; versions: Map<string, string> } | null = null;
  private refreshing: Promise<Map<string, string>> | null = null;

  constructor(
    private readonly db: Queryable,
    private readonly ttlMs: number,
  ) {}

  /** The same token as readVersionToken, from a snapshot at most ttlMs old. */
  async token(layers: readonly LayerDefinition[]): Promise<string> {
    if (this.ttlMs <= 0) return readVersionToken(this.db, layers);
    const versions = await this.current();
    return layers.map((layer) => `${layer.id}=${versions.get(layer.id) ?? '0'}`).join(',');
  }

  /** Forgets the snapshot: the next request reads the table (after a write made by this process). */
  invalidate(): void {
    this.snapshot = null;
  }

  private async current(): Promise<Map<string, string>> {
    if (this.snapshot && performance.now() - this.snapshot.at < this.ttlMs) return this.snapshot.versions;
    this.refreshing ??= this.db
      .query<{ layer_id: string; version: number; changed: string }>(
        `select layer_id, version, to_char(changed_at at time zone 'UTC', 'YYYYMMDDHH24MISSUS') as changed from layer_version`,
      )
      .then((rows) => {
        const versions = new Map(rows.map((row) => [row.layer_id, `${row.version}.${row.changed}`]));
        this.snapshot = { at: performance.now(), versions };
        return versions;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }
}
