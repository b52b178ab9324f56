import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../config.ts';

export type PlanLevel = 'lineamiento' | 'objetivo' | 'plan' | 'programa' | 'proyecto';

/** One node of seeds/pladeco/pladeco.json (the document's wording, stable code). */
export interface PlanNodeSeed {
  code: string;
  level: PlanLevel;
  parent: string | null;
  position: number;
  name: string;
  definition?: string;
  description?: string;
  note?: string;
  kind?: 'proyecto' | 'estudio' | 'accion';
}

export interface PladecoSeed {
  source: { title: string; author: string; period: string; file: string };
  ejesTransversales: { code: string; name: string; description?: string }[];
  nodes: PlanNodeSeed[];
}

export const pladecoFile = path.join(projectRoot, 'seeds', 'pladeco', 'pladeco.json');

export async function readPladeco(file = pladecoFile): Promise<PladecoSeed> {
  return JSON.parse(await readFile(file, 'utf8')) as PladecoSeed;
}

/** Text normalised for matching a quoted fragment: no accents, lower case, single spaces. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The codes of the project nodes whose name or description contains `fragment`
 * (compared without accents, case or spacing differences).
 */
export function projectsMatching(nodes: readonly PlanNodeSeed[], fragment: string): string[] {
  const wanted = normaliseText(fragment);
  return nodes
    .filter((node) => node.level === 'proyecto')
    .filter((node) => normaliseText(`${node.name} ${node.description ?? ''}`).includes(wanted))
    .map((node) => node.code);
}
