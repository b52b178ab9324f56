import { detectEncoding, encodingLabel } from '../encoding.ts';
import type { SourceData } from '../types.ts';

/**
 * Decodes a text file: with the user's `--encoding`, else UTF-8 when the
 * bytes are valid UTF-8, else windows-1252. A leading BOM is dropped.
 */
export function decodeText(bytes: Uint8Array, forced?: string): { text: string; encoding: NonNullable<SourceData['encoding']> } {
  const name = forced ? encodingLabel(forced, '--encoding') : detectEncoding(bytes);
  const text = new TextDecoder(name).decode(bytes).replace(/^\uFEFF/, '');
  return { text, encoding: { name, origin: forced ? 'flag' : name === 'utf-8' ? 'utf-8' : 'detected' } };
}

/** Line and column (from 1) of a character offset, for error messages. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
