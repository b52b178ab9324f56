/**
 * How exact a feature is: the one list of precision levels, from most to
 * least exact, with what each means to a person. Every layer's `precision`
 * property, the seeds, the import, the reports and the client read it here.
 */
export const precisionLevels = ['oficial', 'aproximada', 'ilustrativa', 'demo'] as const;

export type Precision = (typeof precisionLevels)[number];

export const precisionInfo: Record<Precision, { etiqueta: string; descripcion: string }> = {
  oficial: {
    etiqueta: 'Oficial',
    descripcion: 'Geometría de una fuente oficial (INE, MINVU, IDE Chile, la Municipalidad), con su exactitud.',
  },
  aproximada: {
    etiqueta: 'Aproximada',
    descripcion: 'Digitalizada a partir de una fuente con posición (plano, imagen, coordenadas); sirve para ubicar, con margen.',
  },
  ilustrativa: {
    etiqueta: 'Ilustrativa',
    descripcion: 'Dibujada solo para ilustrar (a partir de un texto, o con otra capa como sustituto); no usar para medir.',
  },
  demo: {
    etiqueta: 'Demostración',
    descripcion: 'Dato inventado para mostrar el SIT funcionando; no es información de Vallenar.',
  },
};

/** The levels in words, in their order: «oficial, aproximada, ilustrativa o demo» (for help texts and messages). */
export const precisionLevelsText = new Intl.ListFormat('es', { type: 'disjunction' }).format(precisionLevels);

export function isPrecision(value: unknown): value is Precision {
  return typeof value === 'string' && (precisionLevels as readonly string[]).includes(value);
}

/** The less exact of two levels (a combination is as exact as its least exact part). */
export function leastPrecise(a: Precision, b: Precision): Precision {
  return precisionLevels.indexOf(a) >= precisionLevels.indexOf(b) ? a : b;
}

/**
 * Levels that may enter a figure of an official document without a mark.
 * 'ilustrativa' and 'demo' may not: they are left out, or shown apart and
 * marked.
 */
export const officialPrecisions: readonly Precision[] = ['oficial', 'aproximada'];
