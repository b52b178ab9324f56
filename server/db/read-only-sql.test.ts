import { describe, expect, it } from 'vitest';
import { isReadOnlySql } from './read-only-sql.ts';

describe('isReadOnlySql', () => {
  it.each([
    'select 1',
    '  SELECT id, updated_at FROM proyectos',
    'with g as (select 1) select * from g',
    "select layer_id, to_char(changed_at, 'YYYY') from layer_version",
  ])('reads: %s', (text) => {
    expect(isReadOnlySql(text)).toBe(true);
  });

  it.each([
    'insert into t values (1)',
    'with moved as (delete from t returning *) select * from moved',
    'with x as (update t set a = 1 returning a) select a from x',
    "select nextval('seq')",
    "select set_config('jit', 'off', true)",
    'select * from t for update',
    'select * from t for no key update',
    'set local jit = off',
    'begin',
    'create table t (a int)',
  ])('writes or is not a plain read: %s', (text) => {
    expect(isReadOnlySql(text)).toBe(false);
  });
});
