import { ImportError } from './errors.ts';

/** What a .cpg file or `--encoding` may say, mapped to a WHATWG encoding label that TextDecoder knows. */
const aliases: Record<string, string> = {
  utf8: 'utf-8',
  '65001': 'utf-8',
  iso88591: 'windows-1252',
  '88591': 'windows-1252',
  latin1: 'windows-1252',
  '28591': 'windows-1252',
  '1252': 'windows-1252',
  ansi1252: 'windows-1252',
  cp1252: 'windows-1252',
  windows1252: 'windows-1252',
  iso885915: 'iso-8859-15',
  latin9: 'iso-8859-15',
  '885915': 'iso-8859-15',
};

/** DOS code pages that TextDecoder cannot decode. */
const dosCodePages = /^(oem)?(cp|ibm)?(437|850|858)$/;

/**
 * The TextDecoder label for an encoding named by a user or a .cpg file.
 * ISO-8859-1 decodes as windows-1252, its superset (as WHATWG specifies).
 */
export function encodingLabel(name: string, from: '--encoding' | '.cpg' | 'declaration'): string {
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  if (dosCodePages.test(key)) {
    throw new ImportError(
      from === '--encoding' ? 'invalid_option' : 'malformed_file',
      `La codificación «${name.trim()}» (página de códigos DOS) no está soportada. Convierta el archivo a UTF-8, ` +
        'por ejemplo con: ogr2ogr -lco ENCODING=UTF-8 salida.shp entrada.shp',
    );
  }
  const label = aliases[key] ?? name.trim().toLowerCase();
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new ImportError(
      from === '--encoding' ? 'invalid_option' : 'malformed_file',
      `La codificación «${name.trim()}» ${from === '.cpg' ? 'indicada en el archivo .cpg ' : from === 'declaration' ? 'declarada en el archivo ' : ''}no se reconoce. ` +
        'Use por ejemplo UTF-8 o ISO-8859-1.',
    );
  }
}

/**
 * Guesses the encoding of text bytes: ASCII and valid UTF-8 are UTF-8; any
 * other byte sequence is taken as windows-1252 (Latin-1), what old municipal
 * .dbf and Excel CSV files use. Latin-1 text with accents is almost never
 * valid UTF-8, so the guess is safe for Spanish.
 */
export function detectEncoding(bytes: Uint8Array): 'utf-8' | 'windows-1252' {
  if (!bytes.some((byte) => byte >= 0x80)) return 'utf-8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}
