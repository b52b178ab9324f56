import { describe, expect, it } from 'vitest';
import { combineLocations, type Location } from './seed-plan.ts';

const spot = (precision: Location['precision'], fuente: string, nota: string | null = null): Location => ({
  code: 'L6.O1.P1.G1.03',
  geometry: { type: 'Point', coordinates: [-70.76, -28.58] },
  fuente,
  precision,
  nota,
});

describe('combining a project’s locations', () => {
  it('makes a project as exact as its least exact spot, whatever the alphabet says', () => {
    const [bridges] = combineLocations([
      spot('aproximada', 'Ubicación aproximada del equipo SIT sobre el eje del río', 'Matta.'),
      spot('ilustrativa', 'Ubicación ilustrativa del equipo SIT a partir del texto', 'Oriente.'),
      spot('aproximada', 'Ubicación aproximada del equipo SIT sobre el eje del río', 'Interurbano.'),
    ]);
    expect(bridges).toMatchObject({
      precision: 'ilustrativa',
      fuente: 'Ubicación aproximada del equipo SIT sobre el eje del río; Ubicación ilustrativa del equipo SIT a partir del texto',
      // One line per location: the card lists them apart, each beside its bridge.
      nota: 'Matta.\nOriente.\nInterurbano.',
    });
    expect(bridges?.geometries).toHaveLength(3);
    // min() on the labels picked 'aproximada' over 'demo'.
    expect(combineLocations([spot('aproximada', 'a'), spot('demo', 'b')])[0]?.precision).toBe('demo');
  });

  it('keeps projects apart and a project without notes without a note', () => {
    const located = combineLocations([spot('oficial', 'Plano aprobado'), { ...spot('aproximada', 'x'), code: 'L2.O1.P1.G2.01' }]);
    expect(located.map((project) => [project.code, project.precision, project.nota])).toEqual([
      ['L6.O1.P1.G1.03', 'oficial', null],
      ['L2.O1.P1.G2.01', 'aproximada', null],
    ]);
  });
});
