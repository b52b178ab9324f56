import { describe, expect, it } from 'vitest';
import { applyOutcome, classify, countByStatus, isDue, newItem, retryDelay, retryNow, withSiteStatus } from './queue-state.ts';
import type { ReportBody } from './report.ts';

const body: ReportBody = {
  uuid: '6f1c1d2e-8a54-4b7e-9d0c-3f5a2b1c0d9e',
  lon: -70.76,
  lat: -28.57,
  precision_gps_m: 8,
  origen_posicion: 'gps',
  categoria_residuo: 'escombros',
  superficie_m2: 12,
  volumen_m3: 3.5,
  tenencia: 'publica',
  notas: null,
  creado_en: '2026-03-02T14:00:00.000Z',
};
const now = new Date('2026-03-02T14:05:00.000Z');
const later = new Date('2026-03-02T14:06:00.000Z');
const pending = () => newItem(body, [], now);

describe('classify', () => {
  it('takes 201 (made) and 200 (identical resend) as sent', () => {
    expect(classify({ kind: 'answer', status: 201, body: {} })).toBe('sent');
    expect(classify({ kind: 'answer', status: 200, body: {} })).toBe('sent');
  });

  it('retries network errors, timeouts, rate limits and server errors', () => {
    expect(classify({ kind: 'network', message: 'Failed to fetch' })).toBe('retry');
    for (const status of [408, 429, 500, 502, 503]) expect(classify({ kind: 'answer', status, body: null })).toBe('retry');
  });

  it('keeps a report waiting for a new sign-in on 401 and on a stale CSRF token', () => {
    expect(classify({ kind: 'answer', status: 401, body: null })).toBe('auth');
    expect(classify({ kind: 'answer', status: 403, body: { code: 'csrf_token_invalid' } })).toBe('auth');
  });

  it('fails permanently on any other 4xx, including a UUID reused with other content', () => {
    for (const status of [400, 403, 404, 409, 413, 415, 422])
      expect(classify({ kind: 'answer', status, body: { code: 'x' } })).toBe('failed');
  });
});

describe('retryDelay', () => {
  it('doubles from 10 s and stops at 10 min', () => {
    expect([1, 2, 3, 4].map(retryDelay)).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(retryDelay(30)).toBe(600_000);
  });
});

describe('applyOutcome', () => {
  it('marks a report sent with its site and photos', () => {
    const sent = applyOutcome(
      pending(),
      {
        kind: 'answer',
        status: 201,
        body: {
          uuid: body.uuid,
          id: 4,
          microbasural: { id: 9, codigo: 'MB-2026-1', estado: 'reportado' },
          fotos: [{ id: 1, url: '/campo/fotos/1' }],
        },
      },
      later,
    );
    expect(sent.status).toBe('enviado');
    expect(sent.site).toEqual({ id: 9, codigo: 'MB-2026-1', estado: 'reportado' });
    expect(sent.photoUrls).toEqual(['/campo/fotos/1']);
    expect(sent.sentAt).toBe(later.toISOString());
  });

  it('keeps a report pending with a growing delay while there is no connection', () => {
    const once = applyOutcome(pending(), { kind: 'network', message: 'Failed to fetch' }, later);
    const twice = applyOutcome(once, { kind: 'network', message: 'Failed to fetch' }, later);
    expect(once.status).toBe('pendiente');
    expect(once.nextAttemptAt).toBe(later.getTime() + 10_000);
    expect(twice.nextAttemptAt).toBe(later.getTime() + 20_000);
    expect(twice.reason).toMatch(/Sin conexión/);
    expect(isDue(twice, later.getTime())).toBe(false);
    expect(isDue(twice, later.getTime() + 20_000)).toBe(true);
  });

  it('fails a rejected report with the server reason and field', () => {
    const failed = applyOutcome(
      pending(),
      { kind: 'answer', status: 400, body: { code: 'invalid_photo', description: 'La foto 1 no es una imagen.', field: 'fotos.1' } },
      later,
    );
    expect(failed).toMatchObject({ status: 'fallido', reason: 'La foto 1 no es una imagen.', field: 'fotos.1' });
    expect(isDue(failed, later.getTime() + 1e9)).toBe(false);
  });

  it('puts a failed report back in the queue on retry', () => {
    const failed = applyOutcome(pending(), { kind: 'answer', status: 409, body: { code: 'uuid_conflict' } }, later);
    const again = retryNow(failed, later);
    expect(again).toMatchObject({ status: 'pendiente', attempts: 0, reason: null, field: null });
    expect(isDue(again, later.getTime())).toBe(true);
  });
});

describe('withSiteStatus and countByStatus', () => {
  it('follows the site status of sent reports only', () => {
    const sent = applyOutcome(
      pending(),
      { kind: 'answer', status: 201, body: { microbasural: { id: 9, codigo: 'MB-2026-1', estado: 'reportado' } } },
      later,
    );
    expect(withSiteStatus(sent, { id: 9, codigo: 'MB-2026-1', estado: 'limpiado' }).site?.estado).toBe('limpiado');
    expect(withSiteStatus(pending(), { id: 9, codigo: 'MB-2026-1', estado: 'limpiado' }).site).toBeNull();
    expect(countByStatus([sent, pending(), pending()])).toEqual({ pendiente: 2, enviado: 1, fallido: 0 });
  });
});
