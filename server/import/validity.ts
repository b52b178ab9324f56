/** GEOS invalidity reasons (ST_IsValidReason) in Spanish. */
const reasons: [RegExp, string][] = [
  [/^Ring Self-intersection/i, 'un anillo se corta a sí mismo'],
  [/^Self-intersection/i, 'autointersección: el borde se cruza consigo mismo (por ejemplo un polígono en forma de «corbatín»)'],
  [/^Too few points/i, 'una parte tiene muy pocos puntos'],
  [/^Hole lies outside shell/i, 'un agujero queda fuera del contorno exterior'],
  [/^Holes are nested/i, 'hay agujeros dentro de otros agujeros'],
  [/^Interior is disconnected/i, 'el interior queda dividido en partes'],
  [/^Nested shells/i, 'un polígono está dentro de otro del mismo multipolígono'],
  [/^Duplicate Rings/i, 'anillos repetidos'],
  [/^Ring is not closed/i, 'un anillo no está cerrado'],
  [/^Invalid Coordinate/i, 'coordenada inválida'],
];

/** `Self-intersection[-70.75 -28.57]` → `autointersección … en (-70.75, -28.57)`. */
export function explainInvalidity(reason: string): string {
  const text = reason.trim();
  const spanish = reasons.find(([pattern]) => pattern.test(text))?.[1] ?? text;
  const location = /\[([-\d.e]+) ([-\d.e]+)\]/i.exec(text);
  return location ? `${spanish}, en (${Number(location[1]).toFixed(6)}, ${Number(location[2]).toFixed(6)})` : spanish;
}
