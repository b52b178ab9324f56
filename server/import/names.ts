/**
 * A name reduced for comparison: lower case, without accents, without spaces,
 * dashes or underscores. `Población`, `POBLACION` and `poblacion` are equal,
 * and so are `Estado_Con` and `estado con`.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
