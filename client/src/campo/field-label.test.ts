import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-label.ts';

describe('fieldLabel', () => {
  it('names the form field the server pointed at', () => {
    expect(fieldLabel('reporte.lat')).toBe('Ubicación');
    expect(fieldLabel('reporte.lon')).toBe('Ubicación');
    expect(fieldLabel('fotos.2')).toBe('Foto 2');
    expect(fieldLabel('fotos')).toBe('Fotos');
    expect(fieldLabel('reporte.categoria_residuo')).toBe('Tipo de residuo');
  });

  it("keeps the server's name when the form has none", () => {
    expect(fieldLabel('reporte.uuid')).toBe('reporte.uuid');
  });
});
