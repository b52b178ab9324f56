// The levels come from the server's one list (a plain module without Node
// imports, bundled by Vite like any client file), so the map can never list
// them differently from the API.
import type { ExpressionSpecification } from 'maplibre-gl';
import { isPrecision, officialPrecisions, precisionInfo, precisionLevels } from '../../../server/catalog/precision.ts';

/** How the workbench names a feature's `precision` to a person (es-CL). */
export interface PrecisionLabel {
  level: string;
  /** «Oficial», «Aproximada», «Ilustrativa», «Demostración». */
  etiqueta: string;
  /** What the level means, e.g. «Dibujada solo para ilustrar (…); no usar para medir.» */
  descripcion: string;
  /** A level that may not enter an official figure unmarked (ilustrativa, demo, or one the SIT does not know). */
  marked: boolean;
}

/** The levels shown with a warning (ilustrativa, demo), in the server's order. */
export const markedLevels: readonly string[] = precisionLevels.filter((level) => !officialPrecisions.includes(level));

/** MapLibre: true for a feature whose `precision` is a marked level (tiles carry `precision`). */
export const markedPrecision: ExpressionSpecification = ['in', ['get', 'precision'], ['literal', [...markedLevels]]];

/** The warning sign put before a marked level wherever it is shown. */
export const precisionMark = '⚠';

/** The label of a level; an unknown value is shown as it came and marked. */
export function precisionLabel(level: string): PrecisionLabel {
  if (!isPrecision(level)) {
    return { level, etiqueta: level, descripcion: 'Precisión no reconocida por el SIT; no usar para medir.', marked: true };
  }
  const { etiqueta, descripcion } = precisionInfo[level];
  return { level, etiqueta, descripcion, marked: !officialPrecisions.includes(level) };
}

/** The level in one line: «⚠ Ilustrativa: posición dibujada…» (the mark only on marked levels). */
export function precisionSentence(level: string): string {
  const label = precisionLabel(level);
  return `${label.marked ? `${precisionMark} ` : ''}${label.etiqueta}: ${lowerFirst(label.descripcion)}`;
}

/**
 * The level as a hover line: «Precisión: Aproximada», or for a marked level
 * the warning and what it means.
 */
export function precisionLine(level: string): string {
  return precisionLabel(level).marked ? precisionSentence(level) : `Precisión: ${precisionLabel(level).etiqueta}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('es-CL') + text.slice(1);
}
