import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeUnitSheetPdf } from '../../server/cli/report-pdf.ts';
import { artifactsDir, launchBrowser } from '../support/browser.ts';
import { openTestDatabase, type TestDatabase } from '../support/test-database.ts';

/** poppler-utils reads and renders the PDF; a missing tool fails the test with the fix, never skips it. */
function poppler(tool: 'pdfinfo' | 'pdftoppm' | 'pdftotext'): string {
  const found = ['/usr/bin', '/usr/local/bin'].map((dir) => path.join(dir, tool)).find((file) => existsSync(file));
  if (!found) throw new Error(`Falta ${tool}: instale el paquete Debian «poppler-utils».`);
  return found;
}

/** The sheet is an official document: only projects and sites of official precision count (docs/cifras.md). */
const overlaps = `p."precision" in ('oficial', 'aproximada') and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)`;
let database: TestDatabase;

beforeAll(async () => {
  database = await openTestDatabase();
  await mkdir(artifactsDir, { recursive: true });
});
afterAll(async () => {
  await database.dispose();
});

describe('territorial sheet PDF', () => {
  it('prints exactly one A4 page that renders and carries the unit name and its figures', async () => {
    const db = database.db;
    // The unit with most projects; a budget on each of its first three projects.
    const [unit] = await db.query<{ id: number; nombre: string }>(
      `select uv.id, uv.nombre from unidades_vecinales uv
       order by (select count(*) from proyectos p where ${overlaps}) desc, uv.id limit 1`,
    );
    await db.query(
      `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp)
       select p.codigo, 2026, 'FNDR', 480000000, 410000000, 123456789
       from proyectos p join unidades_vecinales uv on uv.id = $1 and ${overlaps}
       order by p.codigo limit 3`,
      [unit!.id],
    );
    const [figures] = await db.query<{ proyectos: number; aprobado: number; ejecutado: number; activos: number; oficiales: number }>(
      `select
         (select count(*)::int from proyectos p join unidades_vecinales uv on uv.id = $1 and ${overlaps}) as proyectos,
         (select sum(b.aprobado_clp)::bigint from proyecto_presupuestos b where b.codigo in
           (select p.codigo from proyectos p join unidades_vecinales uv on uv.id = $1 and ${overlaps})) as aprobado,
         (select sum(b.ejecutado_clp)::bigint from proyecto_presupuestos b where b.codigo in
           (select p.codigo from proyectos p join unidades_vecinales uv on uv.id = $1 and ${overlaps})) as ejecutado,
         (select count(*)::int from microbasurales m join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, m.geom)
           where m.estado in ('reportado', 'verificado', 'programado') and m."precision" in ('oficial', 'aproximada')) as activos,
         (select count(*)::int from microbasurales where "precision" in ('oficial', 'aproximada')) as oficiales`,
      [unit!.id],
    );

    const output = path.join(artifactsDir, `ficha-unidad-${unit!.id}.pdf`);
    expect(await writeUnitSheetPdf(db, unit!.id, output)).toBeGreaterThan(5_000);

    const info = execFileSync(poppler('pdfinfo'), [output], { encoding: 'utf8' });
    expect(info).toMatch(/^Pages:\s+1$/m);
    expect(info).toMatch(/Page size:.*\(A4\)/);

    const prefix = path.join(artifactsDir, `ficha-unidad-${unit!.id}-p1`);
    execFileSync(poppler('pdftoppm'), ['-png', '-r', '60', '-singlefile', output, prefix]);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);

    const text = execFileSync(poppler('pdftotext'), [output, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    const clp = (value: number) => `$${value.toLocaleString('es-CL')}`;
    expect(text).toContain(unit!.nombre);
    expect(text).toContain(`Proyectos (${figures!.proyectos})`);
    expect(text).toContain(`Aprobado ${clp(figures!.aprobado)}`);
    expect(text).toContain(`Ejecutado ${clp(figures!.ejecutado)}`);
    // The shipped micro-dumps are demo sites: officially there are none to count, which the sheet says instead of 0.
    if (figures!.oficiales === 0) expect(text).toContain('sin información (sin registros oficiales');
    else expect(text).toContain(`Activos: ${figures!.activos};`);
  });

  it('fits every neighbourhood unit on exactly one page', async () => {
    const units = await database.db.query<{ id: number }>(`select id from unidades_vecinales order by id`);
    expect(units.length).toBeGreaterThan(0);
    const browser = await launchBrowser();
    try {
      const pages: Record<number, string> = {};
      for (const { id } of units) {
        const output = path.join(artifactsDir, `ficha-unidad-todas-${id}.pdf`);
        await writeUnitSheetPdf(database.db, id, output, browser);
        pages[id] = /^Pages:\s+(\d+)$/m.exec(execFileSync(poppler('pdfinfo'), [output], { encoding: 'utf8' }))?.[1] ?? '?';
      }
      expect(Object.entries(pages).filter(([, count]) => count !== '1')).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
