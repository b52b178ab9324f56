import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import { parseBbox } from './bbox.ts';
import { findCrs, type SupportedCrs } from './crs.ts';

const crs = (uri: string) => findCrs(uri) as SupportedCrs;
const crs84 = crs('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
const epsg4326 = crs('http://www.opengis.net/def/crs/EPSG/0/4326');
const utm19s = crs('http://www.opengis.net/def/crs/EPSG/0/32719');

describe('parseBbox', () => {
  it('reads four CRS84 numbers as west, south, east, north', () => {
    expect(parseBbox('-70.8,-28.6,-70.7,-28.5', crs84)).toEqual({ srid: 4326, boxes: [[-70.8, -28.6, -70.7, -28.5]] });
  });

  it('ignores the heights of six numbers', () => {
    expect(parseBbox('-70.8,-28.6,0,-70.7,-28.5,50', crs84).boxes).toEqual([[-70.8, -28.6, -70.7, -28.5]]);
  });

  it('splits a box across the antimeridian in two', () => {
    expect(parseBbox('179,-21,-179,-19', crs84).boxes).toEqual([
      [179, -21, 180, -19],
      [-180, -21, -179, -19],
    ]);
  });

  it('reads EPSG:4326 latitude first', () => {
    expect(parseBbox('-28.6,-70.8,-28.5,-70.7', epsg4326).boxes).toEqual([[-70.8, -28.6, -70.7, -28.5]]);
  });

  it('clamps a projected box to its CRS’s area, and empties one wholly outside', () => {
    expect(parseBbox('-1e12,-1e12,1e12,1e12', utm19s).boxes).toEqual([utm19s.bounds]);
    expect(parseBbox('5e9,5e9,6e9,6e9', utm19s).boxes).toEqual([]);
  });

  it.each(['1,2,3', '1,2,3,4,5', 'a,1,2,3', 'NaN,0,1,1', '0x10,0,1,1', '1e400,0,1,1', '0,10,1,5', '-181,0,0,1', '0,-91,1,0', ' , , , '])(
    'rejects %j with a 400 on bbox',
    (raw) => {
      expect(() => parseBbox(raw, crs84)).toThrow(expect.objectContaining({ statusCode: 400, field: 'bbox' }) as ApiError);
    },
  );

  it('rejects a projected box whose west edge is east of its east edge', () => {
    expect(() => parseBbox('400000,6800000,300000,6900000', utm19s)).toThrow(ApiError);
  });
});
