import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { parseTileAddress } from './tile-address.ts';

const parse = (tileMatrix: string, tileRow: string, tileCol: string) => parseTileAddress({ tileMatrix, tileRow, tileCol });

describe('parseTileAddress', () => {
  it('reads z/y/x in OGC order', () => {
    expect(parse('14', '9572', '4869')).toEqual({ z: 14, x: 4869, y: 9572 });
    expect(parse('0', '0', '0')).toEqual({ z: 0, x: 0, y: 0 });
    expect(parse('22', '4194303', '4194303')).toEqual({ z: 22, x: 4194303, y: 4194303 });
  });

  it.each([
    ['23', '0', '0', 'tileMatrix'],
    ['-1', '0', '0', 'tileMatrix'],
    ['1.0', '0', '0', 'tileMatrix'],
    [' 1', '0', '0', 'tileMatrix'],
    ['1', '2', '0', 'tileRow'],
    ['1', '0', '2', 'tileCol'],
    ['3', '0x1', '0', 'tileRow'],
    ['22', '0', '4194304', 'tileCol'],
  ])('rejects %s/%s/%s naming %s', (z, y, x, field) => {
    try {
      parse(z, y, x);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ statusCode: 400, code: 'invalid_parameter', field });
    }
  });
});
