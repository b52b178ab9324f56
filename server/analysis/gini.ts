/** A group of people (a unit) with the total of something they receive (CLP, projects). */
export interface LorenzGroup {
  population: number;
  value: number;
}

/** A point of the Lorenz curve: cumulative share of population (x) and of the value (y), both 0–1. */
export interface LorenzPoint {
  x: number;
  y: number;
}

/**
 * Lorenz curve of `value` across groups weighted by population: groups sorted
 * by value per inhabitant ascending, starting at (0, 0) and ending at (1, 1).
 * Groups without population are left out. Returns null when there is no
 * population or nothing to share (total value 0): the curve is undefined.
 */
export function lorenzCurve(groups: readonly LorenzGroup[]): LorenzPoint[] | null {
  const populated = groups.filter((group) => group.population > 0);
  const totalPopulation = populated.reduce((sum, group) => sum + group.population, 0);
  const totalValue = populated.reduce((sum, group) => sum + group.value, 0);
  if (totalPopulation <= 0 || totalValue <= 0) return null;
  const sorted = [...populated].sort((a, b) => a.value / a.population - b.value / b.population);
  const points: LorenzPoint[] = [{ x: 0, y: 0 }];
  let population = 0;
  let value = 0;
  for (const group of sorted) {
    population += group.population;
    value += group.value;
    points.push({ x: population / totalPopulation, y: value / totalValue });
  }
  return points;
}

/**
 * Gini coefficient from a Lorenz curve: 1 − Σ (xᵢ − xᵢ₋₁)(yᵢ + yᵢ₋₁), i.e. one
 * minus twice the area under the curve (trapezoids). 0 = equal per-inhabitant
 * share everywhere; approaching 1 = everything in one small group.
 */
export function giniCoefficient(points: readonly LorenzPoint[]): number {
  let area = 0;
  for (let index = 1; index < points.length; index++) {
    const previous = points[index - 1]!;
    const current = points[index]!;
    area += (current.x - previous.x) * (current.y + previous.y);
  }
  return 1 - area;
}
