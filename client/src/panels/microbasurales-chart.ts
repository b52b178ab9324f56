import { dumpStatusColors } from '../layers/microbasurales-layer.ts';
import { axisTop, continuousMonths, monthLabel, type MonthCounts } from './microbasurales-series.ts';

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag: string, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElement {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  for (const child of children) element.append(child);
  return element;
}

/** The three series, coloured as their statuses are on the map. */
const series = [
  { key: 'reportados', color: dumpStatusColors.reportado as string },
  { key: 'limpiados', color: dumpStatusColors.limpiado as string },
  { key: 'cerrados', color: dumpStatusColors.cerrado as string },
] as const;

/**
 * Grouped monthly bars (inline SVG): sites reported, cleaned and closed per
 * month, the months continuous from the first to the last, a count axis and
 * the month under every group (every n-th when there are many).
 */
export function monthlyChart(rows: readonly MonthCounts[], options: { title: string; labels: Record<string, string> }): SVGElement {
  const months = continuousMonths(rows);
  const left = 26;
  const top = 14;
  const plotHeight = 110;
  const plotWidth = 270;
  const groupWidth = Math.min(30, plotWidth / Math.max(1, months.length));
  const width = left + plotWidth + 6;
  const height = top + plotHeight + 30;
  const max = axisTop(Math.max(0, ...months.flatMap((month) => [month.reportados, month.limpiados, month.cerrados])));
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const labelEvery = Math.ceil(months.length / 8);
  const gap = groupWidth > 8 ? 2 : 0.5;
  const bar = (groupWidth - 2 * gap) / series.length;
  return svg(
    'svg',
    {
      viewBox: `0 0 ${width} ${height}`,
      width: '100%',
      role: 'img',
      'aria-label': options.title,
      'font-size': 8,
      'font-family': 'system-ui, sans-serif',
      'data-serie-mensual': String(months.length),
    },
    svg('title', {}, options.title),
    svg('line', { x1: left, x2: width, y1: y(0), y2: y(0), stroke: '#888' }),
    svg('line', { x1: left, x2: width, y1: y(max), y2: y(max), stroke: '#ddd' }),
    svg('text', { x: left - 3, y: y(0) + 3, 'text-anchor': 'end' }, '0'),
    svg('text', { x: left - 3, y: y(max) + 3, 'text-anchor': 'end' }, String(max)),
    ...months.map((month, index) => {
      const x = left + index * groupWidth + gap;
      return svg(
        'g',
        { 'data-mes': month.mes },
        ...series.map((entry, position) =>
          svg(
            'rect',
            {
              x: (x + position * bar).toFixed(2),
              y: y(month[entry.key]).toFixed(1),
              width: Math.max(0.5, bar - 0.2).toFixed(2),
              height: (y(0) - y(month[entry.key])).toFixed(1),
              fill: entry.color,
            },
            svg('title', {}, `${monthLabel(month.mes, 'long')} · ${options.labels[entry.key] ?? entry.key}: ${month[entry.key]}`),
          ),
        ),
        index % labelEvery === 0
          ? svg('text', { x: x + groupWidth / 2 - gap, y: y(0) + 10, 'text-anchor': 'middle' }, monthLabel(month.mes, 'short'))
          : '',
      );
    }),
    ...series.map((entry, index) =>
      svg(
        'g',
        {},
        svg('rect', { x: left + index * 70, y: height - 9, width: 8, height: 8, fill: entry.color }),
        svg('text', { x: left + index * 70 + 11, y: height - 2 }, options.labels[entry.key] ?? entry.key),
      ),
    ),
  );
}
