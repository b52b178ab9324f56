import { ImportError } from '../errors.ts';
import type { ShapefileParts } from './shapefile-files.ts';

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Counts the records of a .shp and checks that the file is whole: the header
 * declares the file length, and every record header its own length. The
 * `shapefile` package would read a cut file quietly, so this runs first.
 */
export function checkShp(parts: ShapefileParts): number {
  const { shp, name } = parts;
  if (shp.length < 100) {
    throw new ImportError(
      'truncated_file',
      `«${name}» tiene ${shp.length} bytes: le falta incluso la cabecera de 100 bytes; el archivo está cortado.`,
    );
  }
  const data = view(shp);
  if (data.getInt32(0, false) !== 9994)
    throw new ImportError('malformed_file', `«${name}» no es un archivo .shp (código de archivo inválido).`);
  const declared = data.getInt32(24, false) * 2;
  if (shp.length < declared) {
    throw new ImportError(
      'truncated_file',
      `«${name}» está cortado: su cabecera declara ${declared} bytes y el archivo tiene ${shp.length}. Vuelva a copiar el shapefile completo.`,
    );
  }
  let offset = 100;
  let records = 0;
  const end = Math.min(shp.length, declared);
  while (offset + 8 <= end) {
    const length = data.getInt32(offset + 4, false) * 2;
    if (length < 0 || offset + 8 + length > end) {
      throw new ImportError('truncated_file', `«${name}» está cortado en el registro ${records + 1}: faltan bytes de su geometría.`);
    }
    offset += 8 + length;
    records += 1;
  }
  if (offset !== end)
    throw new ImportError('truncated_file', `«${name}» está cortado a la mitad de la cabecera del registro ${records + 1}.`);
  return records;
}

/** dBASE header facts needed to check the table and pick its encoding. */
export interface DbfHeader {
  records: number;
  headerLength: number;
  recordLength: number;
  /** Language driver id (byte 29): 0x57 and 0x03 mean windows-1252, 0x01/0x02 DOS code pages. */
  languageDriver: number;
}

/** Reads and checks a .dbf header; a table shorter than its header promises is refused as truncated. */
export function checkDbf(dbf: Uint8Array, name: string): DbfHeader {
  const dbfName = name.replace(/\.shp$/i, '.dbf');
  if (dbf.length < 32) throw new ImportError('truncated_file', `«${dbfName}» está cortado: no tiene ni la cabecera.`);
  const data = view(dbf);
  const header: DbfHeader = {
    records: data.getUint32(4, true),
    headerLength: data.getUint16(8, true),
    recordLength: data.getUint16(10, true),
    languageDriver: data.getUint8(29),
  };
  const expected = header.headerLength + header.records * header.recordLength;
  if (header.headerLength < 33 || header.recordLength < 1)
    throw new ImportError('malformed_file', `«${dbfName}» no es una tabla dBASE válida.`);
  if (dbf.length < expected) {
    const whole = Math.max(0, Math.floor((dbf.length - header.headerLength) / header.recordLength));
    throw new ImportError(
      'truncated_file',
      `«${dbfName}» está cortado: declara ${header.records} registros y solo trae ${whole} completos.`,
    );
  }
  return header;
}

/** The bytes of the records only (for encoding detection). */
export function dbfRecords(dbf: Uint8Array, header: DbfHeader): Uint8Array {
  return dbf.subarray(header.headerLength, header.headerLength + header.records * header.recordLength);
}

/** The bytes of the field names (also decoded with the table's encoding), without the binary descriptors. */
export function dbfFieldNames(dbf: Uint8Array, header: DbfHeader): Uint8Array {
  const names: number[] = [];
  for (let offset = 32; offset + 32 <= header.headerLength && dbf[offset] !== 0x0d; offset += 32) {
    for (const byte of dbf.subarray(offset, offset + 11)) {
      if (byte === 0) break;
      names.push(byte);
    }
  }
  return Uint8Array.from(names);
}
