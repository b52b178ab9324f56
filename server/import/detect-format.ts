import path from 'node:path';
import { withArchive } from './archive.ts';
import { ImportError } from './errors.ts';
import type { ArchiveLimits } from './limits.ts';
import type { ImportFormat } from './types.ts';

const byExtension: Record<string, ImportFormat> = {
  '.geojson': 'geojson',
  '.json': 'geojson',
  '.shp': 'shapefile',
  '.kml': 'kml',
  '.kmz': 'kmz',
  '.gpx': 'gpx',
  '.csv': 'csv',
  '.gpkg': 'geopackage',
};

export const supportedFormats =
  'GeoJSON (.geojson, .json), Shapefile (.shp o .zip con .shp/.dbf/.prj), KML, KMZ, GPX, CSV con columnas de coordenadas y GeoPackage (.gpkg, requiere GDAL)';

const startsWith = (bytes: Uint8Array, text: string) => Buffer.from(bytes.subarray(0, text.length)).toString('latin1') === text;

/** What a .zip holds (from its central directory only): a zipped shapefile, or a KMZ saved with the wrong extension. */
async function zipFormat(file: string, limits: ArchiveLimits): Promise<ImportFormat> {
  const names = await withArchive(file, limits, async (archive) => archive.entries.map((entry) => entry.name));
  if (names.some((name) => /\.shp$/i.test(name))) return 'shapefile';
  if (names.some((name) => /\.kml$/i.test(name))) return 'kmz';
  throw new ImportError(
    'unknown_format',
    `El archivo «${path.basename(file)}» es un .zip sin un shapefile (.shp) ni un KML dentro. Contiene: ${names.slice(0, 10).join(', ') || 'nada'}.`,
  );
}

/**
 * The format of a file, from its extension and, when that says nothing, from
 * its first bytes (a few KiB). An archive is listed, not inflated.
 * An empty or unknown file is refused here with a reason.
 */
export async function detectFormat(file: string, bytes: Uint8Array, limits: ArchiveLimits): Promise<ImportFormat> {
  if (bytes.length === 0) throw new ImportError('empty_file', `El archivo «${path.basename(file)}» está vacío (0 bytes).`);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.zip') return zipFormat(file, limits);
  const known = byExtension[extension];
  if (known) return known;
  if (startsWith(bytes, 'PK')) return zipFormat(file, limits);
  if (startsWith(bytes, 'SQLite format 3\0')) return 'geopackage';
  const text = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (text.startsWith('{')) return 'geojson';
  if (text.startsWith('<') && /<kml[\s>]/.test(text)) return 'kml';
  if (text.startsWith('<') && /<gpx[\s>]/.test(text)) return 'gpx';
  throw new ImportError(
    'unknown_format',
    `No se reconoce el formato de «${path.basename(file)}». Formatos admitidos: ${supportedFormats}.`,
  );
}
