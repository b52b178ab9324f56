import type { LayerDefinition } from '../catalog/index.ts';
import { precisionLevelsText } from '../catalog/precision.ts';
import type { AttributeMapping } from './attribute-mapping.ts';
import { ImportError } from './errors.ts';
import type { ImportOptions, ImportReport } from './types.ts';

const flagFor: Record<string, '--fuente' | '--precision'> = { fuente: '--fuente', precision: '--precision' };

/**
 * Refuses an import whose file lacks a required field that no flag fills.
 * `fuente` and `precision` are never assumed (data honesty): the file carries
 * them or `--fuente` / `--precision` says them. Returns the report's list of
 * missing fields.
 */
export function checkRequiredFields(
  layer: LayerDefinition,
  mapping: AttributeMapping,
  options: ImportOptions,
  sourceNames: readonly string[],
): ImportReport['missingFields'] {
  const fallbacks: Record<string, string | undefined> = { fuente: options.fuente, precision: options.precision };
  const missing = mapping.missing.map((property) => {
    const flag = flagFor[property.name];
    const filled = flag && fallbacks[property.name] !== undefined;
    return { field: property.name, required: property.required === true, ...(filled ? { filledFrom: flag } : {}) };
  });
  const provenance = missing.filter((entry) => entry.field in flagFor && !entry.filledFrom);
  if (provenance.length > 0) {
    const fields = provenance.map((entry) => `«${entry.field}»`).join(' y ');
    const flags = provenance.map((entry) => flagFor[entry.field]).join(' y ');
    throw new ImportError(
      'missing_provenance',
      `El archivo no trae el campo ${fields} y no se indicó ${flags}. Cada elemento debe decir de dónde viene y qué tan exacto es; ` +
        `no se supone ningún valor. Ejemplo: --fuente "SECPLA Vallenar, levantamiento 2024" --precision oficial ` +
        `(valores de precisión: ${precisionLevelsText}).`,
    );
  }
  const required = missing.filter((entry) => entry.required && !entry.filledFrom);
  if (required.length > 0) {
    throw new ImportError(
      'missing_required_field',
      `El archivo no trae ${required.length === 1 ? 'el campo obligatorio' : 'los campos obligatorios'} ` +
        `${required.map((entry) => `«${entry.field}»`).join(', ')} de la capa «${layer.id}». ` +
        `Atributos del archivo: ${sourceNames.join(', ') || '(ninguno)'}. Indique la columna que lo trae con --mapear COLUMNA=campo, ` +
        'dé un mismo valor a todos los elementos con --asignar campo=valor, o renombre o agregue la columna en el archivo.',
    );
  }
  return missing;
}
