import type { ProjectFilters } from '../state/app-state.ts';
import { filterProjects } from './filter-projects.ts';
import { fundingSources, type ProjectProperties } from './project.ts';

/** The filters that list values to choose from. */
export const facets = ['lineamiento', 'objetivo', 'plan', 'programa', 'estado', 'fuente', 'unidad'] as const;
export type Facet = (typeof facets)[number];

/** A project's values for one facet (funding may have several; a missing value none). */
function valuesOf(project: ProjectProperties, facet: Facet): string[] {
  const single = (value: string | null) => (value === null ? [] : [value]);
  switch (facet) {
    case 'lineamiento':
      return [project.lineamiento_codigo];
    case 'objetivo':
      return [project.objetivo_codigo];
    case 'plan':
      return [project.plan_codigo];
    case 'programa':
      return single(project.programa_codigo);
    case 'estado':
      return single(project.estado);
    case 'fuente':
      return fundingSources(project);
    case 'unidad':
      return single(project.unidad_responsable);
  }
}

/**
 * For every facet, how many projects each value would leave if chosen with
 * the other filters as they are (the count shown beside each option). One
 * pass per facet: 7 × n, not one filter per option.
 */
export function facetCounts(
  projects: readonly { properties: ProjectProperties }[],
  filters: ProjectFilters,
): Record<Facet, Map<string, number>> {
  const counts = {} as Record<Facet, Map<string, number>>;
  for (const facet of facets) {
    const tally = new Map<string, number>();
    for (const project of filterProjects(projects, { ...filters, [facet]: null })) {
      for (const value of valuesOf(project.properties, facet)) tally.set(value, (tally.get(value) ?? 0) + 1);
    }
    counts[facet] = tally;
  }
  return counts;
}
