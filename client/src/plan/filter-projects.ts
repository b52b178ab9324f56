import type { ProjectFilters } from '../state/app-state.ts';
import { fundingSources, type ProjectProperties } from './project.ts';

/**
 * Whether a project's years overlap [desde, hasta]. A project with only a
 * start year lasts from it on (only an end year: until it); one with no
 * years matches only if the filters keep projects without years.
 */
function yearsMatch(project: ProjectProperties, filters: ProjectFilters): boolean {
  const { anio_inicio: start, anio_fin: end } = project;
  if (start === null && end === null) return filters.sinAnio;
  return (start ?? -Infinity) <= filters.hasta && (end ?? Infinity) >= filters.desde;
}

/**
 * Whether a project passes every filter. Lineage, status and unit are
 * equality on the catalogue property (as `/collections/proyectos/items?
 * <property>=<value>` filters); funding matches when the source is among
 * the project's sources.
 */
export function projectMatches(project: ProjectProperties, filters: ProjectFilters): boolean {
  if (filters.lineamiento !== null && project.lineamiento_codigo !== filters.lineamiento) return false;
  if (filters.objetivo !== null && project.objetivo_codigo !== filters.objetivo) return false;
  if (filters.plan !== null && project.plan_codigo !== filters.plan) return false;
  if (filters.programa !== null && project.programa_codigo !== filters.programa) return false;
  if (filters.estado !== null && project.estado !== filters.estado) return false;
  if (filters.unidad !== null && project.unidad_responsable !== filters.unidad) return false;
  if (filters.fuente !== null && !fundingSources(project).includes(filters.fuente)) return false;
  return yearsMatch(project, filters);
}

/** The projects that pass the filters, in their original order. */
export function filterProjects<T extends { properties: ProjectProperties }>(projects: readonly T[], filters: ProjectFilters): T[] {
  return projects.filter((project) => projectMatches(project.properties, filters));
}
