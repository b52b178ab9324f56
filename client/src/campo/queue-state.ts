import type { ReportBody, ReportPhoto } from './report.ts';
import { campoTexts } from './texts-es.ts';

/** Where a report stands on the phone. */
export type QueueStatus = 'pendiente' | 'enviado' | 'fallido';

/** The site a sent report landed on, as the server answered (its status may change later). */
export interface SiteSummary {
  id: number;
  codigo: string;
  estado: string;
}

/** One report kept in the phone's queue (IndexedDB), keyed by its UUID. */
export interface QueueItem {
  uuid: string;
  body: ReportBody;
  photos: ReportPhoto[];
  status: QueueStatus;
  /** Failed attempts since the last success or manual retry. */
  attempts: number;
  /** Epoch milliseconds before which a pending report is not sent automatically. */
  nextAttemptAt: number;
  /** Why the last attempt did not succeed (pending: will be retried; failed: the server's reason). */
  reason: string | null;
  /** The report field the server named as wrong (e.g. 'fotos.1', 'reporte.lat'). */
  field: string | null;
  site: SiteSummary | null;
  /** Photo URLs on the server, once sent. */
  photoUrls: string[];
  savedAt: string;
  sentAt: string | null;
}

/** What one attempt to send a report produced. */
export type SendOutcome = { kind: 'answer'; status: number; body: unknown } | { kind: 'network'; message: string };

/**
 * How an answer is handled: `sent` (201 made, 200 resend of the same),
 * `retry` (network, timeout, rate limit, server or database down), `auth`
 * (the session is missing or its CSRF token stale: kept pending until the
 * person signs in again) or `failed` (any other 4xx: the report itself is
 * wrong and needs a person).
 */
export type Classification = 'sent' | 'retry' | 'auth' | 'failed';

interface ErrorBody {
  code?: string;
  description?: string;
  field?: string;
}

export function classify(outcome: SendOutcome): Classification {
  if (outcome.kind === 'network') return 'retry';
  const { status } = outcome;
  if (status === 200 || status === 201) return 'sent';
  if (status === 401) return 'auth';
  if (status === 403 && (outcome.body as ErrorBody | null)?.code === 'csrf_token_invalid') return 'auth';
  if (status === 408 || status === 429) return 'retry';
  if (status >= 400 && status < 500) return 'failed';
  return 'retry';
}

/** First automatic retry after this many milliseconds; each failure doubles it. */
export const firstRetryDelay = 10_000;
/** Automatic retries are never further apart than this, milliseconds. */
export const maxRetryDelay = 10 * 60_000;

/** Milliseconds to wait after the n-th consecutive failure (n ≥ 1): 10 s, 20 s, 40 s … up to 10 min. */
export function retryDelay(attempts: number): number {
  return Math.min(maxRetryDelay, firstRetryDelay * 2 ** Math.max(0, attempts - 1));
}

/** A new pending report, due at once. */
export function newItem(body: ReportBody, photos: ReportPhoto[], now: Date): QueueItem {
  return {
    uuid: body.uuid,
    body,
    photos,
    status: 'pendiente',
    attempts: 0,
    nextAttemptAt: now.getTime(),
    reason: null,
    field: null,
    site: null,
    photoUrls: [],
    savedAt: now.toISOString(),
    sentAt: null,
  };
}

/** True when the automatic sender should try this report now. */
export function isDue(item: QueueItem, now: number): boolean {
  return item.status === 'pendiente' && item.nextAttemptAt <= now;
}

interface AcceptedBody {
  microbasural?: { id: number; codigo: string; estado: string };
  fotos?: { id: number; url: string }[];
}

/** The item after one attempt to send it. */
export function applyOutcome(item: QueueItem, outcome: SendOutcome, now: Date): QueueItem {
  const t = campoTexts.queue;
  const kind = classify(outcome);
  if (kind === 'sent' && outcome.kind === 'answer') {
    const body = (outcome.body ?? {}) as AcceptedBody;
    return {
      ...item,
      status: 'enviado',
      attempts: 0,
      reason: null,
      field: null,
      site: body.microbasural ? { id: body.microbasural.id, codigo: body.microbasural.codigo, estado: body.microbasural.estado } : null,
      photoUrls: (body.fotos ?? []).map((photo) => photo.url),
      sentAt: now.toISOString(),
    };
  }
  const errorBody = outcome.kind === 'answer' ? ((outcome.body ?? {}) as ErrorBody) : {};
  if (kind === 'failed' && outcome.kind === 'answer') {
    return {
      ...item,
      status: 'fallido',
      reason: errorBody.description ?? t.rejected(outcome.status),
      field: errorBody.field ?? null,
    };
  }
  const attempts = item.attempts + 1;
  const reason =
    kind === 'auth'
      ? t.signInAgain
      : outcome.kind === 'network'
        ? t.noConnection
        : (errorBody.description ?? t.serverUnavailable(outcome.status));
  return { ...item, status: 'pendiente', attempts, nextAttemptAt: now.getTime() + retryDelay(attempts), reason, field: null };
}

/** A failed (or pending) report put back to be sent at once, e.g. after the person corrected it. */
export function retryNow(item: QueueItem, now: Date): QueueItem {
  if (item.status === 'enviado') return item;
  return { ...item, status: 'pendiente', attempts: 0, nextAttemptAt: now.getTime(), reason: null, field: null };
}

/** A sent report with the status its site has now on the server. */
export function withSiteStatus(item: QueueItem, site: SiteSummary): QueueItem {
  if (item.status !== 'enviado' || (item.site?.estado === site.estado && item.site.codigo === site.codigo)) return item;
  return { ...item, site };
}

/** How many reports are in each status. */
export function countByStatus(items: readonly QueueItem[]): Record<QueueStatus, number> {
  const counts: Record<QueueStatus, number> = { pendiente: 0, enviado: 0, fallido: 0 };
  for (const item of items) counts[item.status] += 1;
  return counts;
}
