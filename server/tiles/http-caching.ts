/**
 * HTTP validators and content negotiation for tiles: strong ETags per
 * representation (the gzip body gets its own tag) and Accept-Encoding.
 */

/** Suffix that marks the ETag of the gzip representation. */
const gzipSuffix = '-gz';

/** The quoted ETag of a representation. */
export function entityTag(base: string, gzip: boolean): string {
  return `"${base}${gzip ? gzipSuffix : ''}"`;
}

/**
 * The tag of `If-None-Match` that matches the resource `base` (either
 * representation, as the weak comparison of RFC 9110 §13.1.2 allows), or
 * null. `*` matches any existing resource.
 */
export function matchingEntityTag(ifNoneMatch: string | undefined, base: string): string | null {
  if (!ifNoneMatch) return null;
  for (const raw of ifNoneMatch.split(',')) {
    const candidate = raw.trim();
    if (candidate === '*') return entityTag(base, false);
    const opaque = candidate.replace(/^W\//, '').replace(/^"|"$/g, '');
    const tagBase = opaque.endsWith(gzipSuffix) ? opaque.slice(0, -gzipSuffix.length) : opaque;
    if (tagBase === base) return `"${opaque}"`;
  }
  return null;
}

/** True when Accept-Encoding admits gzip (explicitly or through `*`) with a quality above zero. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let gzipQuality: number | null = null;
  let anyQuality: number | null = null;
  for (const entry of acceptEncoding.split(',')) {
    const [name = '', ...parameters] = entry.trim().toLowerCase().split(';');
    const qualityParameter = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    const quality = qualityParameter ? Number(qualityParameter.slice(2)) : 1;
    if (!Number.isFinite(quality)) continue;
    if (name.trim() === 'gzip' || name.trim() === 'x-gzip') gzipQuality = quality;
    else if (name.trim() === '*') anyQuality = quality;
  }
  return (gzipQuality ?? anyQuality ?? 0) > 0;
}
