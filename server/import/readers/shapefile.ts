import path from 'node:path';
import type { Feature, Geometry } from 'geojson';
import * as shapefile from 'shapefile';
import { describeSrid, sridFromWkt } from '../crs.ts';
import { detectEncoding, encodingLabel } from '../encoding.ts';
import { ImportError } from '../errors.ts';
import { archiveLimitsOf } from '../limits.ts';
import type { ReadOptions, SourceData, SourceFeature } from '../types.ts';
import { checkDbf, checkShp, dbfFieldNames, dbfRecords, type DbfHeader } from './shapefile-check.ts';
import { shapefileFromDisk, shapefileFromZip, type ShapefileParts } from './shapefile-files.ts';

/**
 * The encoding of the .dbf, in this order: `--encoding`; the .cpg; UTF-8 when
 * the text bytes are valid UTF-8; a DOS code page named in the header is
 * refused; otherwise windows-1252 (what ArcView-era municipal files use).
 */
function dbfEncoding(parts: ShapefileParts, header: DbfHeader | null, forced?: string): NonNullable<SourceData['encoding']> {
  if (forced) return { name: encodingLabel(forced, '--encoding'), origin: 'flag' };
  if (parts.cpg) return { name: encodingLabel(parts.cpg, '.cpg'), origin: 'cpg' };
  if (!parts.dbf || !header) return { name: 'utf-8', origin: 'utf-8' };
  const text = new Uint8Array([...dbfFieldNames(parts.dbf, header), ...dbfRecords(parts.dbf, header)]);
  const guess = detectEncoding(text);
  if (guess === 'utf-8') return { name: 'utf-8', origin: text.some((byte) => byte >= 0x80) ? 'detected' : 'utf-8' };
  if (header.languageDriver === 0x01 || header.languageDriver === 0x02) {
    throw new ImportError(
      'malformed_file',
      `La tabla .dbf declara una página de códigos DOS (${header.languageDriver === 0x01 ? '437' : '850'}), que no está soportada. ` +
        'Si sabe que está en Latin-1, indique --encoding ISO-8859-1; si no, conviértala a UTF-8 con ogr2ogr.',
    );
  }
  const fromHeader = header.languageDriver === 0x57 || header.languageDriver === 0x03;
  return { name: 'windows-1252', origin: fromHeader ? 'dbf-header' : 'detected' };
}

/** The CRS of the .prj, or why it is missing or unknown. */
function prjCrs(parts: ShapefileParts): Pick<SourceData, 'declaredSrid' | 'crsOrigin' | 'crsDescription' | 'unrecognisedCrs'> {
  if (!parts.prj) return { declaredSrid: null };
  const srid = sridFromWkt(parts.prj);
  const name = /^\s*[A-Z]+\s*\[\s*"([^"]*)"/i.exec(parts.prj)?.[1] ?? parts.prj.slice(0, 60);
  if (srid === null) return { declaredSrid: null, unrecognisedCrs: name };
  return { declaredSrid: srid, crsOrigin: 'prj', crsDescription: `${describeSrid(srid)}, según el .prj («${name}»)` };
}

/**
 * Reads a shapefile given as a .shp (companions beside it) or a .zip. Checks
 * that .shp and .dbf are whole and agree before parsing, then reads every
 * record with the `shapefile` package and the chosen .dbf encoding.
 */
export async function readShapefile(file: string, options: ReadOptions): Promise<SourceData> {
  // detectFormat said "shapefile": a .shp is one on disk, anything else a .zip holding one.
  const zipped = path.extname(file).toLowerCase() !== '.shp';
  const parts = zipped ? await shapefileFromZip(file, archiveLimitsOf(options), options.sourceLayer) : await shapefileFromDisk(file);
  const shpRecords = checkShp(parts);
  const header = parts.dbf ? checkDbf(parts.dbf, parts.name) : null;
  const notes: string[] = [];
  if (!parts.dbf) notes.push(`No se encontró el .dbf de «${parts.name}»: los elementos no traen atributos.`);
  if (header && header.records !== shpRecords) {
    throw new ImportError(
      'malformed_file',
      `«${parts.name}» tiene ${shpRecords} geometrías y su .dbf ${header.records} registros: no corresponden (¿archivos de distintas versiones?).`,
    );
  }
  const encoding = dbfEncoding(parts, header, options.encoding);
  const copy = (array: Uint8Array) => new Uint8Array(array);
  let source: shapefile.Source<Feature>;
  try {
    source = await shapefile.open(copy(parts.shp), parts.dbf ? copy(parts.dbf) : undefined, { encoding: encoding.name });
  } catch (error) {
    throw new ImportError('malformed_file', `No se pudo leer «${parts.name}»: ${(error as Error).message}.`);
  }
  const features: SourceFeature[] = [];
  for (let number = 1; ; number += 1) {
    const record = await source.read().catch((error: Error) => {
      throw new ImportError('malformed_file', `«${parts.name}» tiene un registro ilegible (${number}): ${error.message}.`);
    });
    if (record.done) break;
    const feature = record.value;
    features.push({ number, geometry: (feature.geometry as Geometry | null) ?? null, properties: { ...(feature.properties ?? {}) } });
  }
  if (features.length !== shpRecords) {
    throw new ImportError(
      'malformed_file',
      `«${parts.name}»: se leyeron ${features.length} de ${shpRecords} registros; el archivo está dañado.`,
    );
  }
  return {
    format: 'shapefile',
    features,
    ...prjCrs(parts),
    encoding,
    truncatedNames: true,
    notes: [...notes, ...(zipped ? [`Se leyó «${parts.name}» desde el .zip.`] : [])],
  };
}
