import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { csvTable } from '../../analysis/csv.ts';
import { findLayer } from '../../catalog/index.ts';
import { quoteIdent } from '../../db/sql.ts';
import { ApiError } from '../../errors.ts';
import { escapeXml } from './bar-chart.ts';
import type { ExportQueryType } from './schemas.ts';

/** Attributes exported for each project (columns of the view proyectos_plan). */
/**
 * Every public property of the `proyectos` collection, in catalogue order:
 * an export carries what the API serves (the whole lineage included), and
 * the catalogue stays the only list of the view's columns.
 */
export const exportColumns: readonly string[] = (() => {
  const layer = findLayer('proyectos');
  if (!layer) throw new Error('La colección «proyectos» no está en el catálogo.');
  return layer.properties.map((property) => property.name);
})();

/**
 * The filtered selection: $1 lineamiento, $2 programa, $3 estado, $4 located
 * (each null = no filter). Geometry at full precision (15 decimals), WKT, a
 * point on the surface as lon/lat (CRS84) and the KML geometry.
 */
export const exportSql = `select ${exportColumns.map(quoteIdent).join(', ')},
  ST_AsGeoJSON(geom, 15)::text as geojson, ST_AsText(geom) as wkt,
  ST_X(ST_PointOnSurface(geom)) as lon, ST_Y(ST_PointOnSurface(geom)) as lat,
  ST_AsKML(geom, 15) as kml
from proyectos_plan
where ($1::text is null or lineamiento_codigo = $1)
  and ($2::text is null or programa_codigo = $2)
  and ($3::text is null or estado = $3)
  and ($4::boolean is null or (geom is not null) = $4)
order by codigo`;

export type ExportRow = Record<string, unknown> & {
  geojson: string | null;
  wkt: string | null;
  lon: number | null;
  lat: number | null;
  kml: string | null;
};

export const exportParams = (query: ExportQueryType) => [
  query.lineamiento ?? null,
  query.programa ?? null,
  query.estado ?? null,
  query.ubicados ?? null,
];

const properties = (row: ExportRow) => Object.fromEntries(exportColumns.map((name) => [name, row[name] ?? null]));

/** RFC 7946 FeatureCollection; unlocated projects have a null geometry. */
export function toGeoJson(rows: ExportRow[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: rows.map((row): Feature => ({
      type: 'Feature',
      id: String(row.codigo),
      properties: properties(row),
      geometry: row.geojson ? (JSON.parse(row.geojson) as Geometry) : (null as unknown as Geometry),
    })),
  };
}

/** CSV: the attributes, the geometry as WKT (EPSG:4326, lon lat) and a representative point. */
export function toProjectsCsv(rows: ExportRow[]): string {
  return csvTable(
    [...exportColumns, 'wkt', 'lon', 'lat'],
    rows.map((row) => [...exportColumns.map((name) => row[name]), row.wkt, row.lon, row.lat]),
    { bom: false },
  );
}

/** KML 2.2 document: one Placemark per located project, attributes as ExtendedData. */
export function toKml(rows: ExportRow[], title: string): string {
  const placemarks = rows
    .filter((row) => row.kml)
    .map((row) => {
      const data = exportColumns
        .filter((name) => row[name] !== null && row[name] !== undefined)
        .map((name) => `<Data name="${name}"><value>${escapeXml(String(row[name]))}</value></Data>`)
        .join('');
      return `<Placemark id="${escapeXml(String(row.codigo))}"><name>${escapeXml(String(row.nombre))}</name><ExtendedData>${data}</ExtendedData>${row.kml}</Placemark>`;
    });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(title)}</name>\n${placemarks.join('\n')}\n</Document></kml>\n`;
}

const run = promisify(execFile);

/**
 * GeoPackage through GDAL's ogr2ogr. A server without GDAL answers 501 with
 * a message saying so; other formats keep working.
 */
export async function toGeoPackage(collection: FeatureCollection, ogr2ogr: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sit-export-'));
  try {
    const input = path.join(dir, 'proyectos.geojson');
    const output = path.join(dir, 'proyectos.gpkg');
    await writeFile(input, JSON.stringify(collection));
    try {
      await run(ogr2ogr, ['-f', 'GPKG', '-nln', 'proyectos', '-a_srs', 'EPSG:4326', output, input], { timeout: 60_000 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new ApiError(
          501,
          'format_unavailable',
          'La exportación a GeoPackage requiere GDAL (ogr2ogr), que no está instalado en este servidor; use geojson, csv o kml.',
          'formato',
        );
      }
      throw error;
    }
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
