import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { minimumAreaKm2 } from '../../server/figures/minimums.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

/**
 * Issue #14, part 6: figures that cannot mislead. A sliver of a unit does not
 * top the density ranking, and a coverage over proposed cycle paths says so
 * instead of 0 %. On the shipped data.
 */
let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t?.close());

interface Unit {
  codigo: string;
  area_km2: number;
  poblacion: number | null;
  densidad_microbasurales_km2: number | null;
  inversion_por_habitante: number | null;
  proporcion_cerca_ciclovia: number | null;
  sin_calcular: Record<string, string>;
}

describe('indicators below the documented minimums', () => {
  it('computes no density for a unit smaller than the minimum area, and says why', async () => {
    const body = (await t.app.inject('/analysis/indicadores?unidad=unidades_vecinales')).json<{ unidades: Unit[] }>();
    const small = body.unidades.filter((unit) => unit.area_km2 < minimumAreaKm2);
    expect(small.length, 'the shipped units include a sliver under the minimum').toBeGreaterThan(0);
    for (const unit of small) {
      expect(unit.densidad_microbasurales_km2, unit.codigo).toBeNull();
      expect(unit.sin_calcular.densidad_microbasurales_km2).toMatch(/menor que el mínimo de 0,2 km²/);
    }
    for (const unit of body.unidades.filter((candidate) => candidate.area_km2 >= minimumAreaKm2)) {
      expect(unit.densidad_microbasurales_km2, unit.codigo).not.toBeNull();
    }
    const csv = (await t.app.inject('/analysis/indicadores?unidad=unidades_vecinales&f=csv')).body;
    expect(csv).toContain(`densidad_microbasurales_km2: ${small[0]!.sin_calcular.densidad_microbasurales_km2}`);
  });

  it('says «todas propuestas: sin ciclovías existentes» instead of 0 % when no cycle path exists yet', async () => {
    const [paths] = await t.database.db.query<{ total: number; existentes: number }>(
      `select count(*)::int as total, count(*) filter (where estado = 'existente')::int as existentes from ciclovias`,
    );
    expect(paths).toMatchObject({ existentes: 0 });
    expect(paths!.total).toBeGreaterThan(0);
    const body = (await t.app.inject('/analysis/indicadores?unidad=zonas_censales')).json<{ unidades: Unit[] }>();
    for (const unit of body.unidades) {
      expect(unit.proporcion_cerca_ciclovia, unit.codigo).toBeNull();
      expect(unit.sin_calcular.proporcion_cerca_ciclovia).toBe('todas propuestas: sin ciclovías existentes');
    }
  });

  it('gives no figure per inhabitant for a unit without population or under the minimum', async () => {
    const body = (await t.app.inject('/analysis/indicadores?unidad=unidades_vecinales')).json<{ unidades: Unit[] }>();
    const unpopulated = body.unidades.filter((unit) => unit.poblacion === null || unit.poblacion < 100);
    expect(unpopulated.length).toBeGreaterThan(0);
    for (const unit of unpopulated) expect(unit.inversion_por_habitante, unit.codigo).toBeNull();
  });
});
