/**
 * The size a photo is drawn at so that its longest side is at most
 * `maxSide` pixels, keeping its proportions; never enlarged, at least 1×1.
 */
export function fitWithin(width: number, height: number, maxSide: number): { width: number; height: number } {
  if (!(width > 0) || !(height > 0)) throw new RangeError('La imagen no tiene tamaño.');
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
