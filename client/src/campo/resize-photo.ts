import { fitWithin } from './photo-size.ts';
import { maxPhotoSide, photoQuality, type ReportPhoto } from './report.ts';

/**
 * Decodes a photo (honouring its EXIF orientation) and re-encodes it as a
 * JPEG whose longest side is at most 1600 px, on the phone, before it is
 * stored or sent. Uses an OffscreenCanvas where the browser has one. The
 * re-encoded JPEG carries no EXIF; the server strips metadata anyway.
 */
export async function resizePhoto(file: Blob): Promise<ReportPhoto> {
  const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  try {
    const { width, height } = fitWithin(bitmap.width, bitmap.height, maxPhotoSide);
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d');
      if (!context) throw new Error('Sin contexto 2D');
      context.drawImage(bitmap, 0, 0, width, height);
      return { blob: await canvas.convertToBlob({ type: 'image/jpeg', quality: photoQuality }), width, height };
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('Sin contexto 2D');
    context.drawImage(bitmap, 0, 0, width, height);
    const blob = await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('No se pudo codificar la foto'))), 'image/jpeg', photoQuality),
    );
    return { blob, width, height };
  } finally {
    bitmap.close();
  }
}
