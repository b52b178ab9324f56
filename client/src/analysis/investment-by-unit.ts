/** A neighbourhood unit and the codes of the projects whose geometry crosses it (from `/plan/unidades-vecinales`). */
export interface UnitProjects {
  codigo: string;
  proyectos: readonly string[];
}

/** A project's code and its investment in CLP, or null when no budget is recorded. */
export interface ProjectInvestment {
  codigo: string;
  inversionClp: number | null;
}

export interface UnitInvestment {
  codigo: string;
  /** Projects (among those given) that cross the unit. */
  proyectos: number;
  /** Of those, how many have a budget recorded. */
  conPresupuesto: number;
  /** Sum of the recorded budgets in CLP; null when none of its projects has one. */
  inversionClp: number | null;
}

/**
 * Investment per neighbourhood unit: for each unit, the number of the given
 * projects that cross it and the sum of their recorded budgets. A project
 * crossing several units counts whole in each (the plan does not say how a
 * budget splits), so the units' totals must not be added up. No budget
 * recorded stays null, never 0.
 */
export function investmentByUnit(units: readonly UnitProjects[], projects: readonly ProjectInvestment[]): UnitInvestment[] {
  const budgets = new Map(projects.map((project) => [project.codigo, project.inversionClp]));
  return units.map((unit) => {
    let count = 0;
    let withBudget = 0;
    let total = 0;
    for (const code of unit.proyectos) {
      if (!budgets.has(code)) continue;
      count += 1;
      const budget = budgets.get(code);
      if (budget === null || budget === undefined) continue;
      withBudget += 1;
      total += budget;
    }
    return { codigo: unit.codigo, proyectos: count, conPresupuesto: withBudget, inversionClp: withBudget > 0 ? total : null };
  });
}
