import { ImportError } from './errors.ts';

/** A coordinate reference system the importer knows by name. */
export interface KnownCrs {
  srid: number;
  name: string;
  geographic: boolean;
}

/**
 * The systems Vallenar's files come in. SIRGAS-Chile and WGS 84 differ by
 * about a metre; PSAD56 differs by ~420 m and needs PROJ's datum shift.
 */
export const knownCrs: readonly KnownCrs[] = [
  { srid: 4326, name: 'WGS 84 (lon/lat)', geographic: true },
  { srid: 32719, name: 'WGS 84 / UTM 19S', geographic: false },
  { srid: 5361, name: 'SIRGAS-Chile / UTM 19S', geographic: false },
  { srid: 5360, name: 'SIRGAS-Chile (lon/lat)', geographic: true },
  { srid: 4674, name: 'SIRGAS 2000 (lon/lat)', geographic: true },
  { srid: 31979, name: 'SIRGAS 2000 / UTM 19S', geographic: false },
  { srid: 31978, name: 'SIRGAS 2000 / UTM 18S', geographic: false },
  { srid: 24879, name: 'PSAD56 / UTM 19S', geographic: false },
  { srid: 4248, name: 'PSAD56 (lon/lat)', geographic: true },
  { srid: 32718, name: 'WGS 84 / UTM 18S', geographic: false },
  { srid: 24878, name: 'PSAD56 / UTM 18S', geographic: false },
  { srid: 5362, name: 'SIRGAS-Chile / UTM 18S', geographic: false },
  { srid: 3857, name: 'WGS 84 / Pseudo-Mercator', geographic: false },
];

export function describeSrid(srid: number): string {
  const known = knownCrs.find((crs) => crs.srid === srid);
  return known ? `EPSG:${srid} (${known.name})` : `EPSG:${srid}`;
}

/** Whether coordinates in this system are degrees. Unknown codes are taken as projected. */
export function isGeographic(srid: number): boolean {
  return knownCrs.find((crs) => crs.srid === srid)?.geographic ?? false;
}

/** Lower-case letters and digits only, so that `WGS_1984_UTM_Zone_19S` and `WGS 84 / UTM zone 19S` compare equal. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** The first quoted name of a WKT element (`PROJCS["name"`, `PROJCRS["name"`, `GEOGCS["name"`). */
function wktName(wkt: string, keyword: RegExp): string | null {
  const match = keyword.exec(wkt);
  return match?.[1] ?? null;
}

/** Which datum a projected CRS name or its DATUM name points to. */
function datumFamily(name: string, datum: string): 'psad56' | 'sirgasChile' | 'sirgas2000' | 'wgs84' | null {
  if (name.startsWith('psad') || datum.includes('provisionals') || datum.includes('psad')) return 'psad56';
  if (name.startsWith('sirgaschile') || datum.includes('sirgaschile')) return 'sirgasChile';
  if (name.startsWith('sirgas2000') || datum.includes('sirgas2000') || datum.includes('sirgas')) return 'sirgas2000';
  if (name.startsWith('wgs') || datum.includes('wgs1984') || datum.includes('worldgeodeticsystem1984')) return 'wgs84';
  return null;
}

/**
 * The EPSG code of a .prj (ESRI WKT1 or OGC WKT), from an explicit EPSG
 * authority or from the names ArcGIS, QGIS and GDAL write. Null when the
 * WKT names nothing we recognise.
 */
export function sridFromWkt(wkt: string): number | null {
  const text = wkt.trim();
  const projected = wktName(text, /^\s*(?:PROJCS|PROJCRS)\s*\[\s*"([^"]*)"/i);
  const authority =
    /AUTHORITY\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]\s*\]\s*$/i.exec(text) ?? /ID\s*\[\s*"EPSG"\s*,\s*(\d+)\s*\]\s*\]\s*$/i.exec(text);
  if (authority?.[1]) return Number(authority[1]);
  if (projected) {
    const name = squash(projected);
    const zone = /utm(?:zone)?(\d+)(?:s|south|southernhemisphere)$/.exec(name)?.[1];
    if (!zone) return /pseudomercator|webmercator/.test(name) ? 3857 : null;
    const datum = squash(wktName(text, /(?:DATUM)\s*\[\s*"([^"]*)"/i) ?? '');
    const family = datumFamily(name, datum);
    const codes: Record<string, Record<string, number>> = {
      wgs84: { '18': 32718, '19': 32719 },
      sirgasChile: { '18': 5362, '19': 5361 },
      sirgas2000: { '18': 31978, '19': 31979 },
      psad56: { '18': 24878, '19': 24879 },
    };
    return family ? (codes[family]?.[zone] ?? null) : null;
  }
  const geographic = squash(wktName(text, /^\s*(?:GEOGCS|GEOGCRS)\s*\[\s*"([^"]*)"/i) ?? '');
  if (!geographic) return null;
  if (/^(gcswgs1984|wgs84|wgs1984)$/.test(geographic)) return 4326;
  if (/^(gcspsad1956|psad56|psad1956|gcsprovisionalsamerican1956|provisionalsouthamerican1956)$/.test(geographic)) return 4248;
  if (/^(gcssirgaschile|sirgaschile|sirgaschile2002)$/.test(geographic)) return 5360;
  if (/^(gcssirgas2000|sirgas2000)$/.test(geographic)) return 4674;
  return null;
}

/**
 * The EPSG code of a GeoJSON 2008 `crs` member. A named CRS we can read is
 * honoured; any other form is refused: never guessed, never ignored.
 */
export function sridFromCrsMember(crs: unknown): number {
  const member = crs as { type?: unknown; properties?: { name?: unknown } } | null;
  const name = member && member.type === 'name' && typeof member.properties?.name === 'string' ? member.properties.name : null;
  if (!name) {
    throw new ImportError(
      'crs_unsupported',
      'El archivo GeoJSON trae un miembro «crs» que no es de tipo «name» (por ejemplo un enlace). ' +
        'RFC 7946 eliminó ese miembro: exporte el archivo en EPSG:4326 sin «crs», o quítelo e indique --srid.',
    );
  }
  if (/^urn:ogc:def:crs:OGC:(1\.3)?:CRS84$/i.test(name) || /^urn:ogc:def:crs:OGC::CRS84$/i.test(name)) return 4326;
  const epsg = /^(?:urn:ogc:def:crs:EPSG:[\d.]*:|EPSG:|http:\/\/www\.opengis\.net\/def\/crs\/EPSG\/0\/)(\d+)$/i.exec(name.trim());
  if (epsg?.[1]) return Number(epsg[1]);
  throw new ImportError(
    'crs_unsupported',
    `El archivo GeoJSON declara el sistema de referencia «${name}», que no se reconoce. ` +
      'Exporte el archivo en EPSG:4326 (RFC 7946) o quite el miembro «crs» e indique --srid.',
  );
}
