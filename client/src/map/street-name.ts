/** Words written in lower case inside a Spanish street name («Avenida El Buen Retiro», «Diego de Almagro»). */
const minorWords = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e']);
/** Abbreviations kept as the map writes them. */
const abbreviations: Record<string, string> = { pje: 'Pje.', av: 'Av.', avda: 'Avda.' };

/**
 * A street name as a map writes it: the source sample is in capitals
 * («AVENIDA EL BUEN RETIRO»); this gives «Avenida El Buen Retiro». Articles
 * after the first word stay lower case unless they open the proper name
 * («Avenida El Buen Retiro» keeps «El» after a street type). Nothing else is
 * changed: accents or apostrophes missing in the source stay missing.
 */
export function streetName(raw: string): string {
  const words = raw.trim().toLocaleLowerCase('es-CL').split(/\s+/);
  const streetTypes = new Set(['avenida', 'calle', 'pasaje', 'pje', 'av', 'avda', 'camino']);
  return words
    .map((word, index) => {
      if (abbreviations[word]) return abbreviations[word];
      const afterType = index === 1 && streetTypes.has(words[0] ?? '');
      if (index > 0 && !afterType && minorWords.has(word)) return word;
      return word.charAt(0).toLocaleUpperCase('es-CL') + word.slice(1);
    })
    .join(' ');
}
