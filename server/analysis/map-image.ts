import { badRequest } from '../errors.ts';
import { maxMapBytes, pngDataUrlPrefix } from './prc-reviews.ts';

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * Checks the map image of a review: a `data:image/png;base64,` URL whose
 * bytes start with the PNG signature and weigh at most 2 MiB. Anything else
 * is a 400 on `mapa_png`. Returns the data URL unchanged.
 */
export function checkedMapImage(value: string): string {
  if (!value.startsWith(pngDataUrlPrefix)) {
    throw badRequest('invalid_parameter', 'La imagen del mapa debe ser un PNG como URL de datos (data:image/png;base64,…).', 'mapa_png');
  }
  const base64 = value.slice(pngDataUrlPrefix.length);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw badRequest('invalid_parameter', 'La imagen del mapa no está bien codificada en base64.', 'mapa_png');
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > maxMapBytes) {
    throw badRequest('invalid_parameter', `La imagen del mapa pesa más de ${maxMapBytes / 1024 / 1024} MB.`, 'mapa_png');
  }
  if (bytes.length < pngSignature.length || !bytes.subarray(0, pngSignature.length).equals(pngSignature)) {
    throw badRequest('invalid_parameter', 'La imagen del mapa no es un PNG.', 'mapa_png');
  }
  return value;
}
