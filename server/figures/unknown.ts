/**
 * The one rule for values nobody recorded, shared by the server's documents
 * (semiannual report, unit sheet, CSV annexes, exports) and the workbench's
 * panels, which import this file as it is: pure, no Node and no DOM.
 *
 * - A value that was not recorded is `null`, never 0, and reads
 *   «sin información» («s/i» in tables). A real 0 (nothing built, nothing
 *   spent) prints as 0.
 * - A figure made of several items, some recorded and some not (the progress
 *   of a lineamiento, the investment of a unit), is computed over the
 *   recorded ones only and says over how many: «25 % (1 de 17 proyectos con
 *   avance registrado)». With none recorded it is «sin información».
 * - docs/cifras.md explains the rule to a person, with an example.
 */

export const unknownText = 'sin información';
export const unknownShort = 's/i';

/** A figure that may be unknown: null or undefined means "not recorded". */
export type Figure = number | null | undefined;

export interface FormatOptions {
  /** «s/i» instead of «sin información» (tables, narrow cells). */
  short?: boolean;
}

/** How many of the items a figure stands on have a recorded value. */
export interface Coverage {
  known: number;
  total: number;
}

/** What is counted in a coverage phrase: «proyectos» «con avance registrado». */
export interface CoverageNoun {
  one: string;
  many: string;
  /** What makes an item known, e.g. «con avance registrado». */
  recorded: string;
}

export const progressCoverage: CoverageNoun = { one: 'proyecto', many: 'proyectos', recorded: 'con avance registrado' };
export const budgetCoverage: CoverageNoun = { one: 'proyecto', many: 'proyectos', recorded: 'con presupuesto registrado' };

const locale = 'es-CL';

/** True when the figure was recorded (a finite number, 0 included). */
export function isKnown(value: Figure): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** «sin información», or «s/i» when short. */
export function unknown(options: FormatOptions = {}): string {
  return options.short ? unknownShort : unknownText;
}

/** A number in Chilean Spanish («1.234,5»), or the unknown text. */
export function formatNumber(value: Figure, options: FormatOptions & { digits?: number; minimumDigits?: number } = {}): string {
  if (!isKnown(value)) return unknown(options);
  return value.toLocaleString(locale, {
    minimumFractionDigits: options.minimumDigits ?? 0,
    maximumFractionDigits: options.digits ?? 1,
  });
}

/** A percentage 0–100 («1,5 %»), or the unknown text. */
export function formatPercent(value: Figure, options: FormatOptions & { digits?: number } = {}): string {
  return isKnown(value) ? `${formatNumber(value, { digits: options.digits ?? 1 })} %` : unknown(options);
}

/** Chilean pesos («$1.500.000»), or the unknown text. */
export function formatClp(value: Figure, options: FormatOptions = {}): string {
  return isKnown(value) ? `$${Math.round(value).toLocaleString(locale)}` : unknown(options);
}

/** «1 de 17 proyectos con avance registrado». */
export function coverageText(coverage: Coverage, noun: CoverageNoun): string {
  return `${coverage.known} de ${coverage.total} ${coverage.total === 1 ? noun.one : noun.many} ${noun.recorded}`;
}

/** Whether a figure over `coverage` must say over how many items it was computed. */
export function isPartial(coverage: Coverage): boolean {
  return coverage.known > 0 && coverage.known < coverage.total;
}

/**
 * A formatted figure with its coverage: the figure alone when every item is
 * recorded, «25 % (1 de 17 proyectos con avance registrado)» when some are,
 * and the unknown text when none is (or the value is null).
 */
export function withCoverage(
  value: Figure,
  formatted: string,
  coverage: Coverage,
  noun: CoverageNoun,
  options: FormatOptions = {},
): string {
  if (!isKnown(value) || coverage.known === 0) return unknown(options);
  return isPartial(coverage) ? `${formatted} (${coverageText(coverage, noun)})` : formatted;
}

/**
 * Sum of the recorded values with its coverage; `value` is null when none
 * was recorded, so "nothing known" never becomes 0.
 */
export function sumKnown(values: readonly Figure[]): { value: number | null } & Coverage {
  const known = values.filter(isKnown);
  return { value: known.length === 0 ? null : known.reduce((sum, value) => sum + value, 0), known: known.length, total: values.length };
}

/** A spreadsheet cell: the number itself when recorded, «sin información» when not (never an empty cell read as 0). */
export function csvFigure(value: Figure): number | string {
  return isKnown(value) ? value : unknownText;
}
