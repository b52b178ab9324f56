import { escapeXml } from './bar-chart.ts';
import { textWidth } from './map-labels.ts';
import { basePalette, dumpStatusColors, lineamientoColor } from '../../../client/src/map/colors.ts';
import type { MapFeature } from './unit-map-svg.ts';

/** One line of the legend: a swatch drawn in a 22×12 px box at the origin, and its text (es-CL). */
export interface LegendItem {
  label: string;
  swatch: string;
  /** Takes a whole row (a long name). */
  wide?: boolean;
}

export const fontFamily = 'DejaVu Sans, Arial, sans-serif';

const line = (stroke: string, width: number, dash = '') =>
  `<path d="M1 6 H21" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''} fill="none"/>`;
const area = (fill: string, opacity: number, stroke: string, width: number, dash = '') =>
  `<rect x="1" y="1" width="20" height="10" fill="${fill}" fill-opacity="${opacity}" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
const dot = (fill: string, radius: number, stroke = '#ffffff') =>
  `<circle cx="11" cy="6" r="${radius}" fill="${fill}" stroke="${stroke}" stroke-width="0.8"/>`;

/** A project swatch: the dashed line over a white casing the map draws, in the lineamiento's colour. */
export const projectSwatch = (color: string) => `${line('#ffffff', 6)}${line(color, 3.5, '5 3')}`;

/** Micro-dump statuses as printed. */
const dumpStatusLabels: Record<string, string> = {
  reportado: 'Microbasural reportado',
  verificado: 'Microbasural verificado',
  programado: 'Microbasural con limpieza programada',
  limpiado: 'Microbasural limpiado',
  cerrado: 'Microbasural cerrado',
  duplicado: 'Reporte duplicado',
  descartado: 'Reporte descartado',
};

/**
 * The legend of exactly what a map draws: one line per class present among
 * `features`, in drawing order (base first), projects one line per
 * lineamiento and micro-dumps one per status.
 */
export function legendItems(features: readonly MapFeature[]): LegendItem[] {
  const has = (capa: MapFeature['capa'], clase?: string) =>
    features.some((feature) => feature.capa === capa && (clase === undefined || feature.clase === clase));
  const items: LegendItem[] = [];
  const add = (present: boolean, label: string, swatch: string) => present && items.push({ label, swatch });
  add(has('unidad'), 'Unidad vecinal de la ficha', area('#ffffff', 1, basePalette.unitOutline, 2.2));
  add(has('vecina'), 'Unidades vecinas', area('#ffffff', 0, '#8c8c8c', 1, '4 2'));
  add(has('manzana'), 'Manzanas censales 2017', area(basePalette.blockFill, 1, basePalette.blockOutline, 0.8));
  add(has('calle'), 'Calles', `${line(basePalette.streetCasing, 4.5)}${line(basePalette.street, 2.8)}`);
  add(has('rio'), 'Río Huasco', line(basePalette.river, 3));
  add(has('canal'), 'Canales de regadío', line(basePalette.canal, 1.4));
  add(has('humedal', 'vigente'), 'Humedal urbano vigente', area(basePalette.wetland, 0.3, basePalette.wetland, 0.8));
  add(has('humedal', 'ampliacion_propuesta'), 'Ampliación propuesta del humedal', area('#ffffff', 0, basePalette.wetland, 1.5, '5 3'));
  const lineamientos = new Map<string, string | null>();
  for (const feature of features) if (feature.capa === 'proyecto') lineamientos.set(feature.clase ?? '', feature.nombre ?? null);
  for (const [code, name] of [...lineamientos].sort(([a], [b]) => a.localeCompare(b, 'es'))) {
    const label = code ? `Proyecto ${code}${name ? `: ${name.replace(/\.$/, '')}` : ''}` : 'Proyecto sin lineamiento';
    items.push({ label, swatch: projectSwatch(lineamientoColor(code || null)), wide: true });
  }
  const heritage = features.filter((feature) => feature.capa === 'patrimonio');
  const heritageArea = heritage.some((feature) => !/Point/.test(feature.geometry.type));
  add(heritageArea, 'Patrimonio (área o tramo)', area('#ffffff', 0, basePalette.heritage, 1.2, '1 2.5'));
  add(
    heritage.some((feature) => /Point/.test(feature.geometry.type)),
    'Patrimonio',
    `<rect x="7" y="2" width="8" height="8" transform="rotate(45 11 6)" fill="${basePalette.heritage}" stroke="#ffffff" stroke-width="0.8"/>`,
  );
  for (const [status, color] of Object.entries(dumpStatusColors))
    add(has('microbasural', status), dumpStatusLabels[status] ?? status, dot(color, 4, '#333333'));
  add(has('lugar'), 'Nombre de lugar', dot(basePalette.placeLabel, 2.5));
  return items;
}

/** Cuts a text to `width` pixels at `fontSize`, with an ellipsis. */
function fit(text: string, width: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= width) return text;
  const characters = Math.max(Math.floor(width / (fontSize * 0.6)) - 1, 1);
  return `${[...text].slice(0, characters).join('').trimEnd()}…`;
}

/** The legend in two columns, `width` pixels wide, from `top`; returns the SVG and its height. */
export function legendSvg(items: readonly LegendItem[], width: number, top: number): { svg: string; height: number } {
  const fontSize = 9;
  const rowHeight = 15;
  const columns = 2;
  const columnWidth = width / columns;
  let column = 0;
  let row = 0;
  const parts = items.map((item) => {
    if (column > 0 && (item.wide || column >= columns)) [column, row] = [0, row + 1];
    const x = 6 + column * columnWidth;
    const y = top + 18 + row * rowHeight;
    const label = fit(item.label, (item.wide ? width : columnWidth) - 40, fontSize);
    column = item.wide ? columns : column + 1;
    return `<g transform="translate(${x.toFixed(1)} ${y})">${item.swatch}<text x="28" y="9.5" font-size="${fontSize}">${escapeXml(label)}</text>${
      label === item.label ? '' : `<title>${escapeXml(item.label)}</title>`
    }</g>`;
  });
  const rows = items.length === 0 ? 0 : row + 1;
  const height = 22 + rows * rowHeight;
  return {
    svg: `<g class="leyenda" font-family="${fontFamily}" fill="#1b1b1b"><text x="6" y="${top + 11}" font-size="10" font-weight="bold">Leyenda</text>
${parts.join('\n')}</g>`,
    height,
  };
}
