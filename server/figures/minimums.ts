/**
 * Below these sizes a ratio says more about the unit's size than about the
 * territory, so it is not computed: the unit gets «no se calcula» with the
 * reason, and ranks last (docs/cifras.md, «Mínimos»). Pure, shared with the
 * client.
 */

/**
 * Area (km², UTM 19S) below which no density per km² is computed. A 0,13 km²
 * sliver with two sites reads 15/km² and tops any ranking; the smallest urban
 * census zone of Vallenar measures 0,24 km².
 */
export const minimumAreaKm2 = 0.2;

/**
 * Population below which no figure per inhabitant is computed: one project
 * in a rural district of 13 people would read as millions per person.
 */
export const minimumPopulation = 100;

const decimal = (value: number, digits: number) => value.toLocaleString('es-CL', { maximumFractionDigits: digits });

/** Why a density per km² is not computed for a unit of `areaKm2`, or null when it is. */
export function densityWithheld(areaKm2: number): string | null {
  return areaKm2 < minimumAreaKm2
    ? `superficie de ${decimal(areaKm2, 2)} km², menor que el mínimo de ${decimal(minimumAreaKm2, 2)} km²`
    : null;
}

/** Why a figure per inhabitant is not computed for a unit of `population`, or null when it is. */
export function perInhabitantWithheld(population: number | null): string | null {
  if (population === null || population === undefined) return 'sin población registrada';
  return population < minimumPopulation ? `${decimal(population, 0)} habitantes, menos que el mínimo de ${minimumPopulation}` : null;
}
