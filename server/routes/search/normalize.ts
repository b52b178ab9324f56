/** Accented letters that `translate()` folds in SQL, and what they become. */
const accented = 'ÁÀÂÄÃÉÈÊËÍÌÎÏÓÒÔÖÕÚÙÛÜÑÇáàâäãéèêëíìîïóòôöõúùûüñç';
const plain = 'AAAAAEEEEIIIIOOOOOUUUUNCaaaaaeeeeiiiiooooouuuunc';

/**
 * SQL expression of a text folded for search: accents removed and lower
 * case. `translate()` exists in every PostgreSQL; the `unaccent` extension
 * does not exist in the embedded build, so it is not used.
 */
export function foldedSql(expression: string): string {
  return `lower(translate(coalesce(${expression}, ''), '${accented}', '${plain}'))`;
}

/** The same folding in JavaScript, for the terms of a query. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Longest number of terms a query is split into; the rest is ignored. */
export const maxTerms = 6;

/**
 * Splits a query into folded terms (whitespace-separated, punctuation kept
 * as typed), at most `maxTerms`. Every term must appear in a hit.
 */
export function searchTerms(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((term) => term.length > 0)
    .slice(0, maxTerms);
}
