import { excludedStatuses, projectWeight, type RollupProjectRow } from './rollup.ts';

/**
 * Progress of the projects of one neighbourhood unit, by the roll-up's rule
 * (server/plan/rollup.ts): weighted by approved budget, else estimated;
 * equal weights when none has a budget; suspended and discarded left out.
 * Unlike the roll-up, a unit where no included project has recorded
 * progress is `null` ("sin información"), not 0 %: a map must not paint
 * "nothing recorded" as "nothing done".
 */
export function unitProgress(projects: readonly RollupProjectRow[]): { avance: number | null; sinInformacion: number } {
  const included = projects.filter((project) => !excludedStatuses.includes(project.estado ?? ''));
  const withProgress = included.filter((project) => project.avance !== null);
  const sinInformacion = included.length - withProgress.length;
  if (withProgress.length === 0) return { avance: null, sinInformacion };
  const weights = included.map(projectWeight);
  const anyBudget = weights.some((weight) => weight !== null && weight > 0);
  const effective = weights.map((weight) => (anyBudget ? (weight ?? 0) : 1));
  const total = effective.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return { avance: null, sinInformacion };
  const weighted = included.reduce((sum, project, index) => sum + (project.avance ?? 0) * (effective[index] ?? 0), 0);
  return { avance: Math.round((weighted / total) * 10) / 10, sinInformacion };
}
