import { describe, expect, it } from 'vitest';
import { previewAgreement } from './preview-agreement.ts';

describe('previewAgreement', () => {
  it('gives the largest relative difference over wetland areas and heritage distances', () => {
    const agreement = previewAgreement(
      {
        wetland: [
          { version: 'vigente', area_m2: 100_100, area_ha: 10.01 },
          { version: 'ampliacion_propuesta', area_m2: 200_000, area_ha: 20 },
        ],
        heritage: [
          { id: 7, nombre: 'Iglesia', distancia_m: 30.3, dentro: false },
          { id: 8, nombre: 'Casa', distancia_m: 0.004, dentro: true },
        ],
      },
      {
        humedal: [
          { version: 'vigente', area_m2: 100_000 },
          { version: 'ampliacion_propuesta', area_m2: 200_000 },
        ],
        patrimonio: [
          { id: 7, distancia_m: 30 },
          { id: 8, distancia_m: 0 },
        ],
      },
    );
    expect(agreement.maxDifferencePercent).toBeCloseTo(1, 6);
    expect(agreement.unmatched).toEqual([]);
  });

  it('reports heritage that only one side found', () => {
    const agreement = previewAgreement(
      { wetland: [], heritage: [{ id: 1, nombre: 'A', distancia_m: 49.9, dentro: false }] },
      { humedal: [], patrimonio: [{ id: 2, distancia_m: 10 }] },
    );
    expect(agreement.unmatched).toEqual(['2', '1']);
  });
});
