import { badRequest } from '../errors.ts';
import type { SupportedCrs } from './crs.ts';

/** A box `[minX, minY, maxX, maxY]` in the x/y (easting/northing or lon/lat) order of its SRID. */
export type Box = readonly [number, number, number, number];

/**
 * A bbox filter ready for SQL: boxes in `srid` (x/y order), to be intersected
 * with the stored geometries after transformation to EPSG:4326. Two boxes
 * when a CRS84 bbox crosses the antimeridian; none when a projected bbox
 * lies wholly outside its CRS's area of use (nothing can match).
 */
export interface BboxFilter {
  srid: number;
  boxes: Box[];
}

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function parseNumbers(raw: string): number[] {
  const parts = raw.split(',');
  if (parts.length !== 4 && parts.length !== 6) {
    throw badRequest('invalid_parameter', 'El parámetro «bbox» debe tener 4 o 6 números separados por comas.', 'bbox');
  }
  return parts.map((part) => {
    const text = part.trim();
    const value = Number(text);
    if (!numberPattern.test(text) || !Number.isFinite(value)) {
      throw badRequest('invalid_parameter', `El parámetro «bbox» contiene un valor que no es un número finito: «${text}».`, 'bbox');
    }
    return value;
  });
}

/**
 * Parses an OGC `bbox` (4 or 6 numbers; with 6 the heights are ignored) given
 * in `crs` (the `bbox-crs`, CRS84 by default). Axis order follows the CRS:
 * EPSG:4326 boxes are read latitude first. A CRS84 box whose west edge is
 * east of its east edge spans the antimeridian and is split in two. Throws a
 * 400 ApiError for anything else that is not a box.
 */
export function parseBbox(raw: string, crs: SupportedCrs): BboxFilter {
  const numbers = parseNumbers(raw);
  const [a1 = 0, a2 = 0, a3 = 0, a4 = 0] = numbers.length === 6 ? [numbers[0], numbers[1], numbers[3], numbers[4]] : numbers;
  const [minX, minY, maxX, maxY] = crs.latitudeFirst ? [a2, a1, a4, a3] : [a1, a2, a3, a4];
  if (minY > maxY) {
    throw badRequest('invalid_parameter', 'En «bbox» el borde sur debe ser menor o igual que el borde norte.', 'bbox');
  }
  if (crs.projected) return projectedBox(crs, [minX, minY, maxX, maxY]);
  const outside = [minX, maxX].some((x) => x < -180 || x > 180) || [minY, maxY].some((y) => y < -90 || y > 90);
  if (outside) {
    throw badRequest(
      'invalid_parameter',
      'En «bbox» la longitud debe estar entre -180 y 180 y la latitud entre -90 y 90 (revise el orden de los ejes de «bbox-crs»).',
      'bbox',
    );
  }
  if (minX > maxX) {
    return {
      srid: 4326,
      boxes: [
        [minX, minY, 180, maxY],
        [-180, minY, maxX, maxY],
      ],
    };
  }
  return { srid: 4326, boxes: [[minX, minY, maxX, maxY]] };
}

function projectedBox(crs: SupportedCrs, [minX, minY, maxX, maxY]: Box): BboxFilter {
  if (minX > maxX) {
    throw badRequest('invalid_parameter', 'En «bbox» el borde oeste debe ser menor o igual que el borde este.', 'bbox');
  }
  const [boundMinX, boundMinY, boundMaxX, boundMaxY] = crs.bounds ?? [-Infinity, -Infinity, Infinity, Infinity];
  const clamped: Box = [Math.max(minX, boundMinX), Math.max(minY, boundMinY), Math.min(maxX, boundMaxX), Math.min(maxY, boundMaxY)];
  const empty = clamped[0] > clamped[2] || clamped[1] > clamped[3];
  return { srid: crs.srid, boxes: empty ? [] : [clamped] };
}
