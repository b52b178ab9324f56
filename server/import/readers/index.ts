import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { maxTextBytes } from '../limits.ts';
import type { ImportFormat, ReadOptions, SourceData } from '../types.ts';
import { readCsv } from './csv.ts';
import { readGeoJson } from './geojson.ts';
import { readGeoPackage } from './geopackage.ts';
import { readGpx, readKml, readKmz } from './kml.ts';
import { readShapefile } from './shapefile.ts';
import { tooLongText } from './text.ts';

/** The bytes of a text file, refused before reading when they could not become one string. */
async function readTextFile(file: string): Promise<Uint8Array> {
  const { size } = await stat(file);
  if (size > maxTextBytes) throw tooLongText(path.basename(file), size);
  return new Uint8Array(await readFile(file));
}

/**
 * Reads a file of a known format into source features with their original
 * attributes and coordinates. Text formats are read whole; archives are
 * inflated entry by entry within their limits; GeoPackage goes through GDAL.
 */
export async function readSource(format: ImportFormat, file: string, options: ReadOptions): Promise<SourceData> {
  switch (format) {
    case 'geojson':
      return readGeoJson(await readTextFile(file), file, options);
    case 'shapefile':
      return readShapefile(file, options);
    case 'kml':
      return readKml(await readTextFile(file), file, options);
    case 'kmz':
      return readKmz(file, options);
    case 'gpx':
      return readGpx(await readTextFile(file), file, options);
    case 'csv':
      return readCsv(await readTextFile(file), file, options);
    case 'geopackage':
      return readGeoPackage(file, options);
  }
}
