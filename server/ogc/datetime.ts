import { badRequest } from '../errors.ts';

/**
 * A `datetime` filter as a range of calendar days (YYYY-MM-DD, inclusive) in
 * Chilean local time, the calendar in which the SIT's dates are recorded.
 * `null` is an open end.
 */
export interface DayRange {
  start: string | null;
  end: string | null;
}

/** The time zone in which instants are turned into calendar days. */
export const localTimeZone = 'America/Santiago';

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: localTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

interface Instant {
  day: string;
  /** Milliseconds since the epoch, for date-times only (to order two of them within a day). */
  time: number | null;
}

function invalid(detail: string): never {
  throw badRequest(
    'invalid_parameter',
    `El parámetro «datetime» no es válido: ${detail}. Use una fecha (2024-05-01), una fecha y hora RFC 3339 (2024-05-01T12:00:00Z) o un intervalo (inicio/fin, con «..» para un extremo abierto).`,
    'datetime',
  );
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function localDay(time: number): string {
  const parts = Object.fromEntries(dayFormat.formatToParts(new Date(time)).map((part) => [part.type, part.value]));
  return `${String(parts.year).padStart(4, '0')}-${parts.month}-${parts.day}`;
}

function parseInstant(text: string): Instant {
  const date = datePattern.exec(text);
  if (date) {
    const [, year = '', month = '', day = ''] = date;
    if (!isRealDate(Number(year), Number(month), Number(day))) invalid(`«${text}» no es una fecha del calendario`);
    return { day: text, time: null };
  }
  const dateTime = dateTimePattern.exec(text);
  if (!dateTime) invalid(`«${text}» no es una fecha ni una fecha y hora`);
  const [, year = '', month = '', day = '', hour = '', minute = '', second = '', , , offsetHour = '0', offsetMinute = '0'] = dateTime;
  const fieldsValid =
    isRealDate(Number(year), Number(month), Number(day)) &&
    Number(hour) <= 23 &&
    Number(minute) <= 59 &&
    Number(second) <= 60 &&
    Number(offsetHour) <= 23 &&
    Number(offsetMinute) <= 59;
  if (!fieldsValid) invalid(`«${text}» no es una fecha y hora válida`);
  // A leap second (:60) is read as :59; Date does not know leap seconds.
  const time = Date.parse(text.replace(/:60(?=[.Zz+-])/, ':59').toUpperCase());
  if (Number.isNaN(time)) invalid(`«${text}» no es una fecha y hora válida`);
  return { day: localDay(time), time };
}

const isOpen = (text: string) => text === '' || text === '..';

/**
 * Parses an OGC `datetime` value: an instant, a closed interval `a/b` or a
 * half-bounded one `../b`, `a/..` (an empty end is open too). Date-times with
 * an offset are turned into the local calendar day they fall on. Throws a
 * 400 ApiError when the value is malformed, fully open or reversed.
 */
export function parseDatetime(raw: string): DayRange {
  const parts = raw.trim().split('/');
  if (parts.length === 1) {
    const instant = parseInstant(parts[0] ?? '');
    return { start: instant.day, end: instant.day };
  }
  if (parts.length !== 2) invalid('un intervalo tiene exactamente un «/»');
  const [first = '', second = ''] = parts;
  if (isOpen(first) && isOpen(second)) invalid('un intervalo no puede estar abierto en ambos extremos');
  const start = isOpen(first) ? null : parseInstant(first);
  const end = isOpen(second) ? null : parseInstant(second);
  if (start && end) {
    const reversed = start.time !== null && end.time !== null ? start.time > end.time : start.day > end.day;
    if (reversed) invalid('el inicio del intervalo es posterior a su fin');
  }
  return { start: start?.day ?? null, end: end?.day ?? null };
}
