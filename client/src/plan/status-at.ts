/** One recorded status change of a project (proyecto_estados). */
export interface StatusEntry {
  codigo: string;
  estado: string;
  /** 'YYYY-MM-DD' from which the status holds. */
  desde: string;
}

/**
 * The status of each project on `date` ('YYYY-MM-DD'): the latest change on
 * or before that day. Projects with no change by then are absent from the
 * map, which the dashboard shows as "sin información" (never as 0 %).
 */
export function statusAt(history: readonly StatusEntry[], date: string): Map<string, string> {
  const latest = new Map<string, StatusEntry>();
  for (const entry of history) {
    if (entry.desde > date) continue;
    const known = latest.get(entry.codigo);
    if (!known || entry.desde > known.desde) latest.set(entry.codigo, entry);
  }
  return new Map([...latest].map(([codigo, entry]) => [codigo, entry.estado]));
}

/** The first day of each month from `from` to `to` (both 'YYYY-MM-DD'), for the time slider. */
export function monthSteps(from: string, to: string): string[] {
  const steps: string[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  const end = to.slice(0, 7);
  for (let guard = 0; guard < 1200; guard += 1) {
    const step = `${year}-${String(month).padStart(2, '0')}`;
    if (step > end) break;
    steps.push(`${step}-01`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return steps;
}
