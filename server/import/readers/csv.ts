import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ImportError } from '../errors.ts';
import { normaliseName } from '../names.ts';
import type { ReadOptions, SourceData, SourceFeature } from '../types.ts';
import { decodeText } from './text.ts';

/** Column names that hold coordinates, normalised (lower case, no accents or separators). */
const longitudeNames = ['lon', 'lng', 'long', 'longitud', 'longitude'];
const latitudeNames = ['lat', 'latitud', 'latitude'];
const eastingNames = ['x', 'este', 'easting', 'coordx', 'coordenadax', 'utme', 'utmeste', 'utmx', 'xutm', 'e'];
const northingNames = ['y', 'norte', 'northing', 'coordy', 'coordenaday', 'utmn', 'utmnorte', 'utmy', 'yutm', 'n'];

/** The field separator of the header line: `;` (Excel in Chile), tab or `,`. */
function separator(text: string): string {
  const header = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', '\t', ','].map((candidate) => ({ candidate, count: header.split(candidate).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0] && counts[0].count > 0 ? counts[0].candidate : ',';
}

/**
 * A coordinate cell as a number. With `;` as separator a decimal comma is
 * accepted (`-70,758`), and so is `328.062,09` (dots for thousands).
 */
export function parseCoordinate(cell: string | undefined, decimalComma: boolean): number | null {
  let text = (cell ?? '').trim().replace(/\u2212/g, '-');
  if (text === '') return null;
  if (decimalComma && /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) text = text.replaceAll('.', '').replace(',', '.');
  else if (decimalComma && !text.includes('.')) text = text.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text) && !/^[-+]?(Infinity|NaN)$/i.test(text)) return Number.NaN;
  return Number(text);
}

function findColumn(columns: string[], names: readonly string[]): string | undefined {
  return names.map((name) => columns.find((column) => normaliseName(column) === name)).find((column) => column !== undefined);
}

function parseRows(text: string, delimiter: string, file: string): Record<string, string>[] {
  try {
    return parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const line = /line (\d+)/.exec(message)?.[1];
    if (
      code === 'CSV_QUOTE_NOT_CLOSED' ||
      (code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && !text.trimEnd().slice(-200).includes('\n'))
    ) {
      throw new ImportError(
        'truncated_file',
        `El CSV «${path.basename(file)}» está incompleto o cortado${line ? ` (línea ${line})` : ''}.`,
      );
    }
    throw new ImportError(
      'malformed_file',
      `El CSV «${path.basename(file)}» está mal formado${line ? ` en la línea ${line}` : ''}: ${message}`,
    );
  }
}

/**
 * Reads a CSV of points. The coordinate columns are found by name
 * (lon/lng/longitud/x/este and lat/latitud/y/norte, any case or accent);
 * lon/lat names mean WGS 84 degrees, x/y names say nothing of the CRS.
 */
export function readCsv(bytes: Uint8Array, file: string, options: ReadOptions): SourceData {
  const { text, encoding } = decodeText(bytes, options.encoding, path.basename(file));
  if (text.trim() === '') throw new ImportError('empty_file', `El archivo «${path.basename(file)}» no tiene contenido.`);
  const delimiter = separator(text);
  const rows = parseRows(text, delimiter, file);
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) columns.push(...(text.split(/\r?\n/, 1)[0] ?? '').split(delimiter).map((cell) => cell.trim()));
  const lon = findColumn(columns, longitudeNames);
  const lat = findColumn(columns, latitudeNames);
  const east = findColumn(columns, eastingNames);
  const north = findColumn(columns, northingNames);
  const degrees = lon !== undefined && lat !== undefined;
  const xColumn = degrees ? lon : east;
  const yColumn = degrees ? lat : north;
  if (xColumn === undefined || yColumn === undefined) {
    throw new ImportError(
      'malformed_file',
      `El CSV «${path.basename(file)}» no tiene columnas de coordenadas reconocibles. Columnas: ${columns.join(', ')}. ` +
        'Use lon/lat (o longitud/latitud) para grados, o x/y (o este/norte) para metros.',
    );
  }
  const decimalComma = delimiter !== ',';
  const features: SourceFeature[] = rows.map((row, index) => {
    const x = parseCoordinate(row[xColumn], decimalComma);
    const y = parseCoordinate(row[yColumn], decimalComma);
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row)) if (key !== xColumn && key !== yColumn) properties[key] = value === '' ? null : value;
    if (x === null || y === null) {
      return {
        number: index + 1,
        geometry: null,
        properties,
        geometryProblem: `sin coordenadas en las columnas «${xColumn}»/«${yColumn}»`,
      };
    }
    if (Number.isNaN(x) || Number.isNaN(y)) {
      return {
        number: index + 1,
        geometry: null,
        properties,
        geometryProblem: `coordenadas que no son números («${row[xColumn]}», «${row[yColumn]}»)`,
      };
    }
    return { number: index + 1, geometry: { type: 'Point', coordinates: [x, y] }, properties };
  });
  const notes = [`Separador «${delimiter === '\t' ? 'tabulador' : delimiter}»; coordenadas en las columnas «${xColumn}» y «${yColumn}».`];
  if (encoding.origin === 'detected') notes.push('El CSV no está en UTF-8; se leyó como windows-1252 (Latin-1), como lo guarda Excel.');
  return {
    format: 'csv',
    features,
    declaredSrid: degrees ? 4326 : null,
    ...(degrees ? { crsOrigin: 'column-names' as const, crsDescription: 'EPSG:4326 (WGS 84), por las columnas lon/lat' } : {}),
    encoding,
    notes,
  };
}
