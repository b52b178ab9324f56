import { describe, expect, it } from 'vitest';
import { markedLevels, precisionLabel, precisionLine, precisionSentence } from './precision-label.ts';

describe('precision label', () => {
  it('warns on an illustrative position and says not to measure it', () => {
    expect(precisionLabel('ilustrativa')).toMatchObject({ etiqueta: 'Ilustrativa', marked: true });
    expect(precisionSentence('ilustrativa')).toBe(
      '⚠ Ilustrativa: dibujada solo para ilustrar (a partir de un texto, o con otra capa como sustituto); no usar para medir.',
    );
  });

  it('warns on demonstration data, and not on official or approximate data', () => {
    expect(precisionSentence('demo')).toMatch(/^⚠ Demostración: dato inventado/);
    expect(precisionLabel('oficial').marked).toBe(false);
    expect(precisionSentence('aproximada')).toMatch(/^Aproximada: digitalizada a partir de una fuente con posición/);
  });

  it('names every level on hover, with the warning only where it is due', () => {
    expect(precisionLine('aproximada')).toBe('Precisión: Aproximada');
    expect(precisionLine('ilustrativa')).toMatch(/^⚠ Ilustrativa: .*no usar para medir/);
    expect(markedLevels).toEqual(['ilustrativa', 'demo']);
  });

  it('shows a level it does not know as it came, marked', () => {
    expect(precisionSentence('exacta')).toBe('⚠ exacta: precisión no reconocida por el SIT; no usar para medir.');
  });
});
