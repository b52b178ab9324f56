import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPladeco, type PladecoSeed } from '../../server/plan/pladeco-file.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

let database: TestDatabase;
let pladeco: PladecoSeed;
beforeAll(async () => {
  database = await openTestDatabase();
  pladeco = await readPladeco();
});
afterAll(async () => {
  await database.dispose();
});

interface NodeRow {
  codigo: string;
  nivel: string;
  codigo_padre: string | null;
  nombre: string;
}

describe('the PLADECO in the database', () => {
  it('has the six lineamientos the document tabulates, by their headings in Tomo II', async () => {
    const source = await readFile(new URL('../../seeds/pladeco/source/pladeco-2022-2029-tomo-ii.txt', import.meta.url), 'utf8');
    const headings = [...source.matchAll(/^(\d) LINEAMIENTO ESTRATÉGICO\s*\n\s*\n(.+)$/gm)].map((match) => match[2]?.trim());
    expect(headings).toHaveLength(6);
    const rows = await database.db.query<NodeRow>("select nombre from plan_nodos where nivel = 'lineamiento' order by orden");
    expect(rows.map((row) => row.nombre)).toEqual(headings);
  });

  it('holds every node of the transcription with its level, parent and wording', async () => {
    const rows = await database.db.query<NodeRow>('select codigo, nivel, codigo_padre, nombre from plan_nodos');
    const byCode = new Map(rows.map((row) => [row.codigo, row]));
    expect(rows).toHaveLength(pladeco.nodes.length);
    for (const node of pladeco.nodes) {
      expect(byCode.get(node.code), node.code).toEqual({
        codigo: node.code,
        nivel: node.level,
        codigo_padre: node.parent,
        nombre: node.name,
      });
    }
  });

  it('serves each project with the lineage obtained by walking up its parents', async () => {
    const parents = new Map(pladeco.nodes.map((node) => [node.code, node]));
    const rows = await database.db.query<Record<string, string | null>>(
      'select codigo, lineamiento_codigo, objetivo_codigo, plan_codigo, programa_codigo from proyectos_plan',
    );
    const projects = pladeco.nodes.filter((node) => node.level === 'proyecto');
    expect(rows).toHaveLength(projects.length);
    for (const row of rows) {
      const lineage: Record<string, string | null> = { programa: null };
      for (let node = parents.get(row.codigo as string); node?.parent;) {
        node = parents.get(node.parent);
        if (node) lineage[node.level] = node.code;
      }
      expect(row, row.codigo as string).toEqual({
        codigo: row.codigo,
        lineamiento_codigo: lineage.lineamiento,
        objetivo_codigo: lineage.objetivo,
        plan_codigo: lineage.plan,
        programa_codigo: lineage.programa,
      });
    }
  });

  it('invents no status, budget or funding: the document gives none', async () => {
    const [row] = await database.db.query<{ estados: number; presupuestos: number; fuentes: number }>(
      `select count(estado)::int as estados,
              (select count(*)::int from proyecto_presupuestos) as presupuestos,
              count(*) filter (where cardinality(fuentes_financiamiento) > 0)::int as fuentes
       from proyectos`,
    );
    expect(row).toEqual({ estados: 0, presupuestos: 0, fuentes: 0 });
  });

  it('labels every project with fuente and precision; a located one says who placed it, never as official', async () => {
    const rows = await database.db.query<{ codigo: string; precision: string; located: boolean; fuente: string }>(
      'select codigo, "precision", geom is not null as located, fuente from proyectos',
    );
    for (const row of rows) {
      expect(row.fuente).toContain('PLADECO 2022–2029');
      if (!row.located) {
        expect(row.precision, row.codigo).toBe('oficial');
        continue;
      }
      // The Tomo II gives no positions: the SIT team placed every one, most only to illustrate.
      expect(['aproximada', 'ilustrativa'], row.codigo).toContain(row.precision);
      expect(row.fuente, row.codigo).toMatch(/; ubicación: .*equipo SIT/);
    }
    const located = rows.filter((row) => row.located);
    expect(located.filter((row) => row.precision === 'ilustrativa')).toHaveLength(14);
    expect(located).toHaveLength(21);
  });
});
