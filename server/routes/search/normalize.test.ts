import { describe, expect, it } from 'vitest';
import { fold, foldedSql, maxTerms, searchTerms } from './normalize.ts';

describe('search folding', () => {
  it('removes accents and capitals the way a planner types', () => {
    expect(fold('Río Huasco')).toBe('rio huasco');
    expect(fold('ÑANDÚ Güemes Compañía')).toBe('nandu guemes compania');
  });

  it('splits a query into folded terms and caps their number', () => {
    expect(searchTerms('  Puente   BRASIL ')).toEqual(['puente', 'brasil']);
    expect(searchTerms('a b c d e f g h')).toHaveLength(maxTerms);
    expect(searchTerms("O'Higgins 50%")).toEqual(["o'higgins", '50%']);
  });

  it('folds in SQL with the same letters, equal in length on both sides of translate()', () => {
    const sql = foldedSql('nombre');
    const [, from, to] = /translate\(coalesce\(nombre, ''\), '([^']+)', '([^']+)'\)/.exec(sql) ?? [];
    expect(from?.length).toBe(to?.length);
    for (const [index, letter] of [...(from ?? '')].entries()) expect(fold(letter)).toBe(to?.[index]?.toLowerCase());
  });
});
