/** One month of GET /microbasurales/resumen's `serie_mensual` ('YYYY-MM'). */
export interface MonthCounts {
  mes: string;
  reportados: number;
  limpiados: number;
  cerrados: number;
}

const monthIndex = (month: string) => {
  const [year, number] = month.split('-').map(Number);
  return (year as number) * 12 + ((number as number) - 1);
};
const monthName = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The months from the first to the last of `rows`, with zero counts for the
 * months the server did not list, so the chart's time axis has no gaps.
 */
export function continuousMonths(rows: readonly MonthCounts[]): MonthCounts[] {
  const valid = rows.filter((row) => /^\d{4}-(0[1-9]|1[0-2])$/.test(row.mes));
  if (valid.length === 0) return [];
  const byMonth = new Map(valid.map((row) => [row.mes, row]));
  const indexes = valid.map((row) => monthIndex(row.mes));
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const months: MonthCounts[] = [];
  for (let index = first; index <= last; index += 1) {
    const name = monthName(index);
    months.push(byMonth.get(name) ?? { mes: name, reportados: 0, limpiados: 0, cerrados: 0 });
  }
  return months;
}

/** A "nice" top for a count axis (1, 2, 5 × 10ⁿ) at or above `max`; at least 1. */
export function axisTop(max: number): number {
  if (!(max > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((factor) => factor * magnitude >= max) as number;
  return step * magnitude;
}

const monthNames = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/**
 * A month 'YYYY-MM' as the chart names it in Spanish: short under a bar
 * («feb 22», never «22-02», which reads as a day and month beside dd-mm-aaaa
 * dates) and long in its title («febrero de 2022»).
 */
export function monthLabel(mes: string, form: 'short' | 'long'): string {
  const [year = '', month = ''] = mes.split('-');
  const name = monthNames[Number(month) - 1];
  if (!name) return mes;
  return form === 'short' ? `${name.slice(0, 3)} ${year.slice(2)}` : `${name} de ${year}`;
}
