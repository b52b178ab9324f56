import path from 'node:path';
import JSZip from 'jszip';
import { ImportError } from './errors.ts';
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

/** What a .zip holds: a zipped shapefile, or a KMZ saved with the wrong extension. */
async function zipFormat(bytes: Uint8Array, file: string): Promise<ImportFormat> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ImportError(
      'truncated_file',
      `El archivo comprimido «${path.basename(file)}» está dañado o incompleto (${(error as Error).message}).`,
    );
  }
  const names = Object.keys(zip.files).filter((name) => !name.startsWith('__MACOSX/'));
  if (names.some((name) => /\.shp$/i.test(name))) return 'shapefile';
  if (names.some((name) => /\.kml$/i.test(name))) return 'kmz';
  throw new ImportError(
    'unknown_format',
    `El archivo «${path.basename(file)}» es un .zip sin un shapefile (.shp) ni un KML dentro. Contiene: ${names.slice(0, 10).join(', ') || 'nada'}.`,
  );
}

/**
 * The format of a file, from its extension and, when that says nothing, from
 * its first bytes. An empty or unknown file is refused here with a reason.
 */
export async function detectFormat(file: string, bytes: Uint8Array): Promise<ImportFormat> {
  if (bytes.length === 0) throw new ImportError('empty_file', `El archivo «${path.basename(file)}» está vacío (0 bytes).`);
  const extension = path.extname(file).toLowerCase();
  if (extension === '.zip') return zipFormat(bytes, file);
  const known = byExtension[extension];
  if (known) return known;
  if (startsWith(bytes, 'PK')) return zipFormat(bytes, file);
  if (startsWith(bytes, 'SQLite format 3\0')) return 'geopackage';
  const head = new TextDecoder('utf-8')
    .decode(bytes.subarray(0, 2048))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{')) return 'geojson';
  if (head.startsWith('<') && /<kml[\s>]/.test(head)) return 'kml';
  if (head.startsWith('<') && /<gpx[\s>]/.test(head)) return 'gpx';
  throw new ImportError(
    'unknown_format',
    `No se reconoce el formato de «${path.basename(file)}». Formatos admitidos: ${supportedFormats}.`,
  );
}
