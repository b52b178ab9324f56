import type { Static } from 'typebox';
import type { PlanNode, PlanTree } from '../../../server/routes/plan/schemas.ts';

export type { PlanNode };
/** The answer of `GET /plan/arbol` (types from the server's schema). */
export type PlanTreeBody = Omit<Static<typeof PlanTree>, 'lineamientos'> & { lineamientos: PlanNode[] };
export type PlanLevel = PlanNode['nivel'];

function* walk(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const node of nodes) {
    yield node;
    yield* walk(node.hijos);
  }
}

/** Every node of a level, in document order. */
export function nodesAt(tree: PlanTreeBody, level: PlanLevel): PlanNode[] {
  return [...walk(tree.lineamientos)].filter((node) => node.nivel === level);
}

/** The nodes of a level below `parent` (any level above), or all of that level when `parent` is null. */
export function descendantsAt(tree: PlanTreeBody, level: PlanLevel, parent: string | null): PlanNode[] {
  return nodesAt(tree, level).filter((node) => parent === null || node.codigo.startsWith(`${parent}.`));
}
