import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectFormat } from './detect-format.ts';
import { ImportError } from './errors.ts';
import { archiveLimitsOf } from './limits.ts';
import { checkOptions, layerFor } from './options.ts';
import { readSource } from './readers/index.ts';
import type { ImportOptions, SourceData } from './types.ts';

/** The first bytes of the file, enough to recognise its format; the readers read the rest. */
async function readHead(file: string): Promise<Uint8Array> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new ImportError('file_not_found', `No existe el archivo «${file}».`);
    throw error;
  });
  if (!info.isFile()) throw new ImportError('invalid_option', `«${file}» no es un archivo.`);
  const handle = await open(file, 'r');
  try {
    const head = new Uint8Array(Math.min(info.size, 4096));
    await handle.read(head, 0, head.length, 0);
    return head;
  } finally {
    await handle.close();
  }
}

/**
 * The first half of an import, which needs no database: checks the options,
 * recognises the format and reads the file into source features (archives
 * within their limits). A file that cannot be read is refused here, before
 * any database is opened or touched.
 */
export async function readImportSource(options: ImportOptions): Promise<SourceData> {
  checkOptions(options, layerFor(options.layerId));
  const head = await readHead(options.file);
  const format = await detectFormat(options.file, head, archiveLimitsOf(options));
  const data = await readSource(format, options.file, options);
  if (data.features.length === 0) throw new ImportError('no_features', `«${path.basename(options.file)}» no contiene elementos.`);
  return data;
}
