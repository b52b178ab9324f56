// Checks seeds/pladeco/pladeco.json against the copy of the source document
// (seeds/pladeco/source/pladeco-2022-2029-tomo-ii.txt). See README.md for the
// transcription rules these tests enforce.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Level = 'lineamiento' | 'objetivo' | 'plan' | 'programa' | 'proyecto';
type Kind = 'proyecto' | 'estudio' | 'accion';

interface PlanNode {
  code: string;
  level: Level;
  parent: string | null;
  position: number;
  name: string;
  description?: string;
  definition?: string;
  note?: string;
  kind?: Kind;
  ods?: number[];
}

interface Pladeco {
  source: { title: string; author: string; period: string; file: string };
  ejesTransversales: { code: string; name: string; description: string }[];
  ods: { number: number; name: string; lineamientos: string[] }[];
  nodes: PlanNode[];
}

const here = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));

const data = JSON.parse(readFileSync(here('./pladeco.json'), 'utf8')) as Pladeco;
const sourcePath = here(`./${data.source.file}`);
const sourceBuffer = readFileSync(sourcePath);
const source = sourceBuffer.toString('utf8');
const sourceLines = source.split('\n');

// sha256 of ../shared/seeds/000_ce9e2ef39946b9cb.txt (beside the repository), of which the source file is a byte-for-byte copy.
const SOURCE_SHA256 = '0c9272262c8288f3cf6dc3a900fb1985e71bb6780f736f28b068776f8e920928';

// ---------------------------------------------------------------------------
// Normalisation: strip HTML tags (<p>, </p>, <ul ...>), markdown table pipes and
// table separator rows (|---|--|), then collapse all whitespace.
// ---------------------------------------------------------------------------
const isSeparatorRow = (line: string): boolean => /^\s*\|[\s|:-]*-[\s|:-]*$/.test(line);

const norm = (text: string): string =>
  text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\|/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

const cellsOf = (line: string): string[] => {
  const trimmed = line.trim();
  const inner = trimmed.slice(1, trimmed.endsWith('|') ? -1 : undefined);
  return inner.split('|').map((c) => c.trim());
};

const tableRows = sourceLines.filter((l) => l.trim().startsWith('|') && !isSeparatorRow(l));

// Whole text, read line by line.
const flatText = norm(sourceLines.filter((l) => !isSeparatorRow(l)).join('\n'));

// Tables continue across page breaks: the rest of a cell's text sits in the same
// column of the next table row. Reading each table column top-to-bottom (cells
// joined in document order) makes such split cells contiguous again.
const columnTexts: string[] = [];
for (const row of tableRows) {
  cellsOf(row).forEach((cell, i) => {
    columnTexts[i] = `${columnTexts[i] ?? ''} ${cell}`;
  });
}
const haystacks = [flatText, ...columnTexts.map(norm)];

const inSource = (text: string): boolean => {
  const needle = norm(text);
  return needle.length > 0 && haystacks.some((h) => h.includes(needle));
};

const nodes = data.nodes;
const byCode = new Map(nodes.map((n) => [n.code, n]));
const LEVELS: Level[] = ['lineamiento', 'objetivo', 'plan', 'programa', 'proyecto'];

// Plans whose PROYECTO/ESTUDIOS cell cannot be assigned to a single programa, so
// their items hang directly from the plan (documented in README.md):
// - L2.O1.P4 "Plan Municipal de Cultura.": its first row has an empty PROGRAMA cell.
// - L4.O1.P1, L4.O1.P2, L5.O1.P1: one PROGRAMA cell lists several programas and
//   one PROYECTO/ESTUDIOS cell lists items shared by all of them.
// Values: number of items attached directly to each plan, counted by hand.
const PLAN_LEVEL_ITEMS: Record<string, number> = {
  'L2.O1.P4': 1,
  'L4.O1.P1': 2,
  'L4.O1.P2': 9,
  'L5.O1.P1': 16,
};

describe('source copy', () => {
  it('is the unmodified PLADECO 2022–2029 Tomo II text', () => {
    expect(createHash('sha256').update(sourceBuffer).digest('hex')).toBe(SOURCE_SHA256);
    expect(source).toContain('TOMO II PLANIFICACIÓN ESTRATEGICA');
    expect(source).toContain('MUNICIPALIDAD DE VALLENAR');
  });

  it('normalisation sanity: a name split by a page break is found, an invented one is not', () => {
    expect(inSource('Fomento del cuidado y la tenencia responsable de mascotas.')).toBe(true);
    expect(inSource('Programa de tenencia responsable de mascotas.')).toBe(false);
    expect(inSource('Plan de Desarrollo de Personas.')).toBe(false); // case-sensitive
  });
});

