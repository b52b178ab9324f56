import { officialPrecisions, precisionLevels, type Precision } from '../catalog/precision.ts';

/**
 * Which data a figure may stand on. Official documents (the semiannual
 * report, the unit sheet, their CSV annexes, indicators for the Concejo) use
 * {@link officialScope}: features whose precision is not in
 * `officialPrecisions` (ilustrativa, demo) are left out, and so are plan
 * tracking rows marked `demo` (migration 0011). The workbench's figures use
 * {@link fullScope} and say in `incluye_demo` when demo data entered them.
 */
export interface FigureScope {
  /** Precision levels of the features counted; the rest are left out. */
  precisions: readonly Precision[];
  /** Whether plan tracking rows marked demo count. */
  demo: boolean;
}

export const officialScope: FigureScope = { precisions: officialPrecisions, demo: false };

export const fullScope: FigureScope = { precisions: precisionLevels, demo: true };

/** The scope asked for: official with `oficial=true`, else everything (marked). */
export const scopeOf = (official: boolean | undefined): FigureScope => (official ? officialScope : fullScope);

/** The SQL parameters of a scope, in the order the scoped statements expect them: precisions (text[]), demo (boolean). */
export const scopeParams = (scope: FigureScope): [string[], boolean] => [[...scope.precisions], scope.demo];
