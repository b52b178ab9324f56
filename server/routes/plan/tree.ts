import { pladecoMentions } from '../../plan/mentions.ts';
import type { PlanNode } from './schemas.ts';

/** A row of arbol.sql: one node of plan_nodos with its project counts. */
export interface PlanNodeRow {
  codigo: string;
  nivel: PlanNode['nivel'];
  codigo_padre: string | null;
  orden: number;
  nombre: string;
  tipo: string | null;
  definicion: string | null;
  descripcion: string | null;
  nota: string | null;
  proyectos: number;
  ubicados: number;
}

/**
 * Nests the flat rows of plan_nodos into the tree lineamiento → objetivo →
 * plan → (programa →) proyecto, children in document order. Rows whose
 * parent is missing are dropped rather than shown at the wrong level.
 */
export function buildPlanTree(rows: readonly PlanNodeRow[]): PlanNode[] {
  const nodes = new Map<string, PlanNode>();
  for (const row of rows) {
    const mentions = row.nivel === 'proyecto' ? pladecoMentions(row.nombre, row.descripcion, row.nota) : null;
    nodes.set(row.codigo, {
      codigo: row.codigo,
      nivel: row.nivel,
      nombre: row.nombre,
      orden: row.orden,
      ...(row.tipo ? { tipo: row.tipo } : {}),
      ...(row.definicion ? { definicion: row.definicion } : {}),
      ...(row.descripcion ? { descripcion: row.descripcion } : {}),
      ...(row.nota ? { nota: row.nota } : {}),
      ...(mentions && (mentions.fuentes.length > 0 || mentions.anios.length > 0) ? { mencionadoEnPladeco: mentions } : {}),
      proyectos: row.proyectos,
      ubicados: row.ubicados,
      hijos: [],
    });
  }
  const roots: PlanNode[] = [];
  for (const row of rows) {
    const node = nodes.get(row.codigo) as PlanNode;
    if (row.codigo_padre === null) {
      roots.push(node);
      continue;
    }
    nodes.get(row.codigo_padre)?.hijos.push(node);
  }
  const byOrder = (a: PlanNode, b: PlanNode) => a.orden - b.orden;
  const sort = (list: PlanNode[]) => {
    list.sort(byOrder);
    for (const node of list) sort(node.hijos);
  };
  sort(roots);
  return roots;
}
