import { describe, expect, it } from 'vitest';
import { formatArea, formatClp, formatDegrees, formatDistance, formatInteger } from './format.ts';

/** Intl may use narrow no-break spaces; people read them as spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('es-CL formatting', () => {
  it('writes distances in metres, then kilometres with a decimal comma', () => {
    expect(formatDistance(849.6)).toBe('850 m');
    expect(formatDistance(1250)).toBe('1,25 km');
    expect(formatDistance(12_345_678)).toBe('12.345,68 km');
  });

  it('writes areas in m², then hectares, then km²', () => {
    expect(formatArea(850)).toBe('850 m²');
    expect(formatArea(25_000)).toBe('2,50 ha');
    expect(formatArea(4_337_367)).toBe('4,34 km²');
  });

  it('writes pesos and big numbers with a dot for thousands', () => {
    expect(plain(formatClp(1_500_000_000))).toBe('$1.500.000.000');
    expect(formatInteger(6_837_832.144)).toBe('6.837.832');
    expect(formatDegrees(-28.5761)).toBe('-28,57610');
  });
});
