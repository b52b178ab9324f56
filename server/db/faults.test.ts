import { describe, expect, it } from 'vitest';
import { databaseFault, isDatabaseUnavailable } from './faults.ts';

describe('databaseFault', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, 'unavailable'],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, 'unavailable'],
    [{ code: '08006' }, 'unavailable'],
    [new Error('Connection terminated unexpectedly'), 'unavailable'],
    [new Error('Client has encountered a connection error and is not queryable'), 'unavailable'],
    [{ code: '57014', message: 'canceling statement due to statement timeout' }, 'timeout'],
    [{ code: '25P03' }, 'timeout'],
    [new Error('timeout exceeded when trying to connect'), 'busy'],
    [{ code: '53300', message: 'sorry, too many clients already' }, 'busy'],
  ])('classifies %o as %s', (error, fault) => {
    expect(databaseFault(error)).toBe(fault);
  });

  it.each([
    [{ code: '42P01', message: 'relation does not exist' }],
    [{ code: 'XX000', message: 'unknown GeoJSON type' }],
    [{ code: '23505', message: 'duplicate key value violates unique constraint' }],
    [new Error('syntax error')],
    [null],
    ['text'],
  ])('is not a fault: %o', (error) => {
    expect(databaseFault(error)).toBeNull();
  });

  it('waits at start only for an unreachable database, not a busy or slow one', () => {
    expect(isDatabaseUnavailable({ code: 'ECONNREFUSED' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '57014' })).toBe(false);
  });
});
