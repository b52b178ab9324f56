import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { es } from '../i18n/es.ts';
import { drawLegend, legendColumns, legendColumnWidth, type LegendSection } from './print-legend.ts';

/** What the printed legend lists: set once by the workbench (the layers switched on now). */
let legendOf: (() => LegendSection[]) | null = null;

/** Gives every exported or stored map image (PNG export, Plan Regulador review) the legend of what it shows. */
export function setPrintLegend(provider: () => LegendSection[]): void {
  legendOf = provider;
}

/**
 * The current view as one PNG: MapLibre's canvas (kept by
 * preserveDrawingBuffer), deck.gl's canvas drawn over it at the same size
 * (names included: deck.gl writes them), the legend of the layers shown
 * beside it, and a footer with the title, the date and the attributions.
 */
export async function composeViewPng(map: MapLibreMap, overlay: MapboxOverlay, attributions: readonly string[]): Promise<Blob> {
  // Draw both canvases afresh in the same frame before reading them.
  map.triggerRepaint();
  await new Promise<void>((resolve) => map.once('render', () => resolve()));
  const mapCanvas = map.getCanvas();
  const deckCanvas = overlay.getCanvas();
  const width = mapCanvas.width;
  const ratio = width / mapCanvas.clientWidth;
  const footer = Math.round((16 + 14 * attributions.length) * ratio);
  const columns = legendOf ? legendColumns(legendOf(), mapCanvas.clientHeight) : [];
  const output = document.createElement('canvas');
  output.width = width + Math.round(columns.length * legendColumnWidth * ratio);
  output.height = mapCanvas.height + footer;
  const context = output.getContext('2d');
  if (!context) throw new Error('canvas 2D no disponible');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, output.width, output.height);
  context.drawImage(mapCanvas, 0, 0);
  if (deckCanvas && deckCanvas.width > 0) context.drawImage(deckCanvas, 0, 0, width, mapCanvas.height);
  if (columns.length > 0) drawLegend(context, columns, width, 0, ratio);
  context.fillStyle = '#1f2a33';
  context.font = `${Math.round(12 * ratio)}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  const date = new Date().toLocaleString('es-CL');
  context.fillText(`${es.appTitle} · ${date}`, 8 * ratio, mapCanvas.height + 4 * ratio);
  attributions.forEach((line, index) => context.fillText(line, 8 * ratio, mapCanvas.height + (18 + 14 * index) * ratio));
  return new Promise((resolve, reject) => output.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/png'));
}

/** Saves a blob as a file download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
