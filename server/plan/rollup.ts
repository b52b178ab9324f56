/**
 * Roll-up of physical progress through the PLADECO: proyecto → programa →
 * plan → objetivo → lineamiento. Pure: rows in, tree out; SQL only fetches.
 *
 * The rule (also given in every answer as `regla`; docs/cifras.md explains it):
 * - a node's progress is the weighted mean of the progress of the projects
 *   below it that have progress recorded (not a mean of its children's
 *   means), so each level agrees with the projects it contains;
 * - a project with no progress recorded is not 0 %: it stays out of the mean
 *   and is counted in `sinInformacion`; the node says over how many projects
 *   its figure stands (`conAvance` of `incluidos`), and with none it is null
 *   ("sin información");
 * - the weight of a project is its approved budget (CLP, all years), else its
 *   estimated budget; when no project in the mean has a budget every one
 *   weighs the same and the node says `ponderacion: 'igual'`; when some have
 *   a budget and others do not, those without weigh 0 and are counted in
 *   `sinPresupuesto`;
 * - suspended and discarded projects are left out (counted in `excluidos`).
 */
export const rollupRule =
  'Avance ponderado por presupuesto aprobado (si falta, el estimado) de los proyectos con avance registrado bajo el nodo; ' +
  'pesos iguales cuando ninguno de ellos tiene presupuesto; proyectos suspendidos o descartados excluidos. ' +
  'Un proyecto sin avance registrado no cuenta como 0 %: queda fuera del promedio y la cifra dice sobre cuántos proyectos se calcula ' +
  '(«25 % (1 de 17 proyectos con avance registrado)»); sin ninguno, «sin información».';

export const excludedStatuses: readonly string[] = ['suspendido', 'descartado'];

/** A node of the plan as stored in plan_nodos. */
export interface RollupNodeRow {
  codigo: string;
  nivel: 'lineamiento' | 'objetivo' | 'plan' | 'programa' | 'proyecto';
  codigo_padre: string | null;
  orden: number;
  nombre: string;
}

/** What is known of a project at the cut-off date. */
export interface RollupProjectRow {
  codigo: string;
  estado: string | null;
  /** Physical progress 0–100, null when none was recorded. */
  avance: number | null;
  aprobado_clp: number | null;
  estimado_clp: number | null;
}

export type Weighting = 'presupuesto' | 'igual';

/** A node of the roll-up tree. */
export interface RollupNode {
  codigo: string;
  nivel: RollupNodeRow['nivel'];
  nombre: string;
  /** Weighted progress 0–100 (rounded to 0.1) of the projects with progress recorded; null when none has. */
  avance: number | null;
  /** How projects were weighted; null when no project has progress recorded. */
  ponderacion: Weighting | null;
  /** Projects below (a project counts itself). */
  proyectos: number;
  /** Projects not suspended nor discarded. */
  incluidos: number;
  excluidos: number;
  /** Included projects with progress recorded: the figure stands on these. */
  conAvance: number;
  /** Included projects without progress recorded (left out of the mean, never 0 %). */
  sinInformacion: number;
  sinPresupuesto: number;
  /** Budget used as weight (CLP) summed over the projects in the mean. */
  presupuestoPonderador: number;
  /** Projects only. */
  estado?: string | null;
  hijos: RollupNode[];
}

/** Approved budget, else estimated; null when neither was recorded. */
export function projectWeight(project: RollupProjectRow): number | null {
  return project.aprobado_clp ?? project.estimado_clp ?? null;
}

/** The figures of a group of projects by the rule above (a node, a neighbourhood unit). */
export type ProgressSummary = Omit<RollupNode, 'codigo' | 'nivel' | 'nombre' | 'hijos' | 'estado'>;

/** Progress of any group of projects by the roll-up's rule (nodes of the plan, neighbourhood units). */
export function progressOf(projects: readonly RollupProjectRow[]): ProgressSummary {
  const included = projects.filter((project) => !excludedStatuses.includes(project.estado ?? ''));
  const recorded = included.filter((project) => project.avance !== null);
  const weights = recorded.map(projectWeight);
  const anyBudget = weights.some((weight) => weight !== null && weight > 0);
  const effective = weights.map((weight) => (anyBudget ? (weight ?? 0) : 1));
  const total = effective.reduce((sum, weight) => sum + weight, 0);
  const weighted = recorded.reduce((sum, project, index) => sum + (project.avance ?? 0) * (effective[index] ?? 0), 0);
  return {
    avance: recorded.length === 0 || total === 0 ? null : Math.round((weighted / total) * 10) / 10,
    ponderacion: recorded.length === 0 ? null : anyBudget ? 'presupuesto' : 'igual',
    proyectos: projects.length,
    incluidos: included.length,
    excluidos: projects.length - included.length,
    conAvance: recorded.length,
    sinInformacion: included.length - recorded.length,
    sinPresupuesto: included.filter((project) => projectWeight(project) === null).length,
    presupuestoPonderador: weights.reduce<number>((sum, weight) => sum + (weight ?? 0), 0),
  };
}

/**
 * Builds the roll-up tree from the plan's nodes (any order) and the projects'
 * state at the cut-off date. Children keep the document's order.
 */
export function rollupPlan(nodes: RollupNodeRow[], projects: RollupProjectRow[]): RollupNode[] {
  const byParent = new Map<string | null, RollupNodeRow[]>();
  for (const node of nodes) {
    const siblings = byParent.get(node.codigo_padre) ?? [];
    siblings.push(node);
    byParent.set(node.codigo_padre, siblings);
  }
  const projectByCode = new Map(projects.map((project) => [project.codigo, project]));

  const build = (node: RollupNodeRow): { tree: RollupNode; below: RollupProjectRow[] } => {
    const children = [...(byParent.get(node.codigo) ?? [])].sort((a, b) => a.orden - b.orden).map(build);
    const own = node.nivel === 'proyecto' ? projectByCode.get(node.codigo) : undefined;
    const below = [...(own ? [own] : []), ...children.flatMap((child) => child.below)];
    const tree: RollupNode = {
      codigo: node.codigo,
      nivel: node.nivel,
      nombre: node.nombre,
      ...progressOf(below),
      ...(node.nivel === 'proyecto' ? { estado: own?.estado ?? null } : {}),
      hijos: children.map((child) => child.tree),
    };
    return { tree, below };
  };

  return (byParent.get(null) ?? []).sort((a, b) => a.orden - b.orden).map((root) => build(root).tree);
}
