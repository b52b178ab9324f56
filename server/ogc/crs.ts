/** WGS 84 longitude/latitude: the default CRS of OGC API – Features and how the SIT stores geometries. */
export const crs84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
/** WGS 84 longitude/latitude/ellipsoidal height: the default CRS of a bbox with six numbers. */
export const crs84h = 'http://www.opengis.net/def/crs/OGC/0/CRS84h';

/** A coordinate reference system the API can serve (OGC API – Features Part 2). */
export interface SupportedCrs {
  uri: string;
  srid: number;
  /**
   * Axis order is latitude first. True for EPSG:4326 as defined by EPSG:
   * Part 2 requires coordinates in the CRS's own axis order, so these are
   * served with ST_FlipCoordinates and bbox values are read lat/lon.
   */
  latitudeFirst: boolean;
  /** Projected (metres): bbox values are clamped to `bounds` before being transformed. */
  projected: boolean;
  /** Decimal digits kept in served coordinates: 7 for degrees (~1 cm), 2 for metres (1 cm). */
  digits: number;
  /** Projected bounds of the CRS's area of use (EPSG), in its own units; PROJ refuses points far outside them. */
  bounds?: readonly [number, number, number, number];
}

/** Every CRS the SIT serves, CRS84 first (the default and the storage CRS). */
export const supportedCrs: readonly SupportedCrs[] = [
  { uri: crs84, srid: 4326, latitudeFirst: false, projected: false, digits: 7 },
  { uri: 'http://www.opengis.net/def/crs/EPSG/0/4326', srid: 4326, latitudeFirst: true, projected: false, digits: 7 },
  {
    // WGS 84 / UTM zone 19S, the metric CRS of the comuna.
    uri: 'http://www.opengis.net/def/crs/EPSG/0/32719',
    srid: 32719,
    latitudeFirst: false,
    projected: true,
    digits: 2,
    bounds: [166021.44, 1116915.04, 833978.56, 10000000],
  },
  {
    // WGS 84 / Pseudo-Mercator, the CRS of web map tiles.
    uri: 'http://www.opengis.net/def/crs/EPSG/0/3857',
    srid: 3857,
    latitudeFirst: false,
    projected: true,
    digits: 2,
    bounds: [-20037508.34, -20048966.1, 20037508.34, 20048966.1],
  },
];

export const supportedCrsUris: readonly string[] = supportedCrs.map((crs) => crs.uri);

/** The CRS with this URI, or undefined. CRS84h is accepted as CRS84 (heights are ignored). */
export function findCrs(uri: string): SupportedCrs | undefined {
  return supportedCrs.find((crs) => crs.uri === (uri === crs84h ? crs84 : uri));
}

/** The default CRS (CRS84). */
export const defaultCrs: SupportedCrs = supportedCrs[0] as SupportedCrs;

/** SQL expression of a stored (EPSG:4326, lon/lat) geometry expressed in `crs`, axis order included. */
export function geometryInCrs(geometrySql: string, crs: SupportedCrs): string {
  if (crs.latitudeFirst) return `ST_FlipCoordinates(${geometrySql})`;
  if (crs.srid !== 4326) return `ST_Transform(${geometrySql}, ${Number(crs.srid)})`;
  return geometrySql;
}

/** The `Content-Crs` header value: the CRS URI in angle brackets. */
export function contentCrs(crs: SupportedCrs): string {
  return `<${crs.uri}>`;
}
