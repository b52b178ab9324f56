import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { es } from '../i18n/es.ts';
import { composeViewPng } from '../tools/export-png.ts';

/** The server keeps map images up to 2 MiB; a margin keeps the data URL under it. */
const maxBytes = 1.9 * 1024 * 1024;

const toDataUrl = (blob: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader'));
    reader.readAsDataURL(blob);
  });

async function scaled(blob: Blob, factor: number): Promise<Blob> {
  const bitmap = await createImageBitmap(blob);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * factor));
  canvas.height = Math.max(1, Math.round(bitmap.height * factor));
  canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return new Promise((resolve, reject) => canvas.toBlob((next) => (next ? resolve(next) : reject(new Error('toBlob'))), 'image/png'));
}

/**
 * The map as it is now (MapLibre + deck.gl, with the attribution footer) as
 * a PNG data URL for a stored review, made smaller until it weighs less
 * than the server's 2 MiB limit.
 */
export async function mapImageDataUrl(map: MapLibreMap, overlay: MapboxOverlay): Promise<string> {
  let blob = await composeViewPng(map, overlay, [es.attribution]);
  for (let attempt = 0; blob.size > maxBytes && attempt < 6; attempt += 1) blob = await scaled(blob, 0.7);
  return toDataUrl(blob);
}
