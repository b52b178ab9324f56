/**
 * The one CSV writer of the SIT: every CSV endpoint (indicators, the
 * semiannual annex, project exports, the audit trail) writes through here.
 */

/** A column of a CSV export: Spanish header and how to read the value from a row. */
export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => unknown;
}

export interface CsvOptions {
  /** Starts the text with a UTF-8 byte order mark, so that Excel reads accents (default true). */
  bom?: boolean;
}

/** A plain decimal number written as text ('-12.5', '3e-4'): a spreadsheet reads it as a number, never as a formula. */
const plainNumber = /^[-+]?\d+(\.\d+)?([eE][-+]?\d+)?$/;
/** First characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

/**
 * One cell. Numbers are written as they are (a negative number is a number,
 * not a formula). Text that a spreadsheet would run as a formula (starting
 * with =, +, -, @, tab or carriage return, and not a plain number) is
 * neutralised as OWASP recommends: a single quote in front and the cell
 * quoted. Text with a comma, semicolon (the list separator of Excel in
 * es-CL), quote or line break is quoted (RFC 4180).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (formulaStart.test(text) && !plainNumber.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return /[";\n\r,]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV text (RFC 4180, comma separated, CRLF) from a header row and rows of cells. */
export function csvTable(header: readonly unknown[], rows: readonly (readonly unknown[])[], options: CsvOptions = {}): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}

/**
 * CSV text (RFC 4180, comma separated, CRLF) preceded by a UTF-8 byte order
 * mark so that Excel reads accents. Numbers keep a dot as decimal separator.
 */
export function toCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[], options: CsvOptions = {}): string {
  return csvTable(
    columns.map((column) => column.header),
    rows.map((row) => columns.map((column) => column.value(row))),
    options,
  );
}
