import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;
const bridges = 'L6.O1.P1.G1.03';

interface DashboardBody {
  lineamientos: Array<{ codigo: string; avance: number | null; sinInformacion: number; incluidos: number }>;
  ejecucion: { estimado: number; aprobado: number; ejecutado: number };
  unidades: Array<{ id: number; proyectos: number; avance: number | null; inversion: number; sinInformacion: number }>;
  historial: Array<{ codigo: string; estado: string; desde: string }>;
}

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t?.close());

const dashboard = async (hasta: string) => {
  const response = await t.app.inject({ method: 'GET', url: `/plan/tablero?hasta=${hasta}` });
  expect(response.statusCode).toBe(200);
  return response.json() as DashboardBody;
};

describe('workbench dashboard', () => {
  it('says "sin información" (null), not 0 %, while nothing has been recorded', async () => {
    const body = await dashboard('2026-06-30');
    expect(body.lineamientos.length).toBeGreaterThan(0);
    for (const line of body.lineamientos) expect(line.avance).toBeNull();
    for (const unit of body.unidades) expect(unit.avance).toBeNull();
    expect(body.historial).toEqual([]);
  });

  it('reports progress, execution against budget and the status history as recorded', async () => {
    const db = t.database.db;
    await db.query(
      `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp)
       values ($1, 2025, 'MOP', 900, 800, 200), ($1, 2026, 'MOP', 100, 100, 50)`,
      [bridges],
    );
    await db.query(`insert into proyecto_avances (codigo, fecha, avance_fisico, registrado_por) values ($1, '2026-03-01', 30, 'SECPLA')`, [
      bridges,
    ]);
    await db.query(
      `insert into proyecto_estados (codigo, estado, desde, registrado_por) values ($1, 'licitación', '2024-05-01', 'SECPLA'), ($1, 'ejecución', '2025-09-01', 'SECPLA')`,
      [bridges],
    );
    const body = await dashboard('2026-06-30');
    const [sums] = await db.query<{ estimado: number; aprobado: number; ejecutado: number }>(
      `select sum(estimado_clp)::bigint as estimado, sum(aprobado_clp)::bigint as aprobado, sum(ejecutado_clp)::bigint as ejecutado from proyecto_presupuestos`,
    );
    expect(body.ejecucion).toMatchObject(sums!);
    expect(body.lineamientos.find((line) => line.codigo === 'L6')?.avance).toBeGreaterThan(0);
    expect(body.historial).toEqual([
      { codigo: bridges, estado: 'licitación', desde: '2024-05-01' },
      { codigo: bridges, estado: 'ejecución', desde: '2025-09-01' },
    ]);
    const touched = await db.query<{ id: number }>(
      `select uv.id from unidades_vecinales uv join proyectos p on p.codigo = $1 and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)`,
      [bridges],
    );
    expect(touched.length).toBeGreaterThan(0);
    for (const { id } of touched) {
      const unit = body.unidades.find((candidate) => candidate.id === id)!;
      expect(unit.avance).not.toBeNull();
      expect(unit.inversion).toBeGreaterThan(0);
    }
    // Before the progress was measured, the same units are back to "sin información".
    const before = await dashboard('2026-01-31');
    for (const { id } of touched) expect(before.unidades.find((candidate) => candidate.id === id)!.avance).toBeNull();
  });

  it('refuses a cut-off date that is not a calendar day', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/plan/tablero?hasta=2026-02-30' });
    expect(response.statusCode).toBe(422);
    expect(response.json().field).toBe('hasta');
  });
});
