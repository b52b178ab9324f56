import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './unavailable.ts';

describe('isDatabaseUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }],
    [{ code: '08006' }],
    [new Error('timeout exceeded when trying to connect')],
    [new Error('Connection terminated unexpectedly')],
  ])('is true for %o', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([[{ code: '42P01', message: 'relation does not exist' }], [new Error('syntax error')], [null], ['text']])(
    'is false for %o',
    (error) => {
      expect(isDatabaseUnavailable(error)).toBe(false);
    },
  );
});
