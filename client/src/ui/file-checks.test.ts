import { describe, expect, it } from 'vitest';
import { accepts, formatFileSize } from './file-checks.ts';

describe('formatFileSize', () => {
  it('writes sizes with a decimal comma and the units people read', () => {
    expect(formatFileSize(850)).toBe('850 B');
    expect(formatFileSize(12_345)).toBe('12,3 kB');
    expect(formatFileSize(4_200_000)).toBe('4,2 MB');
  });
});

describe('accepts', () => {
  const geojson = '.geojson,.json,application/geo+json,application/json';
  it('takes a dropped file by extension or media type, as the native input would offer it', () => {
    expect(accepts(geojson, { name: 'Intervención.GeoJSON', type: '' })).toBe(true);
    expect(accepts(geojson, { name: 'datos', type: 'application/json' })).toBe(true);
    expect(accepts('image/*', { name: 'foto.jpg', type: 'image/jpeg' })).toBe(true);
  });

  it('refuses what the input would not offer, and takes anything when nothing is required', () => {
    expect(accepts(geojson, { name: 'plano.dwg', type: 'application/acad' })).toBe(false);
    expect(accepts('image/*', { name: 'nota.txt', type: 'text/plain' })).toBe(false);
    expect(accepts('', { name: 'cualquiera.bin', type: '' })).toBe(true);
  });
});
