import type { NearbyHeritage } from './heritage-nearby.ts';
import type { WetlandOverlap } from './wetland-overlap.ts';

/** The parts of the server's Plan Regulador findings the browser preview also computes. */
export interface ServerComparable {
  patrimonio: readonly { id: number; distancia_m: number }[];
  humedal: readonly { version: string; area_m2: number }[];
}

export interface PreviewAgreement {
  /** Largest relative difference, in percent (areas below 1 m² and distances below 1 m compare absolutely). */
  maxDifferencePercent: number;
  /** Heritage ids listed by only one side. */
  unmatched: (string | number)[];
}

const relative = (preview: number, server: number) => (Math.abs(preview - server) / Math.max(1, Math.abs(server))) * 100;

/**
 * How far the browser preview (turf in UTM 19S) is from the server's
 * PostGIS answer: every wetland version's overlap and every heritage
 * distance, matched by version and id. The workbench promises 0.5 %.
 */
export function previewAgreement(
  preview: { heritage: readonly NearbyHeritage[]; wetland: readonly WetlandOverlap[] },
  server: ServerComparable,
): PreviewAgreement {
  let max = 0;
  for (const row of server.humedal) {
    const mine = preview.wetland.find((item) => item.version === row.version);
    max = Math.max(max, relative(mine?.area_m2 ?? 0, row.area_m2));
  }
  const serverIds = new Set(server.patrimonio.map((row) => String(row.id)));
  const previewIds = new Set(preview.heritage.map((row) => String(row.id)));
  for (const row of server.patrimonio) {
    const mine = preview.heritage.find((item) => String(item.id) === String(row.id));
    if (mine) max = Math.max(max, relative(mine.distancia_m, row.distancia_m));
  }
  const unmatched = [...[...serverIds].filter((id) => !previewIds.has(id)), ...[...previewIds].filter((id) => !serverIds.has(id))];
  return { maxDifferencePercent: max, unmatched };
}
