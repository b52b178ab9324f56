import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeSrid } from '../crs.ts';
import { ImportError } from '../errors.ts';
import type { ReadOptions, SourceData } from '../types.ts';
import { readGeoJson } from './geojson.ts';

const run = promisify(execFile);

/** Runs a GDAL tool; a missing GDAL is a clear refusal, a GDAL error is passed on in its words. */
async function gdal(tool: string, args: string[], file: string): Promise<string> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: 2 ** 30, encoding: 'utf8' });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new ImportError(
        'gdal_missing',
        `Para leer GeoPackage se necesita GDAL (${path.basename(tool)} no está instalado o no se encuentra). ` +
          'Instálelo (Debian/Ubuntu: apt-get install gdal-bin) o exporte la capa a GeoJSON o Shapefile desde QGIS.',
      );
    }
    const output = `${failure.stderr ?? ''}\n${(failure as { stdout?: string }).stdout ?? ''}`;
    const errors = [...new Set([...output.matchAll(/^ERROR \d+: (.+)$/gm)].map((match) => match[1]))];
    const detail =
      errors.length > 0
        ? errors.join('; ')
        : /Unable to open datasource/.test(output)
          ? 'no se pudo abrir'
          : failure.message.split('\n')[0];
    throw new ImportError(
      'malformed_file',
      `GDAL no pudo leer «${path.basename(file)}»: el archivo está dañado o incompleto, o no es un GeoPackage (${detail}).`,
    );
  }
}

/** Layers of a GeoPackage with their geometry type, from `ogrinfo -q` ("1: name (Point)"). */
function layers(listing: string): { name: string; type: string }[] {
  return [...listing.matchAll(/^\d+: (.+?)(?: \(([^)]*)\))?$/gm)].map((match) => ({ name: match[1] ?? '', type: match[2] ?? 'None' }));
}

/**
 * Reads one layer of a GeoPackage through GDAL: ogrinfo lists the layers and
 * the layer's CRS, ogr2ogr writes it as GeoJSON in its own coordinates (the
 * transformation to EPSG:4326 is done by PostGIS like for every format).
 */
export async function readGeoPackage(file: string, options: ReadOptions): Promise<SourceData> {
  const ogr2ogr = options.ogr2ogrPath ?? 'ogr2ogr';
  const ogrinfo = path.join(path.dirname(ogr2ogr), path.basename(ogr2ogr).replace(/ogr2ogr/, 'ogrinfo'));
  const spatial = layers(await gdal(ogrinfo, ['-ro', '-q', file], file)).filter((layer) => layer.type !== 'None');
  const wanted = options.sourceLayer;
  const layer = wanted ? spatial.find((candidate) => candidate.name === wanted) : spatial[0];
  if (!layer || (!wanted && spatial.length > 1)) {
    const list = spatial.map((candidate) => `${candidate.name} (${candidate.type})`).join(', ') || 'ninguna';
    throw new ImportError(
      spatial.length === 0 ? 'no_features' : 'ambiguous_source',
      wanted
        ? `El GeoPackage no tiene la capa «${wanted}». Capas con geometría: ${list}.`
        : spatial.length === 0
          ? `El GeoPackage «${path.basename(file)}» no tiene capas con geometría.`
          : `El GeoPackage tiene varias capas con geometría (${list}); indique cuál con --source-layer.`,
    );
  }
  const summary = await gdal(ogrinfo, ['-ro', '-so', file, layer.name], file);
  const unknownSrs = /Layer SRS WKT:\s*\n\(unknown\)/.test(summary);
  const json = await gdal(ogr2ogr, ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '/vsistdout/', file, layer.name], file);
  const data = readGeoJson(new TextEncoder().encode(json), file, {});
  const srid = unknownSrs ? null : data.declaredSrid;
  return {
    ...data,
    format: 'geopackage',
    declaredSrid: srid,
    ...(srid === null
      ? { crsOrigin: undefined }
      : { crsOrigin: 'geopackage' as const, crsDescription: `${describeSrid(srid)}, según el GeoPackage` }),
    encoding: undefined,
    notes: [`Se leyó la capa «${layer.name}» del GeoPackage con GDAL.`],
  };
}
