import path from 'node:path';
import yauzl from 'yauzl';
import { unsafeEntryName } from './archive-names.ts';
import { ImportError } from './errors.ts';
import { formatBytes, type ArchiveLimits } from './limits.ts';

/** A file inside an archive: its name and the size its header declares (not trusted). */
export interface ArchiveEntry {
  name: string;
  declaredSize: number;
}

/** An open zip archive whose entries can be inflated one by one, within its limits. */
export interface Archive {
  /** Files in central-directory order; folders and macOS resource forks (`__MACOSX/`) are left out. */
  entries: ArchiveEntry[];
  /** Inflates one entry into memory; refused past the archive's budget or past what the entry declares. */
  read(entry: ArchiveEntry): Promise<Uint8Array>;
}

const damaged = (file: string, detail: string) =>
  new ImportError('truncated_file', `El archivo comprimido «${path.basename(file)}» está dañado o incompleto: ${detail}.`);

/** Reads the central directory: names checked for safety, the number of entries counted as they come. */
async function listEntries(zip: yauzl.ZipFile, file: string, limits: ArchiveLimits): Promise<Map<ArchiveEntry, yauzl.Entry>> {
  const tooMany = () =>
    new ImportError(
      'archive_too_many_entries',
      `«${path.basename(file)}» contiene más de ${limits.maxEntries} entradas, el límite para un archivo comprimido. ` +
        'Comprima solo la capa que quiere importar.',
    );
  if (zip.entryCount > limits.maxEntries) throw tooMany();
  const entries = new Map<ArchiveEntry, yauzl.Entry>();
  let count = 0;
  for await (const entry of zip.eachEntry()) {
    count += 1;
    if (count > limits.maxEntries) throw tooMany();
    // strictFileNames: backslashes are kept as written, so that they can be refused.
    const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
    const reason = unsafeEntryName(name);
    if (reason) {
      throw new ImportError(
        'archive_unsafe_entry',
        `«${path.basename(file)}» contiene una entrada con un nombre inseguro, «${name}»: ${reason}. ` +
          'No se importa un archivo comprimido así; vuelva a comprimir los archivos de la capa desde su carpeta.',
      );
    }
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) continue;
    entries.set({ name, declaredSize: entry.uncompressedSize }, entry);
  }
  return entries;
}

/**
 * Inflates an entry chunk by chunk, counting the bytes that come out. The
 * header's size is only a claim: the first byte past it stops the inflation.
 */
async function inflate(zip: yauzl.ZipFile, entry: yauzl.Entry, archiveEntry: ArchiveEntry, file: string): Promise<Uint8Array> {
  let stream;
  try {
    stream = await zip.openReadStreamPromise(entry);
  } catch {
    throw damaged(file, `no se pudo abrir la entrada «${archiveEntry.name}»`);
  }
  const chunks: Buffer[] = [];
  let inflated = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      if (inflated > archiveEntry.declaredSize) {
        throw new ImportError(
          'archive_size_mismatch',
          `«${path.basename(file)}» está dañado o manipulado: la entrada «${archiveEntry.name}» declara ${formatBytes(archiveEntry.declaredSize)} ` +
            'y al descomprimirla resulta más grande. Se detuvo la lectura; no se importa.',
        );
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw damaged(file, `los datos de «${archiveEntry.name}» no se pueden descomprimir`);
  }
  if (inflated !== archiveEntry.declaredSize) throw damaged(file, `la entrada «${archiveEntry.name}» está cortada`);
  return new Uint8Array(Buffer.concat(chunks, inflated));
}

/**
 * Opens a zip archive (shapefile .zip, KMZ) as a stream with yauzl: only the
 * central directory is read at first, and each entry is inflated when asked
 * for. Limits: at most `maxEntries` entries; the entries read may declare at
 * most `maxInflatedBytes` together, and each one is cut off at the first
 * inflated byte past its declared size, so no archive makes the importer
 * hold more than the limit. Entry names that climb out of the archive's
 * folder or are absolute are refused. The archive is closed when `use` ends.
 */
export async function withArchive<T>(file: string, limits: ArchiveLimits, use: (archive: Archive) => Promise<T>): Promise<T> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(file, { decodeStrings: false, validateEntrySizes: false, autoClose: false, strictFileNames: true });
  } catch {
    throw damaged(file, 'no se encontró o no se pudo leer su índice de contenido');
  }
  try {
    const entries = await listEntries(zip, file, limits).catch((error: unknown) => {
      if (error instanceof ImportError) throw error;
      throw damaged(file, 'su índice de contenido no se puede leer');
    });
    let reserved = 0;
    const read = async (archiveEntry: ArchiveEntry): Promise<Uint8Array> => {
      const entry = entries.get(archiveEntry);
      if (!entry) throw new Error(`«${archiveEntry.name}» is not an entry of ${file}`);
      if (entry.isEncrypted()) {
        throw new ImportError('malformed_file', `«${archiveEntry.name}» dentro de «${path.basename(file)}» está protegido con contraseña.`);
      }
      if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
        throw new ImportError(
          'malformed_file',
          `«${archiveEntry.name}» dentro de «${path.basename(file)}» usa un método de compresión no admitido (${entry.compressionMethod}); ` +
            'vuelva a comprimirlo con la compresión habitual (Deflate).',
        );
      }
      if (reserved + archiveEntry.declaredSize > limits.maxInflatedBytes) {
        throw new ImportError(
          'archive_too_large',
          `«${path.basename(file)}» se descomprime a más de ${formatBytes(limits.maxInflatedBytes)}, el límite para un archivo comprimido ` +
            `(«${archiveEntry.name}» declara ${formatBytes(archiveEntry.declaredSize)}). No se descomprimió. ` +
            'Si es una capa oficial tan grande, impórtela sin comprimir o como GeoPackage.',
        );
      }
      reserved += archiveEntry.declaredSize;
      return inflate(zip, entry, archiveEntry, file);
    };
    return await use({ entries: [...entries.keys()], read });
  } finally {
    zip.close();
  }
}
