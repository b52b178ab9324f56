import { findProperty, writableProperties, type LayerDefinition, type LayerProperty } from '../catalog/index.ts';
import { coerceValue } from './attribute-values.ts';
import { ImportError } from './errors.ts';
import { normaliseName } from './names.ts';
import type { ImportOptions } from './types.ts';

/** A value ready for a column, the same for every feature. */
export type AssignedValue = string | number | boolean;

/** The layer's writable field with this name; an unknown or computed one is refused, naming it. */
function targetField(layer: LayerDefinition, name: string, flag: '--asignar' | '--mapear'): LayerProperty {
  const property = findProperty(layer, name);
  if (property?.generated) {
    throw new ImportError(
      'invalid_option',
      `${flag}: «${name}» lo calcula la base de datos a partir de la geometría; no se puede ${flag === '--asignar' ? 'asignar' : 'tomar de una columna'}.`,
    );
  }
  if (!property) {
    const fields = writableProperties(layer).map((candidate) => candidate.name);
    throw new ImportError('invalid_option', `${flag}: la capa «${layer.id}» no tiene el campo «${name}». Campos: ${fields.join(', ')}.`);
  }
  return property;
}

/**
 * Checks `--asignar campo=valor` and `--mapear COLUMNA=campo` against the
 * layer catalogue before the file is read: each field must exist and be
 * writable (a computed field is refused), an assigned value must fit the
 * field's type and enum, and no field may be filled twice. Returns the
 * assigned values as the column will store them (`URBANA` → `urbana`).
 */
export function checkFieldFlags(layer: LayerDefinition, options: ImportOptions): Record<string, AssignedValue> {
  const assigned: Record<string, AssignedValue> = {};
  for (const [name, text] of Object.entries(options.assign ?? {})) {
    const property = targetField(layer, name, '--asignar');
    const coerced = coerceValue(property, text);
    if ('error' in coerced) throw new ImportError('invalid_option', `--asignar ${name}: ${coerced.error}.`);
    if (coerced.value === null) throw new ImportError('invalid_option', `--asignar ${name}: el valor está vacío.`);
    assigned[name] = coerced.value;
  }
  for (const flag of ['fuente', 'precision'] as const) {
    if (options[flag] !== undefined && flag in assigned) {
      throw new ImportError(
        'invalid_option',
        `Se indicó --${flag} y --asignar ${flag}: use --${flag} para completar los elementos que no lo traen, o --asignar para todos, no ambos.`,
      );
    }
  }
  const mappedTo = new Map<string, string>();
  for (const [column, name] of Object.entries(options.columnMap ?? {})) {
    targetField(layer, name, '--mapear');
    if (name in assigned)
      throw new ImportError('invalid_option', `El campo «${name}» se indicó con --asignar y con --mapear; use uno solo.`);
    const other = mappedTo.get(name);
    if (other !== undefined) {
      throw new ImportError('invalid_option', `--mapear: las columnas «${other}» y «${column}» se asociaron al mismo campo «${name}».`);
    }
    mappedTo.set(name, column);
  }
  return assigned;
}

/**
 * The file's attribute for each `--mapear COLUMNA=campo`: the column as
 * written, or the only one equal to it without regard to case or accents.
 * A column the file does not have is refused with the file's columns.
 */
export function resolveColumnMap(columnMap: Record<string, string> | undefined, names: readonly string[]): Map<string, string> {
  const sourceOf = new Map<string, string>();
  for (const [column, field] of Object.entries(columnMap ?? {})) {
    const loose = names.filter((name) => normaliseName(name) === normaliseName(column));
    const source = names.find((name) => name === column) ?? (loose.length === 1 ? loose[0] : undefined);
    if (source === undefined) {
      throw new ImportError(
        'invalid_option',
        `--mapear: el archivo no tiene la columna «${column}». Columnas del archivo: ${names.join(', ') || '(ninguna)'}.`,
      );
    }
    sourceOf.set(field, source);
  }
  return sourceOf;
}
