import { randomUUID } from 'node:crypto';
import sharp from 'sharp';

export interface FilePart {
  name: string;
  filename: string;
  type: string;
  bytes: Buffer;
}

/** A multipart/form-data body (RFC 7578) with text fields and files, for app.inject. */
export function multipartBody(fields: Record<string, string>, files: FilePart[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----sit-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
    );
    chunks.push(file.bytes, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A real JPEG as a phone camera writes it: EXIF with the phone's make, the
 * owner's name and a GPS position (Plaza de Armas de Vallenar by default).
 */
export async function cameraJpeg(options: { width?: number; height?: number; color?: string; gps?: boolean } = {}): Promise<Buffer> {
  const image = sharp({
    create: { width: options.width ?? 320, height: options.height ?? 240, channels: 3, background: options.color ?? '#8a6d3b' },
  });
  const exif = {
    IFD0: { Make: 'TelefonoPrueba', Artist: 'Funcionaria Municipal' },
    ...(options.gps === false
      ? {}
      : { IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '28/1 34/1 30/1', GPSLongitudeRef: 'W', GPSLongitude: '70/1 45/1 40/1' } }),
  };
  return image.withExif(exif).jpeg({ quality: 80 }).toBuffer();
}
