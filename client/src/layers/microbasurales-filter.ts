import type { DumpFeature } from './microbasurales-layer.ts';

/** Which micro-dumps the map shows: one status and a range of first-report dates ('YYYY-MM-DD', inclusive); null = any. */
export interface DumpsFilter {
  estado: string | null;
  desde: string | null;
  hasta: string | null;
}

export const noDumpsFilter: DumpsFilter = { estado: null, desde: null, hasta: null };

/**
 * The sites passing the filter, as GET /microbasurales/resumen selects them:
 * a date bound leaves out sites with no first-report date. The same array
 * when nothing is filtered.
 */
export function filterDumps(dumps: readonly DumpFeature[], filter: DumpsFilter): readonly DumpFeature[] {
  if (!filter.estado && !filter.desde && !filter.hasta) return dumps;
  return dumps.filter((dump) => {
    const { estado, primer_reporte: first } = dump.properties;
    if (filter.estado && estado !== filter.estado) return false;
    if (filter.desde && (!first || first < filter.desde)) return false;
    if (filter.hasta && (!first || first > filter.hasta)) return false;
    return true;
  });
}
