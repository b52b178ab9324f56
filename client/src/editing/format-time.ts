const formatter = new Intl.DateTimeFormat('es-CL', {
  timeZone: 'America/Santiago',
  dateStyle: 'short',
  timeStyle: 'short',
});

/** An ISO 8601 instant from the API (UTC) as Vallenar's local date and time, e.g. «21-11-2026, 05:40». */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date);
}
