/** An RGBA colour as deck.gl takes it (0–255 each). */
export type Rgba = [number, number, number, number];

/** `#rrggbb` to RGBA with the given alpha (0–255). */
export function rgba(hex: string, alpha = 255): Rgba {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255, alpha];
}

/**
 * One colour per lineamiento, by lineamiento code. The blue and blue-green
 * families belong to water (river, canals, wetland), so no lineamiento uses
 * them: a project line can never be read as a canal. Drawn from the
 * Okabe–Ito and Paul Tol palettes, which stay apart with the common
 * colour-vision deficiencies; project lines are also dashed (see
 * proyectos-layer.ts), so colour is never the only cue.
 */
export const lineamientoColors: Record<string, string> = {
  L1: '#E69F00',
  L2: '#999933',
  L3: '#882255',
  L4: '#CC79A7',
  L5: '#D55E00',
  L6: '#6A3D9A',
};

export const unknownColor = '#7f7f7f';

/** A lineamiento's colour; grey for a code the palette does not know, or a project without one. */
export function lineamientoColor(code: string | null): string {
  return (code && lineamientoColors[code]) || unknownColor;
}

/** Micro-dumps by status in the eradication programme: red while open, green once cleaned, grey when set aside. */
export const dumpStatusColors: Record<string, string> = {
  reportado: '#d7301f',
  verificado: '#fc8d59',
  programado: '#fdbb6c',
  limpiado: '#1a9850',
  cerrado: '#91cf60',
  duplicado: '#9e9e9e',
  descartado: '#bdbdbd',
};

/**
 * The base map's palette, shared by the workbench, the printed unit sheet
 * (the server imports this module: it is plain data, no DOM) and the Plan
 * Regulador review: quiet greys and beiges for the territory,
 * the blue family for water only.
 */
export const basePalette = {
  background: '#eef1ec',
  comunaOutline: '#5f6b63',
  urbanLimit: '#b0654a',
  blockFill: '#f4f1ea',
  blockOutline: '#d2c9b8',
  street: '#ffffff',
  streetCasing: '#c4bcae',
  streetLabel: '#4a4a4a',
  placeLabel: '#1e1e1e',
  unitOutline: '#4f4a45',
  unitLabel: '#3d3833',
  river: '#3b8fd9',
  canal: '#7ab8e8',
  wetland: '#2b9e8f',
  heritage: '#8c510a',
} as const;
