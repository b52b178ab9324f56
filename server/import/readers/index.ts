import type { ImportFormat, ReadOptions, SourceData } from '../types.ts';
import { readCsv } from './csv.ts';
import { readGeoJson } from './geojson.ts';
import { readGeoPackage } from './geopackage.ts';
import { readGpx, readKml, readKmz } from './kml.ts';
import { readShapefile } from './shapefile.ts';

/** Reads a file of a known format into source features with their original attributes and coordinates. */
export async function readSource(format: ImportFormat, file: string, bytes: Uint8Array, options: ReadOptions): Promise<SourceData> {
  switch (format) {
    case 'geojson':
      return readGeoJson(bytes, file, options);
    case 'shapefile':
      return readShapefile(bytes, file, options);
    case 'kml':
      return readKml(bytes, file, options);
    case 'kmz':
      return readKmz(bytes, file, options);
    case 'gpx':
      return readGpx(bytes, file, options);
    case 'csv':
      return readCsv(bytes, file, options);
    case 'geopackage':
      return readGeoPackage(file, options);
  }
}