describe('wording comes from the document', () => {
  it.each(nodes.map((n) => [n.code, n] as const))('%s name/description/note/definition', (_code, n) => {
    expect(inSource(n.name), `name not found: ${n.name}`).toBe(true);
    for (const field of ['description', 'definition', 'note'] as const) {
      const value = n[field];
      if (value !== undefined) expect(inSource(value), `${field} not found: ${value}`).toBe(true);
    }
  });

  it('ejes transversales name and description', () => {
    for (const eje of data.ejesTransversales) {
      expect(inSource(eje.name), eje.name).toBe(true);
      expect(inSource(eje.description), eje.description).toBe(true);
    }
  });

  it('node names are not padded and items with a "Title: text" split keep both parts', () => {
    for (const n of nodes) {
      expect(n.name).toBe(n.name.trim());
      expect(n.name).not.toMatch(/<|>|\|/);
      if (n.level === 'proyecto' && n.description !== undefined) {
        // name + ":" (or ".-") + description is a contiguous passage of the source.
        const joined = [`${n.name}: ${n.description}`, `${n.name}.- ${n.description}`];
        expect(joined.some(inSource), n.code).toBe(true);
      }
    }
  });
});

describe('structure', () => {
  it('codes are unique', () => {
    expect(new Set(nodes.map((n) => n.code)).size).toBe(nodes.length);
    const ejeCodes = data.ejesTransversales.map((e) => e.code);
    expect(new Set(ejeCodes).size).toBe(ejeCodes.length);
  });

  it('every parent exists and the level chain is lineamiento → objetivo → plan → programa → proyecto', () => {
    for (const n of nodes) {
      expect(LEVELS).toContain(n.level);
      if (n.level === 'lineamiento') {
        expect(n.parent).toBeNull();
        expect(n.code).toBe(`L${n.position}`);
        continue;
      }
      expect(n.parent, n.code).not.toBeNull();
      const parent = byCode.get(n.parent as string);
      expect(parent, `${n.code}: missing parent ${n.parent}`).toBeDefined();
      const p = parent as PlanNode;
      const expectedParentLevel = LEVELS[LEVELS.indexOf(n.level) - 1];
      if (n.level === 'proyecto' && p.level === 'plan') {
        // documented exception, see PLAN_LEVEL_ITEMS
        expect(Object.keys(PLAN_LEVEL_ITEMS), n.code).toContain(p.code);
      } else {
        expect(p.level, n.code).toBe(expectedParentLevel);
      }
      const segment = {
        objetivo: `O${n.position}`,
        plan: `P${n.position}`,
        programa: `G${n.position}`,
        proyecto: String(n.position).padStart(2, '0'),
      }[n.level];
      expect(n.code).toBe(`${p.code}.${segment}`);
    }
  });

  it('positions are 1..n, in order, among siblings of the same level', () => {
    const groups = new Map<string, number[]>();
    for (const n of nodes) {
      const key = `${n.parent ?? ''}|${n.level}`;
      groups.set(key, [...(groups.get(key) ?? []), n.position]);
    }
    for (const [key, positions] of groups) {
      expect(positions, key).toEqual(positions.map((_, i) => i + 1));
    }
  });

  it('plans with plan-level items have exactly the hand-counted number of them', () => {
    const direct = (plan: string) => nodes.filter((n) => n.level === 'proyecto' && n.parent === plan).length;
    for (const [plan, count] of Object.entries(PLAN_LEVEL_ITEMS)) {
      expect(byCode.get(plan)?.level, plan).toBe('plan');
      expect(direct(plan), plan).toBe(count);
    }
  });

  it('kind is set on proyecto nodes only, definition on lineamientos only', () => {
    for (const n of nodes) {
      if (n.level === 'proyecto') expect(['proyecto', 'estudio', 'accion']).toContain(n.kind);
      else expect(n.kind, n.code).toBeUndefined();
      if (n.level === 'lineamiento') expect(typeof n.definition).toBe('string');
      else expect(n.definition, n.code).toBeUndefined();
    }
  });

  it('ODS: only what the document states', () => {
    // The document mentions the 17 ODS in general (section "Objetivos de desarrollo
    // sustentable") but neither lists them by number/name nor maps them to
    // lineamientos, so nothing is transcribed (see README.md).
    const ODS_ENTRIES = 0;
    expect(data.ods).toHaveLength(ODS_ENTRIES);
    for (const o of data.ods) {
      expect(o.number).toBeGreaterThanOrEqual(1);
      expect(o.number).toBeLessThanOrEqual(17);
      for (const l of o.lineamientos) expect(byCode.get(l)?.level).toBe('lineamiento');
    }
    expect(nodes.filter((n) => n.ods !== undefined)).toHaveLength(0);
  });
});

