import { es } from '../i18n/es.ts';
import type { LayerEntry, LegendItem } from '../map/layer-entry.ts';
import type { AppState } from '../state/app-state.ts';

/** One layer's part of a printed legend. */
export interface LegendSection {
  title: string;
  items: readonly LegendItem[];
}

/**
 * The legend of what the map shows now: the layers switched on, drawn at
 * this zoom and with a legend, in the layers panel's order. A printed map
 * lists exactly these, as a QGIS print layout's legend filtered by map
 * content would.
 */
export function visibleLegend(entries: readonly LayerEntry[], state: AppState, zoom: number): LegendSection[] {
  return entries
    .filter((entry) => state.layers[entry.id]?.visible && entry.legend.length > 0 && (entry.minZoom ?? 0) <= zoom + 1e-9)
    .map((entry) => ({ title: entry.title, items: entry.legend }));
}

/** Sizes in CSS pixels (scaled by the canvas ratio when drawn). */
const line = 15;
const titleLine = 17;
const padding = 10;
export const legendColumnWidth = 230;

/** Height of a legend column holding these sections. */
export function legendHeight(sections: readonly LegendSection[]): number {
  return padding * 2 + titleLine + sections.reduce((sum, section) => sum + titleLine + section.items.length * line + 4, 0);
}

/** Splits sections into columns no taller than `maxHeight` (a section is never split). */
export function legendColumns(sections: readonly LegendSection[], maxHeight: number): LegendSection[][] {
  const columns: LegendSection[][] = [[]];
  let height = padding * 2 + titleLine;
  for (const section of sections) {
    const sectionHeight = titleLine + section.items.length * line + 4;
    const current = columns[columns.length - 1] as LegendSection[];
    if (current.length > 0 && height + sectionHeight > maxHeight) {
      columns.push([section]);
      height = padding * 2 + titleLine + sectionHeight;
    } else {
      current.push(section);
      height += sectionHeight;
    }
  }
  return columns.filter((column) => column.length > 0);
}

function swatch(context: CanvasRenderingContext2D, item: LegendItem, x: number, y: number, r: number): void {
  context.save();
  context.globalAlpha = item.alpha ?? 1;
  context.fillStyle = item.color;
  context.strokeStyle = item.color;
  const mid = y + 6 * r;
  switch (item.symbol) {
    case 'fill':
      context.fillRect(x, y + 1 * r, 14 * r, 10 * r);
      context.globalAlpha = 1;
      context.strokeStyle = item.outline ?? 'rgba(0, 0, 0, 0.3)';
      context.lineWidth = 1 * r;
      context.strokeRect(x, y + 1 * r, 14 * r, 10 * r);
      break;
    case 'line':
    case 'dashed':
    case 'dotted':
      context.lineWidth = (item.symbol === 'line' ? 3 : 2.5) * r;
      context.lineCap = item.symbol === 'dotted' ? 'round' : 'butt';
      context.setLineDash(item.symbol === 'dashed' ? [4 * r, 2.5 * r] : item.symbol === 'dotted' ? [0.1, 4 * r] : []);
      context.beginPath();
      context.moveTo(x, mid);
      context.lineTo(x + 14 * r, mid);
      context.stroke();
      break;
    case 'diamond':
      context.beginPath();
      context.moveTo(x + 7 * r, mid - 6 * r);
      context.lineTo(x + 13 * r, mid);
      context.lineTo(x + 7 * r, mid + 6 * r);
      context.lineTo(x + 1 * r, mid);
      context.closePath();
      context.fill();
      context.strokeStyle = '#333333';
      context.lineWidth = 1 * r;
      context.stroke();
      break;
    case 'label':
      context.font = `700 ${11 * r}px system-ui, sans-serif`;
      context.fillText('Aa', x, y);
      break;
    default:
      context.beginPath();
      context.arc(x + 7 * r, mid, 5 * r, 0, Math.PI * 2);
      context.fill();
      context.strokeStyle = '#ffffff';
      context.lineWidth = 1.5 * r;
      context.stroke();
  }
  context.restore();
}

/** Draws the legend columns from (x, y) on a canvas with `r` device pixels per CSS pixel. */
export function drawLegend(context: CanvasRenderingContext2D, columns: readonly LegendSection[][], x: number, y: number, r: number): void {
  context.save();
  context.textBaseline = 'top';
  context.fillStyle = '#1f2a33';
  context.font = `700 ${13 * r}px system-ui, sans-serif`;
  context.fillText(es.layers.legend, x + padding * r, y + padding * r);
  columns.forEach((column, index) => {
    const left = x + (padding + index * legendColumnWidth) * r;
    let top = y + (padding + titleLine) * r;
    for (const section of column) {
      context.fillStyle = '#1f2a33';
      context.font = `600 ${11.5 * r}px system-ui, sans-serif`;
      context.fillText(clip(context, section.title, (legendColumnWidth - padding * 2) * r), left, top);
      top += titleLine * r;
      context.font = `${11 * r}px system-ui, sans-serif`;
      for (const item of section.items) {
        swatch(context, item, left, top, r);
        context.fillStyle = '#1f2a33';
        context.fillText(clip(context, item.label, (legendColumnWidth - padding * 2 - 20) * r), left + 20 * r, top);
        top += line * r;
      }
      top += 4 * r;
    }
  });
  context.restore();
}

/** The text, shortened with «…» to fit `width` device pixels. */
function clip(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > width) end -= 1;
  return `${text.slice(0, end)}…`;
}
