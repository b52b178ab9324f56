import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { ImportError } from '../errors.ts';

/** The files that make one shapefile. Only the .shp is mandatory. */
export interface ShapefileParts {
  name: string;
  shp: Uint8Array;
  dbf?: Uint8Array;
  shx?: Uint8Array;
  prj?: string;
  cpg?: string;
}

type Lookup = (extension: string) => Promise<Uint8Array | undefined>;

async function assemble(name: string, shp: Uint8Array, lookup: Lookup): Promise<ShapefileParts> {
  const [dbf, shx, prj, cpg] = await Promise.all(['.dbf', '.shx', '.prj', '.cpg'].map(lookup));
  const text = (bytes: Uint8Array | undefined) => (bytes ? new TextDecoder('utf-8').decode(bytes).trim() : undefined);
  return { name, shp, dbf, shx, prj: text(prj), cpg: text(cpg) };
}

/** A .shp on disk with its companions beside it (any letter case: old files have `.DBF`). */
export async function shapefileFromDisk(file: string, shp: Uint8Array): Promise<ShapefileParts> {
  const folder = path.dirname(file);
  const base = path.basename(file, path.extname(file)).toLowerCase();
  const siblings = await readdir(folder);
  return assemble(path.basename(file), shp, async (extension) => {
    const sibling = siblings.find((name) => name.toLowerCase() === base + extension);
    return sibling ? new Uint8Array(await readFile(path.join(folder, sibling))) : undefined;
  });
}

/**
 * The shapefile inside a .zip. With several, `sourceLayer` names the one to
 * read (its file name without .shp); without it the import is refused with the list.
 */
export async function shapefileFromZip(file: string, bytes: Uint8Array, sourceLayer?: string): Promise<ShapefileParts> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = Object.values(zip.files).filter((entry) => !entry.dir && !entry.name.startsWith('__MACOSX/'));
  const shps = entries.filter((entry) => /\.shp$/i.test(entry.name));
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
  const shp = await chosen.async('uint8array');
  return assemble(path.posix.basename(chosen.name), shp, async (extension) => {
    const entry = entries.find((candidate) => candidate.name.toLowerCase() === base + extension);
    return entry ? entry.async('uint8array') : undefined;
  });
}
