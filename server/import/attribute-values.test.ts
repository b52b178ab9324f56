import { describe, expect, it } from 'vitest';
import type { LayerProperty } from '../catalog/index.ts';
import { coerceValue } from './attribute-values.ts';

const property = (type: LayerProperty['type'], extra: Partial<LayerProperty> = {}): LayerProperty => ({
  name: 'campo',
  title: 'Campo',
  type,
  ...extra,
});

describe('coerceValue', () => {
  it('reads numbers with a decimal point or comma and refuses text', () => {
    expect(coerceValue(property('number'), '12,5')).toEqual({ value: 12.5 });
    expect(coerceValue(property('number'), 30)).toEqual({ value: 30 });
    expect(coerceValue(property('number'), 'doce')).toEqual({ error: '«doce» no es un número' });
    expect(coerceValue(property('integer'), '7')).toEqual({ value: 7 });
    expect(coerceValue(property('integer'), '7.5')).toEqual({ error: '«7.5» no es un número entero' });
  });

  it('reads ISO, dBASE and Chilean day-first dates, and refuses impossible ones', () => {
    expect(coerceValue(property('date'), '2024-03-05')).toEqual({ value: '2024-03-05' });
    expect(coerceValue(property('date'), '20240305')).toEqual({ value: '2024-03-05' });
    expect(coerceValue(property('date'), '05-04-2024')).toEqual({ value: '2024-04-05' });
    expect(coerceValue(property('date'), new Date(2024, 0, 31))).toEqual({ value: '2024-01-31' });
    expect(coerceValue(property('date'), '31-02-2024')).toHaveProperty('error');
  });

  it('matches enum values without regard to case or accents and stores the catalogue spelling', () => {
    const categoria = property('string', { enum: ['Monumento Histórico', 'natural'] });
    expect(coerceValue(categoria, 'MONUMENTO HISTORICO')).toEqual({ value: 'Monumento Histórico' });
    expect(coerceValue(categoria, 'artificial')).toEqual({
      error: '«artificial» no es un valor permitido (permitidos: Monumento Histórico, natural)',
    });
  });

  it('takes blanks as missing', () => {
    expect(coerceValue(property('string'), '   ')).toEqual({ value: null });
    expect(coerceValue(property('date'), new Date(Number.NaN))).toEqual({ value: null });
    expect(coerceValue(property('boolean'), 'Sí')).toEqual({ value: true });
  });
});
