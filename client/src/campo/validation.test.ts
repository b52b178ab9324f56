import { describe, expect, it } from 'vitest';
import { parseMeasure, validateDraft, type ReportDraft } from './validation.ts';

const good: ReportDraft = {
  position: { lon: -70.76, lat: -28.57, accuracy: 8, origin: 'gps' },
  photoCount: 2,
  categoria: 'escombros',
  superficie: '12,5',
  volumen: '',
  tenencia: 'desconocida',
  notas: 'Junto al canal',
};

describe('parseMeasure', () => {
  it('reads decimals with comma or point and leaves empty as null', () => {
    expect(parseMeasure('12,5')).toBe(12.5);
    expect(parseMeasure(' 3.25 ')).toBe(3.25);
    expect(parseMeasure('0')).toBe(0);
    expect(parseMeasure('')).toBeNull();
  });

  it('refuses negatives, text, thousands separators and absurd sizes', () => {
    for (const text of ['-1', 'doce', '1.000,5', '1e3', '2000000']) expect(parseMeasure(text)).toBeNaN();
  });
});

describe('validateDraft', () => {
  it('accepts a complete draft', () => {
    expect(validateDraft(good)).toEqual({});
  });

  it('names every missing or wrong field', () => {
    const errors = validateDraft({
      position: null,
      photoCount: 0,
      categoria: '',
      superficie: '-2',
      volumen: 'mucho',
      tenencia: 'fiscal',
      notas: 'x'.repeat(2001),
    });
    expect(Object.keys(errors).sort()).toEqual(['categoria', 'fotos', 'notas', 'posicion', 'superficie', 'tenencia', 'volumen']);
  });

  it('refuses six photos and a position outside the globe (UTM metres typed as degrees)', () => {
    expect(validateDraft({ ...good, photoCount: 6 }).fotos).toBeDefined();
    expect(validateDraft({ ...good, position: { lon: 326_000, lat: 6_838_000, accuracy: null, origin: 'mapa' } }).posicion).toBeDefined();
  });
});
