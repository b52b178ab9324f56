import { unknownText } from '../../figures/unknown.ts';

/** One bar: a label and a value (null = sin información, drawn as an empty bar). */
export interface Bar {
  label: string;
  value: number | null;
  /**
   * Set when the value stands on only part of the items, e.g. «1 de 17»: the
   * bar is drawn lighter and the note follows the value.
   */
  partial?: string;
}

export interface BarChartOptions {
  /** Value of a full-length bar; defaults to the largest value. */
  max?: number;
  /** Formats a value for the label at the end of its bar. */
  format?: (value: number) => string;
  title: string;
}

/** Escapes text for HTML and SVG (element content and quoted attributes). */
export function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}

/**
 * A horizontal bar chart as inline SVG, no script and no external asset, so
 * that it prints the same in any browser and in Chromium's PDF.
 */
export function barChartSvg(bars: Bar[], options: BarChartOptions): string {
  const labelWidth = 250;
  const barWidth = 300;
  const rowHeight = 22;
  const width = labelWidth + barWidth + 140;
  const height = bars.length * rowHeight + 8;
  const max = options.max ?? Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const format = options.format ?? ((value: number) => value.toLocaleString('es-CL'));
  const rows = bars.map((bar, index) => {
    const y = 4 + index * rowHeight;
    const length = bar.value === null || max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value / max)) * barWidth;
    const label = bar.label.length > 42 ? `${bar.label.slice(0, 41)}…` : bar.label;
    const valueText = bar.value === null ? unknownText : `${format(bar.value)}${bar.partial ? ` (${bar.partial})` : ''}`;
    return (
      `<text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end">${escapeXml(label)}</text>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${rowHeight - 8}" fill="#eef1f4"/>` +
      `<rect x="${labelWidth}" y="${y + 3}" width="${length.toFixed(1)}" height="${rowHeight - 8}" fill="${bar.partial ? '#7fa7c4' : '#1f5f8b'}"/>` +
      `<text x="${labelWidth + barWidth + 6}" y="${y + 15}">${escapeXml(valueText)}</text>`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="sans-serif" font-size="11"><title>${escapeXml(options.title)}</title>${rows.join('')}</svg>`
  );
}
