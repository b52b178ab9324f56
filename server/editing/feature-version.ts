import type { LayerDefinition } from '../catalog/index.ts';
import { defaultCrs, type SupportedCrs } from '../ogc/crs.ts';
import { featureText } from '../ogc/feature-sql.ts';

/** CRS84 with every digit: the stored state of a feature, for versions, the audit trail and the recycle bin. */
export const storedCrs: SupportedCrs = { ...defaultCrs, digits: 15 };

/**
 * SQL of a feature's version: the MD5 of its whole stored state (properties
 * and geometry at full precision). The item's ETag is built from it, so the
 * same state has the same ETag whatever CRS it was read in, and any change
 * (by anyone, through any path) gives a new one.
 */
export function versionSql(layer: LayerDefinition): string {
  return `md5(${featureText(layer, storedCrs)})`;
}

/** The ETag header of a version: strong, because If-Match compares strongly (RFC 9110). */
export function etagOf(version: string): string {
  return `"${version}"`;
}

/** True when an If-Match / If-None-Match header lists this ETag or `*` (weak forms compared by their tag). */
export function etagListed(header: string | undefined, etag: string): boolean {
  return (header ?? '')
    .split(',')
    .map((candidate) => candidate.trim().replace(/^W\//, ''))
    .some((candidate) => candidate === '*' || candidate === etag);
}
