import { layers } from '../catalog/index.ts';
import type { Database } from './database.ts';
import { quoteIdent } from './sql.ts';

/**
 * Deletes every feature labelled precision = 'demo' from every writable
 * layer, in one transaction, bumping the version of each layer touched.
 * Returns the count removed per layer. Seeds are not reloaded afterwards
 * (seed_log keeps them as loaded).
 */
export async function removeDemoData(db: Database): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const removed: Record<string, number> = {};
    for (const layer of layers) {
      if (layer.readOnly) continue;
      const [row] = await tx.query<{ count: number }>(
        `with gone as (delete from ${quoteIdent(layer.table)} where "precision" = 'demo' returning 1) select count(*)::int as count from gone`,
      );
      if (!row || row.count === 0) continue;
      removed[layer.id] = row.count;
      await tx.query(
        `insert into layer_version (layer_id) values ($1)
         on conflict (layer_id) do update set version = layer_version.version + 1, changed_at = now()`,
        [layer.id],
      );
    }
    return removed;
  });
}
