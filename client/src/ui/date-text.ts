import { fieldTexts as t } from './fields-texts-es.ts';

/** What a typed date means: an ISO date (YYYY-MM-DD), nothing, or a Spanish reason it is not a date. */
export type DateReading = { iso: string } | { empty: true } | { problem: string };

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** True when year-month-day is a day of the Gregorian calendar (29-02 only in leap years). */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-MM-DD` → `dd-mm-aaaa` as people in Chile write it; anything else is returned as it is. */
export function formatDateText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}-${match[2]}-${match[1]}` : iso;
}

/**
 * Reads a date typed as day-month-year (`16-02-2026`, `16/2/2026`,
 * `16.02.2026`, `16022026`) or pasted as ISO (`2026-02-16`). Two-digit
 * years are refused: «26» could be 1926 or 2026. `min`/`max` are ISO dates.
 */
export function readDateText(text: string, limits: { min?: string; max?: string } = {}): DateReading {
  const typed = text.trim();
  if (typed === '') return { empty: true };
  let parts: [number, number, number] | null = null;
  const dayFirst = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  if (dayFirst) parts = [Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1])];
  else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (digits) parts = [Number(digits[3]), Number(digits[2]), Number(digits[1])];
  if (!parts) return { problem: t.dateFormat };
  const [year, month, day] = parts;
  if (month > 12 && day <= 12 && !iso) return { problem: t.dateSwapped };
  if (!isRealDay(year, month, day)) return { problem: t.dateNotReal(`${pad(day, 2)}-${pad(month, 2)}-${pad(year, 4)}`) };
  const value = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
  if (limits.min && value < limits.min) return { problem: t.dateBefore(formatDateText(limits.min)) };
  if (limits.max && value > limits.max) return { problem: t.dateAfter(formatDateText(limits.max)) };
  return { iso: value };
}

/** Today in the browser's own time zone, as ISO (not UTC: after 21:00 in Chile UTC is already tomorrow). */
export function todayIso(now = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/** An ISO date moved by `days` (for the arrow keys and the calendar). */
export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}`;
}
