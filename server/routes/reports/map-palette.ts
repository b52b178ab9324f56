/**
 * The workbench's palette for the maps the server draws (the printed unit
 * sheet). The server's tsconfig does not compile client/, so the colours are
 * mirrored here; map-palette.test.ts imports both and fails when they part.
 * Sources: client/src/map/colors.ts (`lineamientoColors`, `basePalette`,
 * `unknownColor`) and client/src/layers/microbasurales-layer.ts
 * (`dumpStatusColors`).
 */

/** One colour per lineamiento code; none in the blue family, which belongs to water. */
export const lineamientoColors: Record<string, string> = {
  L1: '#E69F00',
  L2: '#999933',
  L3: '#882255',
  L4: '#CC79A7',
  L5: '#D55E00',
  L6: '#6A3D9A',
};

/** A lineamiento the palette does not know, or a project without one. */
export const unknownColor = '#7f7f7f';

export function lineamientoColor(code: string | null): string {
  return (code && lineamientoColors[code]) || unknownColor;
}

/** Quiet greys and beiges for the territory, the blue family for water only. */
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
