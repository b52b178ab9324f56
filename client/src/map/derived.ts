import { investmentByUnit } from '../analysis/investment-by-unit.ts';
import type { UnitInvestmentFeature } from '../layers/inversion-3d-layer.ts';
import { filterProjects } from '../plan/filter-projects.ts';
import type { ProjectFeature } from '../plan/project.ts';
import type { ProjectFilters } from '../state/app-state.ts';
import { projectsToDraw, type Bounds, type ProjectsToDraw } from './projects-in-view.ts';
import type { WorkbenchData } from './workbench-data.ts';

/**
 * Values derived from the data and the filters, recomputed only when the
 * filters or the data change, so deck.gl receives the same arrays (and
 * re-uploads nothing) while the map pans or a layer fades.
 */
export class Derived {
  readonly #data: WorkbenchData;
  #filters: ProjectFilters | null = null;
  #filtered: ProjectFeature[] = [];
  #located: ProjectFeature[] = [];
  #investment: UnitInvestmentFeature[] | null = null;
  #drawn: { located: readonly ProjectFeature[]; bounds: Bounds; result: ProjectsToDraw } | null = null;

  constructor(data: WorkbenchData) {
    this.#data = data;
  }

  /** Forget everything (new data arrived). */
  invalidate(): void {
    this.#filters = null;
    this.#investment = null;
  }

  #update(filters: ProjectFilters): void {
    if (this.#filters === filters) return;
    this.#filters = filters;
    this.#filtered = filterProjects(this.#data.projects, filters);
    this.#located = this.#filtered.filter((project) => project.geometry !== null);
    this.#investment = null;
  }

  /** Projects passing the filters, located or not. */
  filtered(filters: ProjectFilters): ProjectFeature[] {
    this.#update(filters);
    return this.#filtered;
  }

  /** Projects passing the filters that have a geometry. */
  located(filters: ProjectFilters): ProjectFeature[] {
    this.#update(filters);
    return this.#located;
  }

  /**
   * What the projects layer draws for the view `bounds` (the same object
   * until the map stops again): all located projects, or those in view, or
   * their density (see projects-in-view.ts).
   */
  drawn(filters: ProjectFilters, bounds: Bounds): ProjectsToDraw {
    const located = this.located(filters);
    if (this.#drawn?.located !== located || this.#drawn.bounds !== bounds) {
      this.#drawn = { located, bounds, result: projectsToDraw(located, bounds) };
    }
    return this.#drawn.result;
  }

  /** Neighbourhood units with the investment of the filtered projects that cross them. */
  investment(filters: ProjectFilters): UnitInvestmentFeature[] {
    this.#update(filters);
    if (this.#investment) return this.#investment;
    const figures = investmentByUnit(
      this.#data.unitProjects,
      this.#filtered.map((project) => ({
        codigo: project.properties.codigo,
        inversionClp: project.properties.presupuesto_aprobado_clp ?? project.properties.presupuesto_estimado_clp,
      })),
    );
    const byCode = new Map(figures.map((figure) => [figure.codigo, figure]));
    this.#investment = this.#data.units.map((unit) => ({
      ...unit,
      properties: {
        ...unit.properties,
        ...(byCode.get(unit.properties.codigo) ?? { codigo: unit.properties.codigo, proyectos: 0, conPresupuesto: 0, inversionClp: null }),
      },
    }));
    return this.#investment;
  }
}
