import { describe, expect, it } from 'vitest';
import { checkedMapImage } from './map-image.ts';
import { maxMapBytes } from './prc-reviews.ts';

const png = (extra: number) =>
  `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(extra)]).toString('base64')}`;

describe('checkedMapImage', () => {
  it('accepts a PNG data URL up to 2 MiB', () => {
    expect(checkedMapImage(png(100))).toBe(png(100));
    expect(checkedMapImage(png(maxMapBytes - 8))).toHaveLength(png(maxMapBytes - 8).length);
  });

  it('rejects other images, broken base64 and anything over 2 MiB on the mapa_png field', () => {
    expect(() => checkedMapImage('data:image/jpeg;base64,/9j/4AAQ')).toThrow(/PNG como URL de datos/);
    expect(() => checkedMapImage('data:image/png;base64,@@@@')).toThrow(/base64/);
    expect(() => checkedMapImage(`data:image/png;base64,${Buffer.from('GIF89a..').toString('base64')}`)).toThrow(/no es un PNG/);
    expect(() => checkedMapImage(png(maxMapBytes))).toThrow(expect.objectContaining({ field: 'mapa_png', statusCode: 400 }));
  });
});
