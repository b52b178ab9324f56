/**
 * Why an entry name of a zip archive is unsafe (Spanish), or null when it is
 * a plain relative path. An importer never writes entries to disk, but a name
 * that climbs out of its folder (`../../x.shp`), is absolute (`/etc/x`,
 * `C:\x`) or hides separators behind backslashes is the mark of a crafted
 * archive, and it is refused rather than read.
 */
export function unsafeEntryName(name: string): string | null {
  if (name === '') return 'no tiene nombre';
  if ([...name].some((character) => character.charCodeAt(0) < 0x20 || character === '\u007f')) return 'contiene caracteres de control';
  if (name.includes('\\')) return 'usa barras invertidas (\\) como separador, lo que puede ocultar una ruta fuera de la carpeta';
  if (/^[a-zA-Z]:/.test(name)) return 'es una ruta absoluta con letra de unidad';
  if (name.startsWith('/')) return 'es una ruta absoluta';
  if (name.split('/').includes('..')) return 'contiene «..», que saldría de la carpeta del archivo';
  return null;
}
