import { describe, expect, it } from 'vitest';
import { pladecoMentions } from './mentions.ts';

describe('pladecoMentions', () => {
  it('finds the funding bodies and years the PLADECO text names', () => {
    expect(pladecoMentions('Postular iniciativa al FNDR para control de especies invasora y limpieza del Río Huasco.')).toEqual({
      fuentes: ['FNDR'],
      anios: [],
    });
    expect(
      pladecoMentions(
        'Concretar proyecto Parque Solar Comunal, a través de un convenio público-privado, durante el año 2021 se evalúa la idea de proyecto y para el año 2022 se proyecta informe técnico.',
      ),
    ).toEqual({ fuentes: ['Convenio público-privado'], anios: [2021, 2022] });
    expect(
      pladecoMentions(
        'dentro del convenio de programación regional con el MINVU-SERVIU-GORE-MUNICIPIO',
        'Postulación al Ministerio de Energía',
      ).fuentes,
    ).toEqual(['Ministerio de Energía', 'MINVU', 'SERVIU', 'GORE', 'Convenio de programación']);
  });

  it('does not take words that merely contain a name, nor numbers that are not years', () => {
    expect(pladecoMentions('Gobernanza ambiental; 150 familias; 2.022 m²; ODS 11; Plan Ciudad Bicentenario Vallenar 2034')).toEqual({
      fuentes: [],
      anios: [2034],
    });
    expect(pladecoMentions(null, undefined, '')).toEqual({ fuentes: [], anios: [] });
  });

  it('lists each year once, in order, from every text given', () => {
    expect(pladecoMentions('años 2019- 2020- 2021', 'y 2020 otra vez').anios).toEqual([2019, 2020, 2021]);
  });
});
