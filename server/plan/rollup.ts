/**
 * Roll-up of physical progress through the PLADECO: proyecto → programa →
 * plan → objetivo → lineamiento. Pure: rows in, tree out; SQL only fetches.
 *
 * The rule (also given in every answer as `regla`):
 * - a node's progress is the weighted mean of the progress of every project
 *   below it (not a mean of its children's means), so each level agrees with
 *   the projects it contains;
 * - the weight of a project is its approved budget (CLP, all years), else its
 *   estimated budget; when no project of the group has a budget every project
 *   weighs the same and the node says `ponderacion: 'igual'`; when some have a
 *   budget and others do not, those without weigh 0 and are counted in
 *   `sinPresupuesto`;
 * - suspended and discarded projects are left out (counted in `excluidos`);
 * - a project with no progress recorded counts as 0 % and is counted in
 *   `sinInformacion` ("sin información").
 */
export const rollupRule =
  'Avance ponderado por presupuesto aprobado (si falta, el estimado) de todos los proyectos bajo el nodo; ' +
  'pesos iguales cuando ningún proyecto del grupo tiene presupuesto; proyectos suspendidos o descartados excluidos; ' +
  'proyectos sin avance registrado cuentan como 0 % y se informan como «sin información».';

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
  /** Weighted progress 0–100 (rounded to 0.1), null when no project is included. */
  avance: number | null;
  /** How projects were weighted; null when no project is included. */
  ponderacion: Weighting | null;
  /** Projects below (a project counts itself). */
  proyectos: number;
  incluidos: number;
  excluidos: number;
  sinInformacion: number;
  sinPresupuesto: number;
  /** Budget used as weight (CLP) summed over the included projects. */
  presupuestoPonderador: number;
  /** Projects only. */
  estado?: string | null;
  hijos: RollupNode[];
}

/** Approved budget, else estimated; null when neither was recorded. */
export function projectWeight(project: RollupProjectRow): number | null {
  return project.aprobado_clp ?? project.estimado_clp ?? null;
}

function summarise(projects: RollupProjectRow[]): Omit<RollupNode, 'codigo' | 'nivel' | 'nombre' | 'hijos' | 'estado'> {
  const included = projects.filter((project) => !excludedStatuses.includes(project.estado ?? ''));
  const weights = included.map(projectWeight);
  const anyBudget = weights.some((weight) => weight !== null && weight > 0);
  const effective = weights.map((weight) => (anyBudget ? (weight ?? 0) : 1));
  const total = effective.reduce((sum, weight) => sum + weight, 0);
  const weighted = included.reduce((sum, project, index) => sum + (project.avance ?? 0) * (effective[index] ?? 0), 0);
  return {
    avance: included.length === 0 || total === 0 ? null : Math.round((weighted / total) * 10) / 10,
    ponderacion: included.length === 0 ? null : anyBudget ? 'presupuesto' : 'igual',
    proyectos: projects.length,
    incluidos: included.length,
    excluidos: projects.length - included.length,
    sinInformacion: included.filter((project) => project.avance === null).length,
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
      ...summarise(below),
      ...(node.nivel === 'proyecto' ? { estado: own?.estado ?? null } : {}),
      hijos: children.map((child) => child.tree),
    };
    return { tree, below };
  };

  return (byParent.get(null) ?? []).sort((a, b) => a.orden - b.orden).map((root) => build(root).tree);
}
