import type { Geometry } from 'geojson';
import { allLookLikeDegrees, samplePosition } from './coordinates.ts';
import { describeSrid } from './crs.ts';
import { ImportError } from './errors.ts';
import type { CrsOrigin, SourceData } from './types.ts';

export interface ResolvedCrs {
  srid: number;
  origin: CrsOrigin;
  description: string;
  notes: string[];
}

const utmChoices = '32719 (WGS 84 / UTM 19S), 5361 (SIRGAS-Chile / UTM 19S) o 24879 (PSAD56 / UTM 19S)';

/** Origins that only presume a CRS (RFC 7946's default, lon/lat column names): `--srid` may overrule them. */
const presumed: ReadonlySet<CrsOrigin | undefined> = new Set<CrsOrigin | undefined>(['rfc7946', 'column-names']);

/**
 * Decides the CRS of the source coordinates. The file's own declaration (a
 * .prj, a GeoJSON `crs` member, KML/GPX's WGS 84, the GeoPackage's SRS) wins
 * and a contradicting `--srid` is refused; `--srid` fills a file that says
 * nothing. With neither, degrees are taken as WGS 84 (said in the report) and
 * metres are refused: the datum of UTM metres cannot be guessed (PSAD56 and
 * WGS 84 differ by ~420 m in Vallenar).
 */
export function resolveCrs(data: SourceData, flagSrid: number | undefined): ResolvedCrs {
  const declared = data.declaredSrid;
  const geometries = data.features.map((feature) => feature.geometry).filter((geometry): geometry is Geometry => geometry !== null);
  if (flagSrid !== undefined) {
    if (declared === null) {
      const notes = data.unrecognisedCrs
        ? [`El .prj declara «${data.unrecognisedCrs}», que no se reconoce; se usó --srid ${flagSrid}.`]
        : [];
      return { srid: flagSrid, origin: 'flag', description: `${describeSrid(flagSrid)}, indicado con --srid`, notes };
    }
    if (declared === flagSrid) {
      return { srid: declared, origin: data.crsOrigin ?? 'flag', description: data.crsDescription ?? describeSrid(declared), notes: [] };
    }
    if (presumed.has(data.crsOrigin)) {
      const presumption = data.crsOrigin === 'rfc7946' ? 'GeoJSON (RFC 7946) supone EPSG:4326' : 'las columnas lon/lat sugieren EPSG:4326';
      return {
        srid: flagSrid,
        origin: 'flag',
        description: `${describeSrid(flagSrid)}, indicado con --srid`,
        notes: [`${presumption}; se usó ${describeSrid(flagSrid)} porque así lo indicó --srid.`],
      };
    }
    throw new ImportError(
      'crs_conflict',
      `El archivo declara ${data.crsDescription ?? describeSrid(declared)}, pero --srid indica ${describeSrid(flagSrid)}. ` +
        'No se importa con una contradicción: quite --srid o corrija la declaración del archivo.',
    );
  }
  if (declared !== null) {
    return { srid: declared, origin: data.crsOrigin ?? 'prj', description: data.crsDescription ?? describeSrid(declared), notes: [] };
  }
  if (data.unrecognisedCrs) {
    throw new ImportError(
      'crs_unknown',
      `El .prj declara el sistema «${data.unrecognisedCrs}», que no se reconoce. Indique su código EPSG con --srid, por ejemplo ${utmChoices}.`,
    );
  }
  if (allLookLikeDegrees(geometries)) {
    return {
      srid: 4326,
      origin: 'assumed',
      description: 'EPSG:4326 (WGS 84), supuesto: el archivo no declara sistema y sus coordenadas son grados',
      notes: [
        'El archivo no declara su sistema de referencia; se supuso WGS 84 (EPSG:4326). Si está en PSAD56 geográfico use --srid 4248.',
      ],
    };
  }
  throw new ImportError(
    'crs_unknown',
    `El archivo no declara su sistema de referencia y sus coordenadas ${samplePosition(geometries)} no son grados: parecen metros (UTM). ` +
      `Indique el sistema con --srid: ${utmChoices}.`,
  );
}
