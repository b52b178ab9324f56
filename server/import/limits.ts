import { constants } from 'node:buffer';

/**
 * What one archive (a zipped shapefile, a KMZ) may make the importer do. The
 * defaults fit any official layer of the comuna with room to spare; a file
 * past them is refused before it can exhaust the machine's memory.
 */
export interface ArchiveLimits {
  /** Bytes that the entries read from one archive may inflate to, all together. */
  maxInflatedBytes: number;
  /** Entries (files and folders) one archive may list. */
  maxEntries: number;
}

/** 512 MiB inflated, 1 000 entries. */
export const defaultArchiveLimits: Readonly<ArchiveLimits> = { maxInflatedBytes: 512 * 1024 * 1024, maxEntries: 1000 };

/**
 * Longest text file (GeoJSON, KML, GPX, CSV) that can be read at all: the
 * decoded text must fit in one JavaScript string (about 512 MiB in Node 20).
 */
export const maxTextBytes = constants.MAX_STRING_LENGTH;

const number = new Intl.NumberFormat('es-CL', { maximumFractionDigits: 1 });

/** A size for a message: «1 GiB», «512 MiB», «3,5 KiB», «800 bytes». */
export function formatBytes(bytes: number): string {
  const units: [string, number][] = [
    ['GiB', 1024 ** 3],
    ['MiB', 1024 ** 2],
    ['KiB', 1024],
  ];
  for (const [unit, size] of units) if (bytes >= size) return `${number.format(bytes / size)} ${unit}`;
  return `${bytes} bytes`;
}

/** The limits in force: the caller's, each missing one from the defaults. */
export function archiveLimitsOf(options: { archiveLimits?: Partial<ArchiveLimits> }): ArchiveLimits {
  return { ...defaultArchiveLimits, ...options.archiveLimits };
}
