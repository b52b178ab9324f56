import { maxMeasure, maxNotesLength, maxPhotos, minPhotos, tenures, wasteCategories, type PositionOrigin } from './report.ts';
import { campoTexts } from './texts-es.ts';

/** What the form holds before it is saved; text inputs stay as typed. */
export interface ReportDraft {
  position: { lon: number; lat: number; accuracy: number | null; origin: PositionOrigin } | null;
  photoCount: number;
  categoria: string;
  superficie: string;
  volumen: string;
  tenencia: string;
  notas: string;
}

/** Field name → Spanish message; empty when the draft can be saved. */
export type DraftErrors = Partial<Record<'posicion' | 'fotos' | 'categoria' | 'superficie' | 'volumen' | 'tenencia' | 'notas', string>>;

/**
 * Reads an optional non-negative measure typed by a person ("12", "12,5" or
 * "12.5"): null when empty, NaN when it is not a number in [0, maxMeasure].
 */
export function parseMeasure(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) return Number.NaN;
  const value = Number(trimmed.replace(',', '.'));
  return value <= maxMeasure ? value : Number.NaN;
}

/** Checks a draft before it is stored on the phone; the server checks again. */
export function validateDraft(draft: ReportDraft): DraftErrors {
  const t = campoTexts.validation;
  const errors: DraftErrors = {};
  const position = draft.position;
  if (!position) errors.posicion = t.position;
  else if (!Number.isFinite(position.lon) || !Number.isFinite(position.lat) || Math.abs(position.lon) > 180 || Math.abs(position.lat) > 90)
    errors.posicion = t.position;
  if (draft.photoCount < minPhotos || draft.photoCount > maxPhotos) errors.fotos = t.photos;
  if (!(wasteCategories as readonly string[]).includes(draft.categoria)) errors.categoria = t.category;
  if (!(tenures as readonly string[]).includes(draft.tenencia)) errors.tenencia = t.tenure;
  if (Number.isNaN(parseMeasure(draft.superficie))) errors.superficie = t.measure;
  if (Number.isNaN(parseMeasure(draft.volumen))) errors.volumen = t.measure;
  if (draft.notas.length > maxNotesLength) errors.notas = t.notes;
  return errors;
}
