import { describe, expect, it } from 'vitest';
import { barChartSvg, escapeXml } from './bar-chart.ts';

describe('barChartSvg', () => {
  it('draws bars proportional to the maximum and escapes labels', () => {
    const svg = barChartSvg(
      [
        { label: 'Vivienda & <barrio>', value: 50 },
        { label: 'Sin datos', value: null },
      ],
      { max: 100, title: 'Avance', format: (value) => `${value} %` },
    );
    expect(svg).toContain('width="150.0"');
    expect(svg).toContain('Vivienda &amp; &lt;barrio&gt;');
    expect(svg).toContain('sin información');
    expect(svg).toContain('50 %');
  });

  it('says over how many items a partial value stands, and draws it lighter', () => {
    const svg = barChartSvg([{ label: 'L6', value: 25, partial: '1 de 17' }], {
      max: 100,
      title: 'Avance',
      format: (value) => `${value} %`,
    });
    expect(svg).toContain('25 % (1 de 17)');
    expect(svg).toContain('fill="#7fa7c4"');
  });

  it('escapes quotes for attributes', () => {
    expect(escapeXml(`"a" 'b'`)).toBe('&quot;a&quot; &apos;b&apos;');
  });
});
