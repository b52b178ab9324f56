/** Classes of a choropleth: upper bounds and the class of each value. */
export interface QuantileClasses {
  /** Upper bound (inclusive) of each class, ascending; as many as there are classes. */
  breaks: number[];
  /** Class index of each input value, -1 for a missing one (null or not finite). */
  classOf: number[];
}

/**
 * Splits values into at most `count` classes with about as many values in
 * each (quantiles), for a choropleth: a class never splits equal values, so
 * fewer classes come out when values repeat. Missing values get no class.
 */
export function quantileClasses(values: readonly (number | null)[], count: number): QuantileClasses {
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  const breaks: number[] = [];
  for (let index = 1; index <= count && present.length > 0; index += 1) {
    const bound = present[Math.min(present.length - 1, Math.ceil((index * present.length) / count) - 1)]!;
    if (breaks.length === 0 || bound > breaks[breaks.length - 1]!) breaks.push(bound);
  }
  const classOf = values.map((value) =>
    value === null || !Number.isFinite(value)
      ? -1
      : Math.max(
          0,
          breaks.findIndex((bound) => value <= bound),
        ),
  );
  return { breaks, classOf };
}
