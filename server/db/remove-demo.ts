import { layers } from '../catalog/index.ts';
import type { Database, Queryable } from './database.ts';
import { quoteIdent } from './sql.ts';
import { mirrorProjectsSql } from '../plan/project-mirror.ts';

/** Plan tracking tables whose rows may be marked demo (migration 0011). */
const trackingTables = ['proyecto_estados', 'proyecto_avances', 'proyecto_hitos', 'proyecto_presupuestos', 'indicadores_programa'];

/**
 * Deletes the demo plan-tracking rows and puts each project they touched
 * back to what its remaining history says: status and progress of the
 * latest entry SECPLA recorded (null when none), funding sources of its
 * remaining budget lines. Returns how many projects and rows went.
 */
async function removeDemoTracking(tx: Queryable): Promise<{ projects: number; rows: number }> {
  const touched = await tx.query<{ codigo: string }>(
    `select distinct codigo from (${trackingTables
      .filter((table) => table !== 'indicadores_programa')
      .map((table) => `select codigo from ${quoteIdent(table)} where demo`)
      .join(' union all ')}) d`,
  );
  let rows = 0;
  for (const table of trackingTables) {
    const [row] = await tx.query<{ count: number }>(
      `with gone as (delete from ${quoteIdent(table)} where demo returning 1) select count(*)::int as count from gone`,
    );
    rows += row?.count ?? 0;
  }
  if (touched.length > 0) {
    await tx.query(mirrorProjectsSql, [touched.map((row) => row.codigo)]);
  }
  return { projects: touched.length, rows };
}

/**
 * Deletes every feature labelled precision = 'demo' from every writable
 * layer and every plan-tracking row marked demo (the `npm run demo`
 * scenario), in one transaction, bumping the version of each layer touched.
 * Returns the count removed per layer, and `seguimiento_proyectos` /
 * `seguimiento_filas` for the tracking. Seeds are not reloaded afterwards
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
    const tracking = await removeDemoTracking(tx);
    if (tracking.rows > 0) {
      removed.seguimiento_proyectos = tracking.projects;
      removed.seguimiento_filas = tracking.rows;
    }
    return removed;
  });
}
