import { badRequest } from '../errors.ts';
import { maxZoom } from './web-mercator.ts';

/** One tile of WebMercatorQuad: zoom `z`, column `x` (west → east) and row `y` (north → south). */
export interface TileAddress {
  z: number;
  x: number;
  y: number;
}

/** The path parameters of a tile URL, in OGC names: tileMatrix/tileRow/tileCol = z/y/x. */
export interface TileParams {
  tileMatrix: string;
  tileRow: string;
  tileCol: string;
}

const digits = /^\d{1,8}$/;

/**
 * Reads a tile address from path parameters: integers, 0 ≤ z ≤ 22 and
 * 0 ≤ x, y < 2^z. Anything else is a 400 naming the parameter at fault.
 */
export function parseTileAddress(params: TileParams): TileAddress {
  const z = digits.test(params.tileMatrix) ? Number(params.tileMatrix) : NaN;
  if (!(z >= 0 && z <= maxZoom)) {
    throw badRequest(
      'invalid_parameter',
      `El nivel de zoom (tileMatrix) debe ser un entero entre 0 y ${maxZoom}; se recibió «${params.tileMatrix}».`,
      'tileMatrix',
    );
  }
  const size = 2 ** z;
  const y = digits.test(params.tileRow) ? Number(params.tileRow) : NaN;
  if (!(y >= 0 && y < size)) {
    throw badRequest(
      'invalid_parameter',
      `La fila de la tesela (tileRow, y) debe ser un entero entre 0 y ${size - 1} en el zoom ${z}; se recibió «${params.tileRow}».`,
      'tileRow',
    );
  }
  const x = digits.test(params.tileCol) ? Number(params.tileCol) : NaN;
  if (!(x >= 0 && x < size)) {
    throw badRequest(
      'invalid_parameter',
      `La columna de la tesela (tileCol, x) debe ser un entero entre 0 y ${size - 1} en el zoom ${z}; se recibió «${params.tileCol}».`,
      'tileCol',
    );
  }
  return { z, x, y };
}
