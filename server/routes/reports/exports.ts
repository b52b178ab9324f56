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
import { unknownText } from '../../figures/unknown.ts';
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

/** Projects whose tracking (status, progress, milestones, budget) has rows marked demo (migration 0011). */
export const demoTrackedSql = `select distinct codigo from (
  select codigo from proyecto_estados where demo union all select codigo from proyecto_avances where demo
  union all select codigo from proyecto_hitos where demo union all select codigo from proyecto_presupuestos where demo
) d order by codigo`;

/** What an export leaves out or carries that a reader must know, for the file's note and the answer's headers. */
export interface ExportNotice {
  /** Projects of the selection the format cannot hold (KML: those without location). */
  omitted: number;
  /** Codes of exported projects whose tracking includes demo data. */
  demo: string[];
}

/** The notice of an export in `format` of `rows`, given the codes of projects with demo tracking. */
export function exportNotice(rows: ExportRow[], format: string, demoTracked: ReadonlySet<string>): ExportNotice {
  return {
    omitted: format === 'kml' ? rows.filter((row) => !row.kml).length : 0,
    demo: rows.map((row) => String(row.codigo)).filter((codigo) => demoTracked.has(codigo)),
  };
}

/** The notice in Spanish, for the file itself (GeoJSON member, KML description, GeoPackage layer description); null when there is nothing to say. */
export function noticeText(notice: ExportNotice): string | null {
  const parts = [
    notice.omitted > 0
      ? `Quedan fuera ${notice.omitted} proyecto(s) sin ubicación: este formato solo admite objetos con geometría; la lista completa está en GeoJSON o CSV.`
      : null,
    notice.demo.length > 0
      ? `Incluye datos de demostración (estado, avance, hitos o presupuesto inventados, no son información de Vallenar) en ${notice.demo.length} proyecto(s): ${notice.demo.join(', ')}.`
      : null,
  ].filter((part): part is string => part !== null);
  return parts.length ? parts.join(' ') : null;
}

/** The notice as ASCII headers (a CSV has no place for a note): X-SIT-Excluye, X-SIT-Incluye-Demo. */
export function noticeHeaders(notice: ExportNotice): Record<string, string> {
  return {
    ...(notice.omitted > 0 ? { 'X-SIT-Excluye': `sin-ubicacion=${notice.omitted}` } : {}),
    ...(notice.demo.length > 0 ? { 'X-SIT-Incluye-Demo': `proyectos=${notice.demo.length}` } : {}),
  };
}

/** RFC 7946 FeatureCollection; unlocated projects have a null geometry. The notice, if any, is the foreign member `nota`. */
export function toGeoJson(rows: ExportRow[], note: string | null = null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    ...(note ? { nota: note } : {}),
    features: rows.map((row): Feature => ({
      type: 'Feature',
      id: String(row.codigo),
      properties: properties(row),
      geometry: row.geojson ? (JSON.parse(row.geojson) as Geometry) : (null as unknown as Geometry),
    })),
  };
}

/** Tracking figures SECPLA records: in a CSV, not recorded reads «sin información», never an empty cell a spreadsheet sums as 0. */
const recordedFigures = new Set([
  'estado',
  'avance_fisico',
  'presupuesto_estimado_clp',
  'presupuesto_aprobado_clp',
  'presupuesto_ejecutado_clp',
]);

const csvValue = (name: string, value: unknown) =>
  recordedFigures.has(name) && (value === null || value === undefined) ? unknownText : value;

/** CSV: the attributes, the geometry as WKT (EPSG:4326, lon lat) and a representative point. */
export function toProjectsCsv(rows: ExportRow[]): string {
  return csvTable(
    [...exportColumns, 'wkt', 'lon', 'lat'],
    rows.map((row) => [...exportColumns.map((name) => csvValue(name, row[name])), row.wkt, row.lon, row.lat]),
    { bom: false },
  );
}

/**
 * KML 2.2 document: one Placemark per located project, attributes as
 * ExtendedData; the notice (which projects KML cannot hold, demo data) in the
 * Document's description.
 */
export function toKml(rows: ExportRow[], title: string, note: string | null = null): string {
  const placemarks = rows
    .filter((row) => row.kml)
    .map((row) => {
      const data = exportColumns
        .filter((name) => row[name] !== null && row[name] !== undefined)
        .map((name) => `<Data name="${name}"><value>${escapeXml(String(row[name]))}</value></Data>`)
        .join('');
      return `<Placemark id="${escapeXml(String(row.codigo))}"><name>${escapeXml(String(row.nombre))}</name><ExtendedData>${data}</ExtendedData>${row.kml}</Placemark>`;
    });
  const description = note ? `<description>${escapeXml(note)}</description>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>${escapeXml(title)}</name>${description}\n${placemarks.join('\n')}\n</Document></kml>\n`;
}

const run = promisify(execFile);

/**
 * GeoPackage through GDAL's ogr2ogr; the notice, if any, is the layer's
 * description (gpkg_contents). A server without GDAL answers 501 with a
 * message saying so; other formats keep working.
 */
export async function toGeoPackage(collection: FeatureCollection, ogr2ogr: string, note: string | null = null): Promise<Buffer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sit-export-'));
  try {
    const input = path.join(dir, 'proyectos.geojson');
    const output = path.join(dir, 'proyectos.gpkg');
    await writeFile(input, JSON.stringify(collection));
    try {
      const description = note ? ['-lco', `DESCRIPTION=${note}`] : [];
      await run(ogr2ogr, ['-f', 'GPKG', '-nln', 'proyectos', '-a_srs', 'EPSG:4326', ...description, output, input], {
        timeout: 60_000,
      });
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
