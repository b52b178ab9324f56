import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describeSrid, sridFromWkt } from '../crs.ts';
import { ImportError } from '../errors.ts';
import { maxTextBytes } from '../limits.ts';
import type { ReadOptions, SourceData } from '../types.ts';
import { readGeoJson } from './geojson.ts';
import { tooLongText } from './text.ts';

const run = promisify(execFile);

/** Runs ogr2ogr; a missing GDAL is a clear refusal, a GDAL error is passed on in its words. */
async function ogr2ogr(tool: string, args: string[], file: string): Promise<Buffer> {
  try {
    const { stdout } = await run(tool, args, { maxBuffer: maxTextBytes, encoding: 'buffer' });
    return stdout;
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer; stdout?: Buffer };
    if (failure.code === 'ENOENT') {
      throw new ImportError(
        'gdal_missing',
        `Para leer GeoPackage se necesita GDAL (${path.basename(tool)} no está instalado o no se encuentra). ` +
          'Instálelo (Debian/Ubuntu: apt-get install gdal-bin) o exporte la capa a GeoJSON o Shapefile desde QGIS.',
      );
    }
    if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') throw tooLongText(path.basename(file), maxTextBytes + 1);
    const output = `${failure.stderr?.toString('utf8') ?? ''}\n${failure.stdout?.toString('utf8').slice(0, 4096) ?? ''}`;
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

/** One table of the GeoPackage's contents, as its own metadata tables describe it. */
interface ContentsRow {
  table_name: string;
  data_type: string;
  identifier: string | null;
  geometry_type_name: string | null;
  srs_id: number | null;
  organization: string | null;
  organization_coordsys_id: number | null;
  definition: string | null;
}

/**
 * The GeoPackage's own catalogue (OGC 12-128r18, §1.1.3 and §2.1.5): every
 * table of `gpkg_contents` with its geometry column and CRS. A `features`
 * table is spatial whatever its geometry type, GEOMETRY included.
 */
const contentsSql = `select c.table_name, c.data_type, c.identifier, g.geometry_type_name, g.srs_id,
  s.organization, s.organization_coordsys_id, s.definition
from gpkg_contents c
left join gpkg_geometry_columns g on g.table_name = c.table_name
left join gpkg_spatial_ref_sys s on s.srs_id = g.srs_id
order by c.rowid`;

/** The tables of a GeoPackage, read through GDAL as GeoJSON (structured output, GDAL 3.6 has no `ogrinfo -json`). */
async function contents(tool: string, file: string): Promise<ContentsRow[]> {
  const json = await ogr2ogr(tool, ['-f', 'GeoJSON', '/vsistdout/', file, '-sql', contentsSql], file);
  try {
    const collection = JSON.parse(json.toString('utf8')) as { features?: { properties: ContentsRow }[] };
    return (collection.features ?? []).map((feature) => feature.properties);
  } catch {
    throw new ImportError('malformed_file', `«${path.basename(file)}» no tiene un catálogo de GeoPackage legible (gpkg_contents).`);
  }
}

/** The EPSG code of a layer's CRS: the GeoPackage names it, or its WKT is recognised; undefined CRSs (-1, 0) have none. */
function sridOf(layer: ContentsRow): number | null {
  if (layer.srs_id === null || layer.srs_id <= 0) return null;
  if (layer.organization?.toUpperCase() === 'EPSG' && layer.organization_coordsys_id) return layer.organization_coordsys_id;
  return layer.definition ? sridFromWkt(layer.definition) : null;
}

const describe = (layer: ContentsRow) =>
  `${layer.table_name} (${layer.geometry_type_name ?? 'GEOMETRY'}${layer.identifier && layer.identifier !== layer.table_name ? `, «${layer.identifier}»` : ''})`;

/** A SQLite identifier in double quotes. */
const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Reads one layer of a GeoPackage through GDAL: the GeoPackage's own
 * catalogue (gpkg_contents, gpkg_geometry_columns, gpkg_spatial_ref_sys)
 * says which tables hold features and in which CRS, and ogr2ogr writes the
 * chosen table as GeoJSON in its own coordinates (the transformation to
 * EPSG:4326 is done by PostGIS like for every format). A layer is named by
 * its table, whatever title it carries.
 */
export async function readGeoPackage(file: string, options: ReadOptions): Promise<SourceData> {
  const tool = options.ogr2ogrPath ?? 'ogr2ogr';
  const spatial = (await contents(tool, file)).filter((layer) => layer.data_type === 'features');
  const wanted = options.sourceLayer;
  const layer = wanted ? spatial.find((candidate) => candidate.table_name === wanted) : spatial[0];
  if (!layer || (!wanted && spatial.length > 1)) {
    const list = spatial.map(describe).join(', ') || 'ninguna';
    throw new ImportError(
      spatial.length === 0 ? 'no_features' : 'ambiguous_source',
      wanted
        ? `El GeoPackage no tiene la capa «${wanted}». Capas con geometría: ${list}.`
        : spatial.length === 0
          ? `El GeoPackage «${path.basename(file)}» no tiene capas con geometría.`
          : `El GeoPackage tiene varias capas con geometría (${list}); indique cuál con --source-layer.`,
    );
  }
  const json = await ogr2ogr(
    tool,
    ['-f', 'GeoJSON', '-lco', 'RFC7946=NO', '/vsistdout/', file, '-sql', `select * from ${quoted(layer.table_name)}`],
    file,
  );
  const data = readGeoJson(new Uint8Array(json.buffer, json.byteOffset, json.byteLength), file, {});
  const srid = sridOf(layer);
  return {
    ...data,
    format: 'geopackage',
    declaredSrid: srid,
    ...(srid === null
      ? { crsOrigin: undefined, crsDescription: undefined }
      : { crsOrigin: 'geopackage' as const, crsDescription: `${describeSrid(srid)}, según el GeoPackage` }),
    encoding: undefined,
    notes: [`Se leyó la capa «${layer.table_name}» del GeoPackage con GDAL.`],
  };
}
