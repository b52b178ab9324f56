import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.ts';

describe('toCsv', () => {
  it('starts with a UTF-8 BOM, uses CRLF and quotes cells with commas, quotes or line breaks', () => {
    const csv = toCsv(
      [
        { nombre: 'Ñuble, "centro"', valor: 1.5 },
        { nombre: 'Línea\nnueva', valor: null },
      ],
      [
        { header: 'Nombre', value: (row) => row.nombre },
        { header: 'Población (hab.)', value: (row) => row.valor },
      ],
    );
    expect(csv).toBe('\uFEFFNombre,Población (hab.)\r\n"Ñuble, ""centro""",1.5\r\n"Línea\nnueva",\r\n');
  });
});
