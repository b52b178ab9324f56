/** An RGBA colour as deck.gl takes it (0–255 each). */
export type Rgba = [number, number, number, number];

/** `#rrggbb` to RGBA with the given alpha (0–255). */
export function rgba(hex: string, alpha = 255): Rgba {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

/**
 * One colour per lineamiento (Okabe–Ito, distinguishable with the common
 * colour-vision deficiencies), by lineamiento code.
 */
export const lineamientoColors: Record<string, string> = {
  L1: '#E69F00',
  L2: '#009E73',
  L3: '#56B4E9',
  L4: '#CC79A7',
  L5: '#D55E00',
  L6: '#0072B2',
};

export const unknownColor = '#7f7f7f';

export function lineamientoColor(code: string): string {
  return lineamientoColors[code] ?? unknownColor;
}
