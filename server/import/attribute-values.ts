import type { LayerProperty } from '../catalog/index.ts';
import { normaliseName } from './names.ts';

/** A value ready for the column, or why the source value does not fit (Spanish). */
export type Coerced = { value: string | number | boolean | null } | { error: string };

const pad = (number: number) => String(number).padStart(2, '0');

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A date as 'YYYY-MM-DD'. Accepts ISO dates (and datetimes), `YYYY/MM/DD`,
 * `YYYYMMDD` (dBASE) and the Chilean day-first `DD-MM-YYYY` / `DD/MM/YYYY`.
 */
function toDate(value: unknown): string | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`;
  }
  const text = String(value).trim();
  const ymd = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  const dmy = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(text);
  const [year, month, day] = ymd ? [ymd[1], ymd[2], ymd[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
  if (!year || !month || !day || !isRealDate(Number(year), Number(month), Number(day))) return null;
  return `${year}-${pad(Number(month))}-${pad(Number(day))}`;
}

/** A number from a number or a text with a decimal point or a decimal comma. */
function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = String(value).trim();
  if (!/^[-+]?\d+([.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

function toBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const text = normaliseName(String(value));
  if (['true', 't', 'si', 's', 'yes', 'y', '1', 'verdadero', 'v'].includes(text)) return true;
  if (['false', 'f', 'no', 'n', '0', 'falso'].includes(text)) return false;
  return null;
}

function isBlank(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (value instanceof Date && Number.isNaN(value.getTime()))
  );
}

/**
 * Converts a source value to a catalogue field's type and checks its enum.
 * An enum value is matched without regard to case or accents and stored in
 * the catalogue's spelling (`URBANA` → `urbana`).
 */
export function coerceValue(property: LayerProperty, value: unknown): Coerced {
  if (isBlank(value)) return { value: null };
  const shownValue = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  switch (property.type) {
    case 'integer': {
      const number = toNumber(value);
      return number !== null && Number.isInteger(number) ? { value: number } : { error: `«${shownValue}» no es un número entero` };
    }
    case 'number': {
      const number = toNumber(value);
      return number !== null ? { value: number } : { error: `«${shownValue}» no es un número` };
    }
    case 'date': {
      const date = toDate(value);
      return date ? { value: date } : { error: `«${shownValue}» no es una fecha (use AAAA-MM-DD o DD-MM-AAAA)` };
    }
    case 'boolean': {
      const flag = toBoolean(value);
      return flag !== null ? { value: flag } : { error: `«${shownValue}» no es sí/no` };
    }
    case 'string': {
      const text = value instanceof Date ? (toDate(value) ?? '') : typeof value === 'object' ? JSON.stringify(value) : String(value).trim();
      if (!property.enum) return { value: text };
      const match =
        property.enum.find((allowed) => allowed === text) ??
        property.enum.find((allowed) => normaliseName(allowed) === normaliseName(text));
      return match !== undefined
        ? { value: match }
        : { error: `«${text}» no es un valor permitido (permitidos: ${property.enum.join(', ')})` };
    }
  }
}
