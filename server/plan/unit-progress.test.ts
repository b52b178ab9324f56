import { describe, expect, it } from 'vitest';
import { unitProgress } from './unit-progress.ts';

const project = (codigo: string, avance: number | null, aprobado: number | null = null, estado: string | null = 'ejecución') => ({
  codigo,
  estado,
  avance,
  aprobado_clp: aprobado,
  estimado_clp: null,
});

describe('unitProgress', () => {
  it('is null ("sin información"), not 0, when no project has recorded progress', () => {
    expect(unitProgress([project('a', null), project('b', null)])).toEqual({ avance: null, sinInformacion: 2 });
    expect(unitProgress([])).toEqual({ avance: null, sinInformacion: 0 });
  });

  it('weights by approved budget and counts projects without progress', () => {
    expect(unitProgress([project('a', 100, 300), project('b', 0, 100), project('c', null, 100)])).toEqual({
      avance: 60,
      sinInformacion: 1,
    });
  });

  it('leaves suspended and discarded projects out', () => {
    expect(unitProgress([project('a', 40), project('b', 100, null, 'descartado'), project('c', 90, null, 'suspendido')])).toEqual({
      avance: 40,
      sinInformacion: 0,
    });
  });
});
