const locale = 'es-CL';

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const peso = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CLP', maximumFractionDigits: 0 });
const coordinate = new Intl.NumberFormat(locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 });

/** A distance in metres for people: "850 m", "1,25 km". */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${integer.format(metres)} m` : `${twoDecimals.format(metres / 1000)} km`;
}

/** An area in square metres for people: "850 m²", "2,50 ha", "1,25 km²". */
export function formatArea(squareMetres: number): string {
  if (squareMetres < 10_000) return `${integer.format(squareMetres)} m²`;
  if (squareMetres < 1_000_000) return `${twoDecimals.format(squareMetres / 10_000)} ha`;
  return `${twoDecimals.format(squareMetres / 1_000_000)} km²`;
}

/** Chilean pesos: "$1.500.000". */
export function formatClp(amount: number): string {
  return peso.format(amount);
}

/** A whole number with thousands separators: "6.837.832". */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** Degrees with five decimals (about 1 m): "-28,57610". */
export function formatDegrees(value: number): string {
  return coordinate.format(value);
}
