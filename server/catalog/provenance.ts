import { precisionLevels } from './precision.ts';
import type { LayerProperty } from './types.ts';

/** The two properties every feature of every layer carries (data honesty). */
export const provenance: readonly LayerProperty[] = [
  { name: 'fuente', type: 'string', title: 'Fuente', required: true },
  {
    name: 'precision',
    type: 'string',
    title: 'Precisión',
    enum: [...precisionLevels],
    filterable: true,
    required: true,
  },
];
