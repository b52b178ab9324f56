import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportPdf } from '../../server/cli/report-pdf.ts';
import { artifactsDir } from '../support/browser.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** poppler-utils renders and reads the PDF; missing tools fail the test with the fix, never skip it. */
function poppler(tool: 'pdftoppm' | 'pdftotext'): string {
  const found = ['/usr/bin', '/usr/local/bin'].map((dir) => path.join(dir, tool)).find((file) => existsSync(file));
  if (!found) throw new Error(`Falta ${tool}: instale el paquete Debian «poppler-utils».`);
  return found;
}

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await mkdir(artifactsDir, { recursive: true });
});
afterAll(async () => {
  await database.dispose();
});

describe('semiannual report PDF', () => {
  it('prints an A4 PDF whose first page renders and whose text names every lineamiento', async () => {
    await database.db.query(
      `insert into proyecto_estados (codigo, estado, desde, nota, registrado_por) values ('L6.O1.P1.G1.03', 'diseño', '2026-03-02', 'Diseño adjudicado', 'SECPLA')`,
    );
    const output = path.join(artifactsDir, 'informe-2026-s1.pdf');
    const bytes = await writeReportPdf(database.db, 2026, 1, output);
    expect(bytes).toBeGreaterThan(5_000);

    const prefix = path.join(artifactsDir, 'informe-2026-s1-p1');
    execFileSync(poppler('pdftoppm'), ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', output, prefix]);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);

    const text = execFileSync(poppler('pdftotext'), [output, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Informe semestral de avance del PLADECO');
    expect(text).toContain('Diseño adjudicado');
    const lineamientos = await database.db.query<{ codigo: string; nombre: string }>(
      `select codigo, nombre from plan_nodos where nivel = 'lineamiento' order by orden`,
    );
    expect(lineamientos.length).toBeGreaterThan(0);
    for (const line of lineamientos) {
      // Names are long: the table may wrap them, so the first words are looked for.
      const start = line.nombre.replace(/\s+/g, ' ').split(' ').slice(0, 3).join(' ');
      expect(text, line.codigo).toContain(start);
    }
  });
});
