/**
 * The WebMercatorQuad tile matrix set (OGC 17-083r4, EPSG:3857) and the
 * constants every tile shares. Tile addresses follow the OGC order
 * tileMatrix/tileRow/tileCol, which is z/y/x of the XYZ scheme.
 */

export const tileMatrixSetId = 'WebMercatorQuad';
export const tileMatrixSetUri = 'http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad';
export const webMercatorCrs = 'http://www.opengis.net/def/crs/EPSG/0/3857';

/** Units per tile side in the vector tiles (MVT `extent`). */
export const tileExtent = 4096;
/** Tile units kept around each tile so that lines and labels join across tile edges. */
export const tileBuffer = 64;
/** Deepest zoom served; deeper views are over-zoomed by the client. */
export const maxZoom = 22;
/** Zooms the tile matrix set defines (the OGC definition goes to 24; we serve up to `maxZoom`). */
const definedZooms = 24;

/** Half the side of the Web Mercator square, metres (EPSG:3857). */
export const originShift = 20037508.3427892;
/** Latitude where the Web Mercator square ends, degrees. */
export const maxLatitude = 85.0511287798066;

/** Side of a 256-pixel tile matrix cell at zoom 0, metres. */
const cellSizeAtZoom0 = (2 * originShift) / 256;
/** Standardised rendering pixel size (0.28 mm), used to turn cell sizes into scale denominators. */
const standardPixelSize = 0.00028;

export interface TileMatrix {
  id: string;
  scaleDenominator: number;
  cellSize: number;
  cornerOfOrigin: 'topLeft';
  pointOfOrigin: [number, number];
  tileWidth: number;
  tileHeight: number;
  matrixWidth: number;
  matrixHeight: number;
}

function tileMatrix(zoom: number): TileMatrix {
  const cellSize = cellSizeAtZoom0 / 2 ** zoom;
  return {
    id: String(zoom),
    scaleDenominator: cellSize / standardPixelSize,
    cellSize,
    cornerOfOrigin: 'topLeft',
    pointOfOrigin: [-originShift, originShift],
    tileWidth: 256,
    tileHeight: 256,
    matrixWidth: 2 ** zoom,
    matrixHeight: 2 ** zoom,
  };
}

/** The tile matrix set definition in the OGC Two Dimensional Tile Matrix Set 2.0 JSON encoding. */
export function tileMatrixSetDefinition() {
  return {
    id: tileMatrixSetId,
    title: 'Google Maps Compatible for the World',
    uri: tileMatrixSetUri,
    crs: webMercatorCrs,
    orderedAxes: ['X', 'Y'],
    wellKnownScaleSet: 'http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible',
    tileMatrices: Array.from({ length: definedZooms + 1 }, (_, zoom) => tileMatrix(zoom)),
  };
}

/** Every tile of zooms `minZoom`..`maxZoom` (the OGC `tileMatrixSetLimits` of a tileset). */
export function tileMatrixSetLimits(minZoom: number) {
  return Array.from({ length: maxZoom - minZoom + 1 }, (_, index) => {
    const zoom = minZoom + index;
    const last = 2 ** zoom - 1;
    return { tileMatrix: String(zoom), minTileRow: 0, maxTileRow: last, minTileCol: 0, maxTileCol: last };
  });
}
