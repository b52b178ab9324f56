import type { Geometry, Position } from 'geojson';
import { describeSrid, isGeographic } from './crs.ts';
import { positions, type GeometryRejection } from './geometry-shape.ts';

/** Bounding box of the comuna of Vallenar in EPSG:4326 (from the official limit: lon −71.20…−70.00, lat −29.36…−28.01). */
export const comunaBbox = { west: -71.2, south: -29.36, east: -70.0, north: -28.01 } as const;

/** A box in the source CRS: the comuna with a margin, to tell swapped axes from places merely outside. */
export interface RegionBox {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** UTM systems: eastings 0…1,000,000 m, southern northings 0…10,000,000 m. */
const utmSrids = new Set([32718, 32719, 5361, 5362, 24878, 24879, 31978, 31979]);

interface Bounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function bounds(points: Position[]): Bounds {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x = Number.NaN, y = Number.NaN] of points) {
    box.minX = Math.min(box.minX, x);
    box.maxX = Math.max(box.maxX, x);
    box.minY = Math.min(box.minY, y);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

const intersects = (a: Bounds, b: RegionBox) => a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
const within = (a: Bounds, b: RegionBox) => a.minX >= b.minX && a.maxX <= b.maxX && a.minY >= b.minY && a.maxY <= b.maxY;
const looksLikeDegrees = (box: Bounds) =>
  Math.max(Math.abs(box.minX), Math.abs(box.maxX)) <= 180 && Math.max(Math.abs(box.minY), Math.abs(box.maxY)) <= 90;
const looksLikeUtm = (box: Bounds) =>
  Math.min(Math.abs(box.minX), Math.abs(box.maxX)) >= 100_000 &&
  Math.max(Math.abs(box.minX), Math.abs(box.maxX)) <= 1_000_000 &&
  Math.min(box.minY, box.maxY) >= 1_000_000 &&
  Math.max(box.minY, box.maxY) <= 10_000_000;

const shown = (value: number) => (Math.abs(value) >= 1000 ? value.toFixed(0) : String(Number(value.toFixed(6))));

/**
 * Checks the coordinates of one feature in its source CRS, before PostGIS
 * sees them (PostGIS stores Infinity and lon/lat beyond ±180 without a word):
 * non-finite numbers, axes swapped (outside the region but inside it once
 * swapped), UTM metres declared as degrees, degrees declared as UTM metres,
 * and values outside the system's range. Null when nothing is wrong.
 */
export function coordinateProblem(geometry: Geometry, srid: number, region: RegionBox): GeometryRejection | null {
  const points = positions(geometry);
  if (points.some((point) => point.some((value) => !Number.isFinite(value)))) {
    return { code: 'non_finite', reason: 'tiene coordenadas no finitas (NaN o infinito; por ejemplo 1e400 en el archivo)' };
  }
  const box = bounds(points);
  const swapped = { minX: box.minY, maxX: box.maxY, minY: box.minX, maxY: box.maxX };
  const first = points[0] ?? [0, 0];
  if (!intersects(box, region) && within(swapped, region)) {
    return {
      code: 'swapped_coordinates',
      reason:
        `tiene los ejes invertidos: (${shown(first[0] as number)}, ${shown(first[1] as number)}) cae fuera de la comuna, ` +
        'pero con x e y intercambiados cae dentro. Probablemente se escribió latitud antes que longitud (o norte antes que este); ' +
        'corrija el orden en el archivo (GeoJSON exige [longitud, latitud]).',
    };
  }
  if (isGeographic(srid) && !looksLikeDegrees(box)) {
    if (looksLikeUtm(box)) {
      return {
        code: 'utm_as_degrees',
        reason:
          `sus coordenadas (x=${shown(first[0] as number)}, y=${shown(first[1] as number)}) parecen metros UTM, pero el sistema declarado es ` +
          `${describeSrid(srid)}, en grados. Indique el sistema real con --srid (32719 WGS 84 / UTM 19S, 5361 SIRGAS-Chile / UTM 19S o ` +
          '24879 PSAD56 / UTM 19S) o exporte el archivo en EPSG:4326.',
      };
    }
    return {
      code: 'out_of_range',
      reason: `tiene coordenadas fuera del rango de longitud (±180) y latitud (±90): (${shown(first[0] as number)}, ${shown(first[1] as number)})`,
    };
  }
  if (utmSrids.has(srid)) {
    if (looksLikeDegrees(box)) {
      return {
        code: 'out_of_range',
        reason: `sus coordenadas (${shown(first[0] as number)}, ${shown(first[1] as number)}) parecen grados de longitud y latitud, pero el sistema declarado es ${describeSrid(srid)}, en metros`,
      };
    }
    if (box.minX < 0 || box.maxX > 1_000_000 || box.minY < 0 || box.maxY > 10_000_000) {
      return {
        code: 'out_of_range',
        reason: `tiene coordenadas fuera del rango de ${describeSrid(srid)}: (${shown(first[0] as number)}, ${shown(first[1] as number)})`,
      };
    }
  }
  return null;
}

/** Whether every coordinate of the features could be lon/lat degrees (used when a file declares no CRS). */
export function allLookLikeDegrees(geometries: Geometry[]): boolean {
  const points = geometries.flatMap(positions).filter((point) => point.every(Number.isFinite));
  return points.length > 0 && looksLikeDegrees(bounds(points));
}

/** One coordinate of the features, to quote in messages. */
export function samplePosition(geometries: Geometry[]): string {
  const point = geometries.flatMap(positions)[0];
  return point ? `(${shown(point[0] as number)}, ${shown(point[1] as number)})` : '(sin coordenadas)';
}
