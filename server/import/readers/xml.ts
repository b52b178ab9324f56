import path from 'node:path';
import { DOMParser, onErrorStopParsing, type Document } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import { encodingLabel } from '../encoding.ts';
import { ImportError } from '../errors.ts';
import type { SourceData, SourceFeature } from '../types.ts';
import { maxTextBytes } from '../limits.ts';
import { decodeText, tooLongText } from './text.ts';

/** Decodes XML with `--encoding`, else the encoding its prolog declares, else UTF-8 or windows-1252 by content. */
export function decodeXml(
  bytes: Uint8Array,
  forced: string | undefined,
  /** The file's name, for a refusal. */
  name: string,
): { text: string; encoding: NonNullable<SourceData['encoding']> } {
  if (bytes.length > maxTextBytes) throw tooLongText(name, bytes.length);
  if (forced) return decodeText(bytes, forced, name);
  const prolog = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^[^<]{0,4}<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(prolog)?.[1];
  if (!declared) return decodeText(bytes, undefined, name);
  const label = encodingLabel(declared, 'declaration');
  return { text: new TextDecoder(label).decode(bytes).replace(/^\uFEFF/, ''), encoding: { name: label, origin: 'declared' } };
}

/** Parses XML and stops at the first error: a cut or broken KML/GPX is refused, never half-read. */
export function parseXml(text: string, file: string): Document {
  if (text.trim() === '') throw new ImportError('empty_file', `El archivo «${path.basename(file)}» no tiene contenido.`);
  try {
    return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const truncated = /unclosed|end of|unexpected end|EOF/i.test(message);
    throw new ImportError(
      truncated ? 'truncated_file' : 'malformed_file',
      truncated
        ? `El archivo «${path.basename(file)}» está incompleto: el XML termina con etiquetas sin cerrar. Vuelva a obtener el archivo completo.`
        : `El archivo «${path.basename(file)}» no es XML válido (${message}).`,
    );
  }
}

/** Presentation properties togeojson adds (styles, icons): not data, not reported as unmapped. */
const presentation =
  /^(styleUrl|styleHash|styleMapHash|stroke|stroke-opacity|stroke-width|fill|fill-opacity|icon|icon-.*|label-.*|visibility|_gpxType|coordinateProperties|link|links|@geometry-type)$/;

/** A togeojson feature as a source feature: presentation dropped, HTML descriptions as text. */
export function fromToGeoJson(feature: Feature<Geometry | null>, number: number): SourceFeature {
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(feature.properties ?? {})) {
    if (presentation.test(key)) continue;
    const isHtml = value && typeof value === 'object' && 'value' in value;
    properties[key] = isHtml ? String((value as { value: unknown }).value) : value;
  }
  return { number, geometry: feature.geometry ?? null, properties };
}
