import type { Geometry } from 'geojson';
import { ApiRequestError, getJson } from '../api.ts';
import { sendJson } from '../auth/session.ts';

/** A feature of an editable collection as the API serves it (CRS84). */
export interface EditableFeature {
  type: 'Feature';
  id: number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** Warnings of the server after a write (geometry repaired, id ignored...). */
  avisos?: string[];
}

/** One audited change of a feature. */
export interface HistoryChange {
  id: number;
  ocurrido_en: string;
  usuario: string;
  accion: string;
  antes: { geometry?: unknown; properties?: Record<string, unknown> } | null;
  despues: { geometry?: unknown; properties?: Record<string, unknown> } | null;
}

export interface BinEntry {
  objeto_id: string;
  fila: { id: number; properties: Record<string, unknown> };
  eliminado_en: string;
  eliminado_por: string;
}

const itemsUrl = (layerId: string) => `/collections/${encodeURIComponent(layerId)}/items`;
const itemUrl = (layerId: string, id: number | string) => `${itemsUrl(layerId)}/${encodeURIComponent(String(id))}`;

/** The feature as stored now (never from the browser's cache) and its ETag, for If-Match. */
export async function fetchFeature(layerId: string, id: number | string): Promise<{ feature: EditableFeature; etag: string }> {
  const response = await fetch(itemUrl(layerId, id), { headers: { Accept: 'application/geo+json' }, cache: 'no-store' });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string; description?: string; field?: string } | null;
    throw new ApiRequestError(response.status, body?.code ?? 'http_error', body?.description ?? `HTTP ${response.status}`, body?.field);
  }
  return { feature: (await response.json()) as EditableFeature, etag: response.headers.get('ETag') ?? '' };
}

export async function createFeature(layerId: string, geometry: Geometry, properties: Record<string, unknown>): Promise<EditableFeature> {
  const { body } = await sendJson<EditableFeature>('POST', itemsUrl(layerId), { type: 'Feature', geometry, properties });
  return body;
}

/** Replaces geometry and properties; a feature changed since `etag` was read answers 412 (precondition_failed). */
export async function replaceFeature(
  layerId: string,
  id: number,
  geometry: Geometry,
  properties: Record<string, unknown>,
  etag: string,
): Promise<EditableFeature> {
  const { body } = await sendJson<EditableFeature>(
    'PUT',
    itemUrl(layerId, id),
    { type: 'Feature', id, geometry, properties },
    etag ? { 'If-Match': etag } : {},
  );
  return body;
}

/** Moves the feature to the layer's recycle bin. */
export async function deleteFeature(layerId: string, id: number, etag: string): Promise<void> {
  await sendJson('DELETE', itemUrl(layerId, id), undefined, etag ? { 'If-Match': etag } : {});
}

export async function featureHistory(layerId: string, id: number | string): Promise<HistoryChange[]> {
  const body = await getJson<{ cambios: HistoryChange[] }>(`${itemUrl(layerId, id)}/historial`, {
    credentials: 'same-origin',
    cache: 'no-store',
  });
  return body.cambios;
}

export async function binEntries(layerId: string): Promise<BinEntry[]> {
  const body = await getJson<{ elementos: BinEntry[] }>(`/collections/${encodeURIComponent(layerId)}/papelera`, {
    credentials: 'same-origin',
    cache: 'no-store',
  });
  return body.elementos;
}

export async function restoreFeature(layerId: string, id: number | string): Promise<EditableFeature> {
  const { body } = await sendJson<EditableFeature>(
    'POST',
    `/collections/${encodeURIComponent(layerId)}/papelera/${encodeURIComponent(String(id))}/restaurar`,
  );
  return body;
}
