import exifr from 'exifr';
import sharp from 'sharp';
import { ApiError } from '../errors.ts';

/** Largest photo accepted from the phone (it resizes before sending; this is a safety limit). */
export const maxPhotoBytes = 8 * 1024 * 1024;
export const maxPhotos = 5;
/** Longest side kept on the server. */
const maxSide = 2048;

export interface StoredPhoto {
  bytes: Buffer;
  width: number;
  height: number;
  /** Where the camera's EXIF said the photo was taken: a hint for the office, never the report's position. */
  exif: { lon: number; lat: number } | null;
}

/**
 * Decodes a photo, keeps its EXIF position as a hint, and re-encodes it as
 * JPEG without any metadata (sharp writes none unless asked): the position,
 * the phone's model and the owner's name do not travel further. Anything
 * that does not decode as an image is refused, naming the photo.
 */
export async function processPhoto(input: Buffer, field: string): Promise<StoredPhoto> {
  let exif: StoredPhoto['exif'] = null;
  try {
    const gps = (await exifr.gps(input)) as { longitude?: number; latitude?: number } | undefined;
    if (gps && Number.isFinite(gps.longitude) && Number.isFinite(gps.latitude)) exif = { lon: gps.longitude!, lat: gps.latitude! };
  } catch {
    exif = null;
  }
  try {
    const image = sharp(input, { failOn: 'error', limitInputPixels: 60_000_000 });
    const metadata = await image.metadata();
    if (!metadata.format || !['jpeg', 'png', 'webp', 'heif'].includes(metadata.format)) {
      throw new ApiError(
        415,
        'invalid_photo',
        `La foto está en un formato no admitido (${metadata.format ?? 'desconocido'}); use JPEG, PNG o WebP.`,
        field,
      );
    }
    const { data, info } = await image
      .rotate()
      .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 85, mozjpeg: true })
      .toBuffer({ resolveWithObject: true });
    return { bytes: data, width: info.width, height: info.height, exif };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(415, 'invalid_photo', 'El archivo no es una imagen que se pueda leer (JPEG, PNG o WebP).', field);
  }
}