describe('counts counted by hand from the document', () => {
  // Counted by hand from the tables "1 LINEAMIENTO ESTRATÉGICO" … "6 LINEAMIENTO
  // ESTRATÉGICO" (lines 402–549 of the source), after splitting cells as described
  // in README.md. Programas: L1 3+2, L2 13+2+1+1, L3 6, L4 2+19, L5 23+1+1, L6 4.
  // Proyectos: L1 (3+2+10)+(5+3); L2 (1+2+4+2+4+3+1+2+3+9+3+3+3)+(2+3)+3+(1+1);
  // L3 1+1+2+1+1+4; L4 2+9; L5 16+1+5; L6 5+2+5+5.
  const EXPECTED: Record<Level, number> = {
    lineamiento: 6,
    objetivo: 6,
    plan: 18,
    programa: 78,
    proyecto: 133,
  };
  const PER_LINEAMIENTO: Record<string, [plans: number, programas: number, proyectos: number]> = {
    L1: [2, 5, 23],
    L2: [4, 17, 50],
    L3: [6, 6, 10],
    L4: [2, 21, 11],
    L5: [3, 25, 22],
    L6: [1, 4, 17],
  };
  const EJES_TRANSVERSALES = 10; // "Inclusión" appears twice in the document, both kept

  it('per level', () => {
    for (const level of LEVELS) {
      expect(nodes.filter((n) => n.level === level).length, level).toBe(EXPECTED[level]);
    }
  });

  it('per lineamiento', () => {
    for (const [l, [plans, programas, proyectos]] of Object.entries(PER_LINEAMIENTO)) {
      const under = nodes.filter((n) => n.code.startsWith(`${l}.`));
      expect(under.filter((n) => n.level === 'objetivo').length, l).toBe(1);
      expect(under.filter((n) => n.level === 'plan').length, l).toBe(plans);
      expect(under.filter((n) => n.level === 'programa').length, l).toBe(programas);
      expect(under.filter((n) => n.level === 'proyecto').length, l).toBe(proyectos);
    }
  });

  it('ejes transversales', () => {
    expect(data.ejesTransversales).toHaveLength(EJES_TRANSVERSALES);
    data.ejesTransversales.forEach((e, i) => {
      expect(e.code).toBe(`EJE-${String(i + 1).padStart(2, '0')}`);
    });
  });
});

describe('lineamientos match the document', () => {
  const header = sourceLines.findIndex((l) => l.startsWith('| ESTRATEGIA | DEFINICIÓN ESTRATÉGICA |'));
  const definitionRows: [string, string][] = [];
  for (const line of sourceLines.slice(header + 1)) {
    if (!line.trim().startsWith('|')) break;
    if (isSeparatorRow(line)) continue;
    const [name = '', definition = ''] = cellsOf(line);
    definitionRows.push([name, definition]);
  }

  it('the "Lineamiento Estratégico y definición" table has six rows', () => {
    expect(header).toBeGreaterThan(0);
    expect(definitionRows).toHaveLength(6);
  });

  it('each lineamiento of that table is a node, in order, with its definición', () => {
    definitionRows.forEach(([name, definition], i) => {
      const node = byCode.get(`L${i + 1}`);
      expect(node?.level).toBe('lineamiento');
      expect(node?.name).toBe(name);
      expect(node?.definition).toBe(definition);
    });
  });

  it('each lineamiento name equals the heading of its "N LINEAMIENTO ESTRATÉGICO" section', () => {
    for (let n = 1; n <= 6; n++) {
      const at = sourceLines.findIndex((l) => l.trim() === `${n} LINEAMIENTO ESTRATÉGICO`);
      expect(at, `section ${n}`).toBeGreaterThan(0);
      const heading = sourceLines.slice(at + 1).find((l) => l.trim() !== '');
      expect(byCode.get(`L${n}`)?.name).toBe(heading?.trim());
    }
  });
});

describe('files', () => {
  it('source.file points to the copied source', () => {
    expect(existsSync(sourcePath)).toBe(true);
  });
});
