/**
 * Funding sources and years that an item of the PLADECO names in its own text
 * («Postular iniciativa al FNDR…», «…para el año 2022…»). They are what the
 * plan *mentions*, read from the text by pattern, distinct from the funding
 * and years that SECPLA *records* for a project (plan tracking).
 */
export interface PladecoMentions {
  fuentes: string[];
  anios: number[];
}

/** Funding bodies and programmes a Chilean municipal plan names, with the patterns that find them. */
const sources: readonly [name: string, pattern: RegExp][] = [
  ['FNDR', /\bFNDR\b|Fondo Nacional de Desarrollo Regional/i],
  ['FRIL', /\bFRIL\b/],
  ['SUBDERE', /\bSUBDERE\b/i],
  ['PMU (SUBDERE)', /\bPMU\b|Programa de Mejoramiento Urbano/i],
  ['PMB (SUBDERE)', /\bPMB\b|Programa de Mejoramiento de Barrios/i],
  ['Ministerio de Energía', /Ministerio de Energ[íi]a/i],
  ['Ministerio del Medio Ambiente', /Ministerios? del Medio Ambiente|\bMMA\b/i],
  ['MINVU', /\bMINVU\b|Ministerio de Vivienda/i],
  ['SERVIU', /\bSERVIU\b/i],
  ['GORE', /\bGORE\b|Gobierno Regional/i],
  ['MOP', /\bMOP\b|Ministerio de Obras P[úu]blicas/i],
  ['ENAMI', /\bENAMI\b/i],
  ['CORFO', /\bCORFO\b/i],
  ['SERCOTEC', /\bSERCOTEC\b/i],
  ['FOSIS', /\bFOSIS\b/i],
  ['INDAP', /\bINDAP\b/i],
  ['SENCE', /\bSENCE\b/i],
  ['Convenio público-privado', /convenio p[úu]blico[- ]privado/i],
  ['Convenio de programación', /convenio de programaci[óo]n/i],
];

/** Years inside the plan's horizon and the decade before it (2010–2039), as written in the text. */
const yearPattern = /\b(20[1-3]\d)\b/g;

/** The funding sources and years that `texts` (an item's name, description, note) mention, in order, without repeats. */
export function pladecoMentions(...texts: (string | null | undefined)[]): PladecoMentions {
  const text = texts.filter(Boolean).join('\n');
  const fuentes = sources.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  const anios = [...new Set([...text.matchAll(yearPattern)].map((match) => Number(match[1])))].sort((a, b) => a - b);
  return { fuentes, anios };
}

/** What the SIT says about these mentions wherever it shows them. */
export const mentionsNote =
  'Mencionado en el texto del PLADECO (leído por patrones por el equipo SIT); no es un financiamiento ni un plazo registrado por la SECPLA.';

/** What the SIT says about `tipo`, the kind of each item. */
export const kindNote =
  'El tipo (acción, proyecto o estudio) es la lectura del equipo SIT al transcribir el Tomo II, que no clasifica cada ítem.';
