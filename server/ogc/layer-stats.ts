import type { LayerDefinition } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import { quoteIdent } from '../db/sql.ts';
import { column } from './feature-sql.ts';

/** What is known of a layer's data as a whole: computed with one scan, kept per layer version. */
export interface LayerStats {
  /** `layer_version.version` the numbers belong to (0 when the layer has no row yet). */
  version: number;
  /** Exact number of features. */
  count: number;
  /** CRS84 bounding box `[west, south, east, north]`, or null for an empty layer. */
  bbox: [number, number, number, number] | null;
  /** Temporal extent (RFC 3339; null end = open), or null without temporal data. */
  interval: [string | null, string | null] | null;
}

interface Entry {
  stats: LayerStats;
  computedAt: number;
}

/**
 * Safety net for writes that do not bump `layer_version` (for example the
 * tables behind a view): numbers are recomputed at least this often.
 */
const maxAgeMs = 5 * 60_000;

interface StatsRow {
  count: number;
  xmin: number | null;
  ymin: number | null;
  xmax: number | null;
  ymax: number | null;
  start: string | null;
  end: string | null;
  open_end: boolean | null;
}

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** A date column value as RFC 3339: a calendar day starts at 00:00 and, as an end, lasts until 23:59:59. */
function instant(text: string | null, edge: 'start' | 'end'): string | null {
  if (text === null) return null;
  if (dayPattern.test(text)) return `${text}T${edge === 'start' ? '00:00:00' : '23:59:59'}Z`;
  const time = Date.parse(text);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const floor7 = (value: number) => Math.floor(value * 1e7) / 1e7;
const ceil7 = (value: number) => Math.ceil(value * 1e7) / 1e7;

function statsSql(layer: LayerDefinition): string {
  const geometry = column(layer.geometryColumn);
  const start = layer.temporal ? column(layer.temporal.start) : 'null';
  const end = layer.temporal?.end ? column(layer.temporal.end) : start;
  const openEnd = layer.temporal?.end ? `bool_or(${start} is not null and ${end} is null)` : 'false';
  return `select count(*)::int as count,
      ST_XMin(ST_Extent(${geometry})) as xmin, ST_YMin(ST_Extent(${geometry})) as ymin,
      ST_XMax(ST_Extent(${geometry})) as xmax, ST_YMax(ST_Extent(${geometry})) as ymax,
      min(${start})::text as start, max(${end})::text as "end", ${openEnd} as open_end
    from ${quoteIdent(layer.table)} t`;
}

/**
 * Per-app cache of layer statistics (extent, exact count), invalidated when
 * the layer's `layer_version.version` changes (every write bumps it, see
 * migration 0001) and, as a safety net, after five minutes.
 */
export class LayerStatsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: Queryable) {}

  /** Current versions of the given layers (0 for a layer never written). */
  async versions(layerIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ layer_id: string; version: number }>(
      'select layer_id, version::int as version from layer_version where layer_id = any($1::text[])',
      [layerIds],
    );
    return new Map(rows.map((row) => [row.layer_id, row.version]));
  }

  /** Statistics of each layer, recomputing only those whose version changed or whose numbers are old. */
  async get(layers: readonly LayerDefinition[]): Promise<Map<string, LayerStats>> {
    const versions = await this.versions(layers.map((layer) => layer.id));
    const result = new Map<string, LayerStats>();
    for (const layer of layers) {
      const version = versions.get(layer.id) ?? 0;
      const cached = this.entries.get(layer.id);
      if (cached && cached.stats.version === version && Date.now() - cached.computedAt < maxAgeMs) {
        result.set(layer.id, cached.stats);
        continue;
      }
      const stats = await this.compute(layer, version);
      this.entries.set(layer.id, { stats, computedAt: Date.now() });
      result.set(layer.id, stats);
    }
    return result;
  }

  /** Statistics of one layer. */
  async one(layer: LayerDefinition): Promise<LayerStats> {
    const stats = (await this.get([layer])).get(layer.id);
    if (!stats) throw new Error(`sin estadísticas para ${layer.id}`);
    return stats;
  }

  private async compute(layer: LayerDefinition, version: number): Promise<LayerStats> {
    const [row] = await this.db.query<StatsRow>(statsSql(layer));
    const { xmin = null, ymin = null, xmax = null, ymax = null } = row ?? {};
    const bbox: LayerStats['bbox'] =
      xmin !== null && ymin !== null && xmax !== null && ymax !== null ? [floor7(xmin), floor7(ymin), ceil7(xmax), ceil7(ymax)] : null;
    const start = instant(row?.start ?? null, 'start');
    return {
      version,
      count: row?.count ?? 0,
      bbox,
      interval: layer.temporal && start ? [start, row?.open_end ? null : instant(row?.end ?? null, 'end')] : null,
    };
  }
}
