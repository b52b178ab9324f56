import { detectEncoding, encodingLabel } from '../encoding.ts';
import { ImportError } from '../errors.ts';
import { formatBytes, maxTextBytes } from '../limits.ts';
import type { SourceData } from '../types.ts';

/** The refusal of a text too long to become one string (V8's limit, about 512 MiB). */
export function tooLongText(name: string, bytes: number): ImportError {
  return new ImportError(
    'file_too_large',
    `«${name}» tiene ${formatBytes(bytes)} de texto, más de lo que se puede leer de una vez (${formatBytes(maxTextBytes)}). ` +
      'Divida la capa en partes o conviértala a GeoPackage.',
  );
}

/**
 * Decodes a text file: with the user's `--encoding`, else UTF-8 when the
 * bytes are valid UTF-8, else windows-1252. A leading BOM is dropped.
 */
export function decodeText(
  bytes: Uint8Array,
  forced?: string,
  name = 'el archivo',
): { text: string; encoding: NonNullable<SourceData['encoding']> } {
  if (bytes.length > maxTextBytes) throw tooLongText(name, bytes.length);
  const label = forced ? encodingLabel(forced, '--encoding') : detectEncoding(bytes);
  const text = new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, '');
  return { text, encoding: { name: label, origin: forced ? 'flag' : label === 'utf-8' ? 'utf-8' : 'detected' } };
}

/** Line and column (from 1) of a character offset, for error messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
