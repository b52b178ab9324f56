import { describe, expect, it } from 'vitest';
import { compareNatural, sortNatural } from './natural-sort.ts';

describe('natural sort', () => {
  it('puts «2» before «10» and reads accents as a person does', () => {
    const names = ['Distrito censal 10', 'Distrito censal 2', 'Ñuble', 'Álamos', 'Zona censal 1-10', 'Zona censal 1-2', 'alto'];
    expect(sortNatural(names, (name) => name)).toEqual([
      'Álamos',
      'alto',
      'Distrito censal 2',
      'Distrito censal 10',
      'Ñuble',
      'Zona censal 1-2',
      'Zona censal 1-10',
    ]);
  });

  it('does not change the list it is given', () => {
    const names = ['b', 'a'];
    sortNatural(names, (name) => name);
    expect(names).toEqual(['b', 'a']);
    expect(compareNatural('UV 9', 'UV 11')).toBeLessThan(0);
  });
});
