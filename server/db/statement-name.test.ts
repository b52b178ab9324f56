import { describe, expect, it } from 'vitest';
import { statementName } from './server-pool.ts';

describe('statementName', () => {
  it('gives one text one name, and two texts two names', () => {
    const tile = 'select $1::int as z';
    expect(statementName(tile)).toBe(statementName(`select $1::int as ${'z'}`));
    expect(statementName(tile)).not.toBe(statementName('select $1::int as x'));
    expect(statementName(tile)).toMatch(/^sit_[0-9a-f]{24}$/);
  });
});
