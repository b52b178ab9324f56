import { describe, expect, it } from 'vitest';
import { unsafeEntryName } from './archive-names.ts';

describe('unsafeEntryName', () => {
  it('accepts plain relative names, in folders too', () => {
    for (const name of ['toponimia.shp', 'capas/Población.dbf', 'doc.kml', 'files/icono..png', 'a/b/']) {
      expect(unsafeEntryName(name), name).toBeNull();
    }
  });

  it('refuses names that climb out, absolute paths, drive letters and backslashes', () => {
    expect(unsafeEntryName('../../x.shp')).toMatch(/«\.\.»/);
    expect(unsafeEntryName('capas/../../x.shp')).toMatch(/«\.\.»/);
    expect(unsafeEntryName('..')).toMatch(/«\.\.»/);
    expect(unsafeEntryName('/etc/passwd')).toMatch(/ruta absoluta/);
    expect(unsafeEntryName('C:/Windows/x.shp')).toMatch(/letra de unidad/);
    expect(unsafeEntryName('c:x.shp')).toMatch(/letra de unidad/);
    expect(unsafeEntryName('..\\..\\x.shp')).toMatch(/barras invertidas/);
    expect(unsafeEntryName('capas\\x.shp')).toMatch(/barras invertidas/);
    expect(unsafeEntryName('x\u0000.shp')).toMatch(/caracteres de control/);
    expect(unsafeEntryName('')).toMatch(/no tiene nombre/);
  });
});
