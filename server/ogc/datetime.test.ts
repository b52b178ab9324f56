import { describe, expect, it } from 'vitest';
import { parseDatetime } from './datetime.ts';

describe('parseDatetime', () => {
  it('turns a date into a one-day range', () => {
    expect(parseDatetime('2024-05-01')).toEqual({ start: '2024-05-01', end: '2024-05-01' });
  });

  it('turns a date-time into the Chilean calendar day it falls on', () => {
    expect(parseDatetime('2024-05-01T02:00:00Z')).toEqual({ start: '2024-04-30', end: '2024-04-30' });
    expect(parseDatetime('2024-05-01T02:00:00-04:00')).toEqual({ start: '2024-05-01', end: '2024-05-01' });
    expect(parseDatetime('2024-05-01t12:00:00.250z').start).toBe('2024-05-01');
  });

  it('reads closed and half-bounded intervals, with «..» or nothing as the open end', () => {
    expect(parseDatetime('2024-01-01/2024-02-01')).toEqual({ start: '2024-01-01', end: '2024-02-01' });
    expect(parseDatetime('../2024-02-01')).toEqual({ start: null, end: '2024-02-01' });
    expect(parseDatetime('2024-01-01/..')).toEqual({ start: '2024-01-01', end: null });
    expect(parseDatetime('/2024-02-01')).toEqual({ start: null, end: '2024-02-01' });
  });

  it('accepts a leap second', () => {
    expect(parseDatetime('2016-12-31T23:59:60Z').start).toBe('2016-12-31');
  });

  it.each([
    '',
    'ayer',
    '2024-5-1',
    '2024-02-30',
    '2023-02-29',
    '2024-05-01T24:00:00Z',
    '2024-05-01T12:00:00',
    '../..',
    '/',
    '2024-02-01/2024-01-01',
    'a/b/c',
  ])('rejects %j with a 400 on datetime', (raw) => {
    expect(() => parseDatetime(raw)).toThrow(expect.objectContaining({ statusCode: 400, field: 'datetime' }) as Error);
  });
});
