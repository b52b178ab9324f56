import path from 'node:path';
import { gpx, kml } from '@tmcw/togeojson';
import { withArchive } from '../archive.ts';
import { ImportError } from '../errors.ts';
import { archiveLimitsOf } from '../limits.ts';
import type { ReadOptions, SourceData } from '../types.ts';
import { decodeXml, fromToGeoJson, parseXml } from './xml.ts';

/** KML and GPX coordinates are WGS 84 lon/lat by their specifications. */
const wgs84 = { declaredSrid: 4326, crsOrigin: 'format', crsDescription: 'EPSG:4326 (WGS 84), que exige el formato' } as const;

/** Reads a KML document (Placemarks with ExtendedData) through @tmcw/togeojson. */
export function readKml(bytes: Uint8Array, file: string, options: ReadOptions, format: 'kml' | 'kmz' = 'kml'): SourceData {
  const { text, encoding } = decodeXml(bytes, options.encoding, path.basename(file));
  const document = parseXml(text, file);
  if (!document.getElementsByTagName('kml').length && !document.getElementsByTagName('Document').length) {
    throw new ImportError('malformed_file', `«${path.basename(file)}» es XML pero no KML.`);
  }
  const collection = kml(document);
  const features = collection.features.map((feature, index) => fromToGeoJson(feature, index + 1));
  return { format, features, ...wgs84, encoding, notes: [] };
}

/** Reads a KMZ: the zipped doc.kml (or the first .kml inside), inflated within the archive limits. */
export async function readKmz(file: string, options: ReadOptions): Promise<SourceData> {
  return withArchive(file, archiveLimitsOf(options), async (archive) => {
    const kmls = archive.entries.filter((entry) => /\.kml$/i.test(entry.name));
    const entry = kmls.find((candidate) => candidate.name.toLowerCase() === 'doc.kml') ?? kmls[0];
    if (!entry) throw new ImportError('malformed_file', `El KMZ «${path.basename(file)}» no contiene un archivo .kml.`);
    const data = readKml(await archive.read(entry), `${path.basename(file)}/${entry.name}`, options, 'kmz');
    if (kmls.length > 1) data.notes.push(`El KMZ contiene ${kmls.length} archivos .kml; se leyó «${entry.name}».`);
    return data;
  });
}

/** Reads a GPX file: waypoints as points, routes and tracks as lines. */
export function readGpx(bytes: Uint8Array, file: string, options: ReadOptions): SourceData {
  const { text, encoding } = decodeXml(bytes, options.encoding, path.basename(file));
  const document = parseXml(text, file);
  if (!document.getElementsByTagName('gpx').length) throw new ImportError('malformed_file', `«${path.basename(file)}» es XML pero no GPX.`);
  const collection = gpx(document);
  const features = collection.features.map((feature, index) => fromToGeoJson(feature, index + 1));
  return { format: 'gpx', features, ...wgs84, encoding, notes: [] };
}
