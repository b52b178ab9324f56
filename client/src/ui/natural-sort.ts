/** Spanish (es-CL) collation that reads digits as numbers: «Distrito censal 2» before «Distrito censal 10». */
export const naturalCollator = new Intl.Collator('es-CL', { numeric: true, sensitivity: 'base' });

/** Compares two names the way a person sorts them (accents after their letter, numbers by value). */
export const compareNatural = (a: string, b: string): number => naturalCollator.compare(a, b);

/** A copy of `items` sorted by the name `nameOf` gives each, naturally. */
export function sortNatural<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareNatural(nameOf(a), nameOf(b)));
}
