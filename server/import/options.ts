import { findLayer, findProperty, layers, type LayerDefinition } from '../catalog/index.ts';
import { ImportError } from './errors.ts';
import { checkFieldFlags } from './field-flags.ts';
import type { ImportOptions } from './types.ts';

/** The layer an import targets; an unknown or read-only id is refused with the list of valid ones. */
export function layerFor(layerId: string): LayerDefinition {
  const layer = findLayer(layerId);
  const writable = layers.filter((candidate) => !candidate.readOnly).map((candidate) => candidate.id);
  if (!layer) throw new ImportError('unknown_layer', `La capa «${layerId}» no existe. Capas válidas: ${writable.join(', ')}.`);
  if (layer.readOnly) {
    throw new ImportError(
      'unknown_layer',
      `La capa «${layerId}» es de solo lectura (se calcula a partir de otras tablas) y no admite importaciones. Capas válidas: ${writable.join(', ')}.`,
    );
  }
  return layer;
}

/**
 * Checks the options a person typed: EPSG code, mode, `--precision` among
 * the catalogue's values, a non-empty `--fuente`, archive limits, and the
 * fields named by `--asignar` / `--mapear` against the layer catalogue.
 */
export function checkOptions(options: ImportOptions, layer: LayerDefinition): void {
  if (options.srid !== undefined && (!Number.isInteger(options.srid) || options.srid <= 0)) {
    throw new ImportError(
      'invalid_option',
      `--srid debe ser un código EPSG entero y positivo (por ejemplo 32719); se recibió «${options.srid}».`,
    );
  }
  if (options.mode !== 'append' && options.mode !== 'replace') {
    throw new ImportError('invalid_option', `--mode debe ser «append» o «replace»; se recibió «${String(options.mode)}».`);
  }
  const precision = findProperty(layer, 'precision');
  if (options.precision !== undefined && precision?.enum && !precision.enum.includes(options.precision)) {
    throw new ImportError(
      'invalid_option',
      `--precision debe ser uno de: ${precision.enum.join(', ')}; se recibió «${options.precision}».`,
    );
  }
  for (const [limit, value] of Object.entries(options.archiveLimits ?? {})) {
    if (value !== undefined && (!Number.isSafeInteger(value) || value <= 0)) {
      throw new ImportError(
        'invalid_option',
        `El límite de archivos comprimidos «${limit}» debe ser un entero positivo; se recibió «${value}».`,
      );
    }
  }
  if (options.fuente !== undefined && options.fuente.trim() === '') {
    throw new ImportError(
      'invalid_option',
      '--fuente no puede estar vacío: indique de dónde vienen los datos (institución, documento, año).',
    );
  }
  checkFieldFlags(layer, options);
}
