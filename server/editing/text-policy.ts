/**
 * What the SIT refuses in free text (names, notes, sources): control
 * characters, HTML markup and script URLs (they would run in the map's
 * popups, in KML balloons or in QGIS's HTML forms of whoever reads the data
 * later) and SQL statement fragments (values always travel as parameters,
 * so they cannot run here; they are refused so they do not reach other
 * people's tools either). Ordinary punctuation stays: «O'Higgins», «Calle 5;
 * sector norte», «< 50 m²» and «a = b» are accepted.
 */
const rules: { pattern: RegExp; reason: string }[] = [
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point of this rule
  { pattern: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/, reason: 'caracteres de control' },
  { pattern: /<\s*\/?\s*[a-z!?][^>]*>?/i, reason: 'marcas HTML' },
  { pattern: /\b(?:javascript|vbscript)\s*:/i, reason: 'una dirección de script' },
  { pattern: /\bon[a-z]{3,}\s*=/i, reason: 'un atributo de evento HTML' },
  { pattern: /--|\/\*|\*\//, reason: 'un comentario SQL' },
  {
    pattern: /;\s*(?:select|insert|update|delete|drop|alter|create|truncate|grant|revoke|copy|exec(?:ute)?)\b/i,
    reason: 'una sentencia SQL',
  },
  { pattern: /\bunion\s+(?:all\s+)?select\b/i, reason: 'una consulta SQL' },
  { pattern: /'\s*(?:or|and)\s+'?[\w]*'?\s*=\s*'?[\w]*/i, reason: 'una condición SQL' },
];

/** Why the text is refused (in Spanish), or null when it is acceptable. */
export function textProblem(text: string): string | null {
  for (const rule of rules) {
    if (rule.pattern.test(text)) return `contiene ${rule.reason}; escriba solo texto`;
  }
  return null;
}
