import { describe, expect, it } from 'vitest';
import { addDays, formatDateText, readDateText, todayIso } from './date-text.ts';

describe('readDateText', () => {
  it('reads day-month-year with dashes, slashes, dots or no separator, and ISO as pasted', () => {
    for (const typed of ['16-02-2026', '16/02/2026', '16.2.2026', '16022026', ' 16 - 2 - 2026 ', '2026-02-16']) {
      expect(readDateText(typed), typed).toEqual({ iso: '2026-02-16' });
    }
  });

  it('says nothing was typed, so an optional date can be left out', () => {
    expect(readDateText('  ')).toEqual({ empty: true });
  });

  it('refuses American order, two-digit years and words, asking for dd-mm-aaaa in Spanish', () => {
    for (const typed of ['02/16/2026', '16-02-26', 'mañana', '2026/02/16']) {
      const reading = readDateText(typed);
      expect('problem' in reading, typed).toBe(true);
    }
    expect(readDateText('16-02-26')).toEqual({ problem: 'Escriba la fecha como dd-mm-aaaa, p. ej. 16-02-2026.' });
    expect(readDateText('02/16/2026')).toEqual({
      problem: 'El día va primero y el mes después: escriba dd-mm-aaaa, p. ej. 16-02-2026.',
    });
    expect(readDateText('31-13-2026')).toEqual({ problem: 'La fecha 31-13-2026 no existe en el calendario.' });
  });

  it('knows which days exist: 29 February only in leap years, no day 31 in April', () => {
    expect(readDateText('29-02-2028')).toEqual({ iso: '2028-02-29' });
    expect(readDateText('29-02-2026')).toEqual({ problem: 'La fecha 29-02-2026 no existe en el calendario.' });
    expect(readDateText('31-04-2026')).toEqual({ problem: 'La fecha 31-04-2026 no existe en el calendario.' });
  });

  it('keeps a date within its limits and names the limit as a person writes it', () => {
    expect(readDateText('04-12-2026', { max: '2026-12-03' })).toEqual({ problem: 'La fecha no puede ser posterior al 03-12-2026.' });
    expect(readDateText('31-12-2021', { min: '2022-01-01' })).toEqual({ problem: 'La fecha no puede ser anterior al 01-01-2022.' });
    expect(readDateText('03-12-2026', { min: '2022-01-01', max: '2026-12-03' })).toEqual({ iso: '2026-12-03' });
  });
});

describe('formatDateText, todayIso and addDays', () => {
  it('writes ISO dates day first', () => {
    expect(formatDateText('2026-02-16')).toBe('16-02-2026');
    expect(formatDateText('')).toBe('');
  });

  it('takes today from the local calendar, not UTC', () => {
    expect(todayIso(new Date(2026, 11, 3, 23, 30))).toBe('2026-12-03');
  });

  it('moves across months and years', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
