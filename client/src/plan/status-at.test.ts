import { describe, expect, it } from 'vitest';
import { monthSteps, statusAt } from './status-at.ts';

const history = [
  { codigo: 'A', estado: 'perfil', desde: '2023-02-01' },
  { codigo: 'A', estado: 'ejecución', desde: '2025-09-01' },
  { codigo: 'B', estado: 'descartado', desde: '2024-01-15' },
];

describe('statusAt', () => {
  it('gives the latest change on or before the date, and nothing before the first', () => {
    expect(statusAt(history, '2022-06-01')).toEqual(new Map());
    expect(statusAt(history, '2023-02-01')).toEqual(new Map([['A', 'perfil']]));
    expect(statusAt(history, '2025-08-31')).toEqual(
      new Map([
        ['A', 'perfil'],
        ['B', 'descartado'],
      ]),
    );
    expect(statusAt(history, '2029-12-31').get('A')).toBe('ejecución');
  });

  it('does not depend on the order the history arrives in', () => {
    expect(statusAt([...history].reverse(), '2026-01-01')).toEqual(statusAt(history, '2026-01-01'));
  });
});

describe('monthSteps', () => {
  it('covers the plan period month by month', () => {
    const steps = monthSteps('2022-01-01', '2029-12-31');
    expect(steps).toHaveLength(96);
    expect(steps[0]).toBe('2022-01-01');
    expect(steps[12]).toBe('2023-01-01');
    expect(steps.at(-1)).toBe('2029-12-01');
  });
});
