import { describe, expect, it, vi } from 'vitest';
import { readBasemap } from './config.ts';

describe('readBasemap', () => {
  it('is off when nothing is configured', () => {
    expect(readBasemap({})).toBeNull();
  });

  it('takes an https XYZ template with its attribution', () => {
    expect(
      readBasemap({
        VITE_SIT_BASEMAP_TILES: ' https://tile.openstreetmap.org/{z}/{x}/{y}.png ',
        VITE_SIT_BASEMAP_ATTRIBUTION: '© OpenStreetMap',
      }),
    ).toEqual({
      tiles: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      attribution: '© OpenStreetMap',
    });
  });

  it('refuses a basemap without attribution, over plain http or without {z}/{x}/{y}', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readBasemap({ VITE_SIT_BASEMAP_TILES: 'https://a.example/{z}/{x}/{y}.png' })).toBeNull();
    expect(readBasemap({ VITE_SIT_BASEMAP_TILES: 'http://a.example/{z}/{x}/{y}.png', VITE_SIT_BASEMAP_ATTRIBUTION: 'x' })).toBeNull();
    expect(readBasemap({ VITE_SIT_BASEMAP_TILES: 'https://a.example/tiles.png', VITE_SIT_BASEMAP_ATTRIBUTION: 'x' })).toBeNull();
    expect(warn).toHaveBeenCalledTimes(3);
    warn.mockRestore();
  });
});
