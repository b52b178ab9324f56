const svgNs = 'http://www.w3.org/2000/svg';

/** An SVG element with attributes and text children (text nodes, never parsed markup). */
function svg(tag: string, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

export interface ChartBar {
  label: string;
  value: number | null;
}

/**
 * A horizontal bar chart (inline SVG, the style of the printed reports):
 * one row per bar, the label left, the value at the end; a null value is an
 * empty bar marked `noData`.
 */
export function barChart(
  bars: readonly ChartBar[],
  options: { title: string; format: (value: number) => string; noData: string },
): SVGElement {
  const labelWidth = 130;
  const barWidth = 100;
  const rowHeight = 16;
  // Room after the bar for the longest value text, «sin información» included.
  const width = labelWidth + barWidth + 92;
  const max = Math.max(0, ...bars.map((bar) => bar.value ?? 0));
  const rows = bars.map((bar, index) => {
    const y = index * rowHeight;
    const length = bar.value === null || max <= 0 ? 0 : Math.max(0, bar.value / max) * barWidth;
    // About 5.4 units a character at font-size 10: longer names are cut, the whole name stays in the row's title.
    const label = bar.label.length > 22 ? `${bar.label.slice(0, 21)}…` : bar.label;
    return svg(
      'g',
      { 'data-barra': bar.label },
      svg('title', {}, `${bar.label}: ${bar.value === null ? options.noData : options.format(bar.value)}`),
      svg('text', { x: labelWidth - 4, y: y + 12, 'text-anchor': 'end' }, label),
      svg('rect', { x: labelWidth, y: y + 3, width: barWidth, height: rowHeight - 6, fill: '#eef1f4' }),
      svg('rect', { x: labelWidth, y: y + 3, width: length.toFixed(1), height: rowHeight - 6, fill: '#1f5f8b' }),
      svg('text', { x: labelWidth + barWidth + 4, y: y + 12 }, bar.value === null ? options.noData : options.format(bar.value)),
    );
  });
  return svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${bars.length * rowHeight + 4}`,
      width: '100%',
      role: 'img',
      'aria-label': options.title,
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
    },
    svg('title', {}, options.title),
    ...rows,
  );
}

/**
 * The Lorenz curve (share of the population on x, share of what is spread
 * on y, both 0–1) against the line of equality, with the Gini coefficient.
 */
export function lorenzChart(
  points: readonly { x: number; y: number }[],
  options: { title: string; giniText: string; xLabel: string; yLabel: string },
): SVGElement {
  const size = 200;
  const margin = 30;
  const at = (x: number, y: number) => `${(margin + x * size).toFixed(1)},${(margin + (1 - y) * size).toFixed(1)}`;
  const curve = [{ x: 0, y: 0 }, ...points.filter((point) => point.x > 0 || point.y > 0)];
  return svg(
    'svg',
    {
      viewBox: `0 0 ${size + 2 * margin} ${size + 2 * margin}`,
      width: '100%',
      role: 'img',
      'aria-label': options.title,
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
      'data-lorenz': '',
    },
    svg('title', {}, options.title),
    svg('rect', { x: margin, y: margin, width: size, height: size, fill: '#ffffff', stroke: '#999' }),
    svg('line', { x1: margin, y1: margin + size, x2: margin + size, y2: margin, stroke: '#999', 'stroke-dasharray': '4 3' }),
    svg('polyline', { points: curve.map((point) => at(point.x, point.y)).join(' '), fill: 'none', stroke: '#1f5f8b', 'stroke-width': 2 }),
    svg('text', { x: margin + 6, y: margin + 14 }, options.giniText),
    svg('text', { x: margin + size / 2, y: margin + size + 20, 'text-anchor': 'middle' }, options.xLabel),
    svg('text', { x: 12, y: margin + size / 2, 'text-anchor': 'middle', transform: `rotate(-90 12 ${margin + size / 2})` }, options.yLabel),
  );
}
