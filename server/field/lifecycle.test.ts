import { describe, expect, it } from 'vitest';
import { transitionProblem, transitions } from './lifecycle.ts';

describe('micro-dump lifecycle', () => {
  it('goes reportado → verificado → programado → limpiado → cerrado, one step at a time', () => {
    expect(transitionProblem('reportado', { hacia: 'verificado' }, 'terreno', 1)).toBeNull();
    expect(transitionProblem('verificado', { hacia: 'programado' }, 'planificador', 1)).toBeNull();
    expect(transitionProblem('programado', { hacia: 'limpiado' }, 'terreno', 1)).toBeNull();
    expect(transitionProblem('limpiado', { hacia: 'cerrado', como: 'cercado' }, 'terreno', 1)).toBeNull();
  });

  it('refuses skipping steps or going back with 409', () => {
    expect(transitionProblem('reportado', { hacia: 'limpiado' }, 'planificador', 1)).toMatchObject({
      status: 409,
      code: 'invalid_transition',
    });
    expect(transitionProblem('limpiado', { hacia: 'reportado' }, 'admin', 1)).toMatchObject({ status: 409 });
    expect(transitionProblem('cerrado', { hacia: 'limpiado' }, 'admin', 1)?.message).toMatch(/su ciclo terminó/);
  });

  it('lets each step only to its roles', () => {
    expect(transitionProblem('verificado', { hacia: 'programado' }, 'terreno', 1)).toMatchObject({ status: 403 });
    expect(transitionProblem('reportado', { hacia: 'verificado' }, 'revisor', 1)).toMatchObject({ status: 403 });
    expect(transitionProblem('reportado', { hacia: 'descartado', nota: 'x' }, 'terreno', 1)).toMatchObject({ status: 403 });
    expect(transitionProblem('verificado', { hacia: 'programado' }, 'admin', 1)).toBeNull();
  });

  it('asks how a site was closed, what a duplicate duplicates and why a report is discarded', () => {
    expect(transitionProblem('limpiado', { hacia: 'cerrado' }, 'terreno', 1)).toMatchObject({ field: 'como' });
    expect(transitionProblem('reportado', { hacia: 'duplicado' }, 'planificador', 1)).toMatchObject({ field: 'duplicado_de' });
    expect(transitionProblem('reportado', { hacia: 'duplicado', duplicado_de: 1 }, 'planificador', 1)).toMatchObject({
      field: 'duplicado_de',
    });
    expect(transitionProblem('reportado', { hacia: 'duplicado', duplicado_de: 2 }, 'planificador', 1)).toBeNull();
    expect(transitionProblem('reportado', { hacia: 'descartado', nota: '  ' }, 'planificador', 1)).toMatchObject({ field: 'nota' });
    expect(transitionProblem('reportado', { hacia: 'verificado', como: 'cercado' }, 'terreno', 1)).toMatchObject({ field: 'como' });
  });

  it('ends in cerrado, duplicado or descartado', () => {
    const ends = Object.entries(transitions)
      .filter(([, next]) => Object.keys(next).length === 0)
      .map(([estado]) => estado);
    expect(ends.sort()).toEqual(['cerrado', 'descartado', 'duplicado']);
  });
});
