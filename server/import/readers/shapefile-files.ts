import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { withArchive } from '../archive.ts';
import { ImportError } from '../errors.ts';
import type { ArchiveLimits } from '../limits.ts';

/** The files that make one shapefile. Only the .shp is mandatory. */
export interface ShapefileParts {
  name: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

type Lookup = (extension: string) => Promise<Uint8Array | undefined>;

/** The companions are read one after the other, so that an archive inflates one entry at a time. */
async function assemble(name: string, shp: Uint8Array, lookup: Lookup): Promise<ShapefileParts> {
  const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder('utf-8').decode(bytes).trim() : undefined);
  const dbf = await lookup('.dbf');
  const prj = text(await lookup('.prj'));
  const cpg = text(await lookup('.cpg'));
  return { name, shp, dbf, prj, cpg };
}

/** A .shp on disk with its companions beside it (any letter case: old files have `.DBF`). */
export async function shapefileFromDisk(file: string): Promise<ShapefileParts> {
  const folder = path.dirname(file);
  const base = path.basename(file, path.extname(file)).toLowerCase();
  const siblings = await readdir(folder);
  const shp = new Uint8Array(await readFile(file));
  return assemble(path.basename(file), shp, async (extension) => {
    const sibling = siblings.find((name) => name.toLowerCase() === base + extension);
    return sibling ? new Uint8Array(await readFile(path.join(folder, sibling))) : undefined;
  });
}

/**
 * The shapefile inside a .zip, its parts inflated within the archive limits
 * (other entries are never inflated). With several shapefiles, `sourceLayer`
 * names the one to read (its file name without .shp); without it the import
 * is refused with the list.
 */
export async function shapefileFromZip(file: string, limits: ArchiveLimits, sourceLayer?: string): Promise<ShapefileParts> {
  return withArchive(file, limits, async (archive) => {
    const shps = archive.entries.filter((entry) => /\.shp$/i.test(entry.name));
    const stem = (name: string) => name.replace(/\.[^./]+$/, '');
    const layerName = (name: string) => path.posix.basename(stem(name));
    let chosen = shps[0];
    if (sourceLayer) {
      chosen = shps.find((entry) => layerName(entry.name).toLowerCase() === sourceLayer.toLowerCase());
      if (!chosen) {
        throw new ImportError(
          'ambiguous_source',
          `El .zip no contiene la capa «${sourceLayer}». Capas: ${shps.map((entry) => layerName(entry.name)).join(', ')}.`,
        );
      }
    } else if (shps.length > 1) {
      throw new ImportError(
        'ambiguous_source',
        `«${path.basename(file)}» contiene ${shps.length} shapefiles (${shps.map((entry) => layerName(entry.name)).join(', ')}). ` +
          'Indique cuál importar con --source-layer.',
      );
    }
    if (!chosen) throw new ImportError('unknown_format', `«${path.basename(file)}» no contiene un archivo .shp.`);
    const base = stem(chosen.name).toLowerCase();
    const shp = await archive.read(chosen);
    return assemble(path.posix.basename(chosen.name), shp, async (extension) => {
      const entry = archive.entries.find((candidate) => candidate.name.toLowerCase() === base + extension);
      return entry ? archive.read(entry) : undefined;
    });
  });
}
