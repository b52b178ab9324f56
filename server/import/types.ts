import type { Geometry } from 'geojson';
import type { ArchiveLimits } from './limits.ts';

/** File formats the importer reads. */
export type ImportFormat = 'geojson' | 'shapefile' | 'kml' | 'kmz' | 'gpx' | 'csv' | 'geopackage';

/** Where the source coordinate reference system came from. */
export type CrsOrigin = 'prj' | 'geopackage' | 'rfc7946' | 'crs-member' | 'format' | 'flag' | 'column-names' | 'assumed';

/**
 * One feature as read from a file, before any validation: the geometry in the
 * file's own coordinates and its attributes under their original names.
 */
export interface SourceFeature {
  /** Position in the file, from 1. Reports name features by it. */
  number: number;
  geometry: Geometry | null;
  properties: Record<string, unknown>;
  /** Why the reader could not build a geometry (Spanish), when geometry is null for a reason. */
  geometryProblem?: string;
}

/** What a reader hands on: features plus what the file said about itself. */
export interface SourceData {
  format: ImportFormat;
  features: SourceFeature[];
  /** EPSG code the file declares, or null when it declares none. */
  declaredSrid: number | null;
  /** Where declaredSrid came from (when not null). */
  crsOrigin?: CrsOrigin;
  /** Human description of the declared CRS (e.g. the .prj name). */
  crsDescription?: string;
  /** The file carries a CRS we could not identify (a .prj with an unknown name). */
  unrecognisedCrs?: string;
  /** Character encoding used for text (Shapefile .dbf, CSV). */
  encoding?: { name: string; origin: 'flag' | 'cpg' | 'declared' | 'dbf-header' | 'detected' | 'utf-8' };
  /** Source attributes whose names were truncated by the format (dBASE: 10 characters). */
  truncatedNames?: boolean;
  /** Notes for the report (Spanish). */
  notes: string[];
}

/** Options every reader accepts. */
export interface ReadOptions {
  /** Character encoding forced by the user (`--encoding`). */
  encoding?: string;
  /** Layer inside a multi-layer file (GeoPackage, zipped shapefiles). */
  sourceLayer?: string;
  /** ogr2ogr executable (GeoPackage). */
  ogr2ogrPath?: string;
  /** Limits for archives (zipped shapefiles, KMZ); each one left out takes its default (limits.ts). */
  archiveLimits?: Partial<ArchiveLimits>;
}

export type ImportMode = 'append' | 'replace';

/** Progress of a long import, for a progress bar. */
export interface ImportProgress {
  phase: 'read' | 'validate' | 'write';
  done: number;
  total: number;
}

/** Everything `importFile` needs. */
export interface ImportOptions extends ReadOptions {
  file: string;
  layerId: string;
  /** EPSG code of the file's coordinates when the file does not say (or to confirm it). */
  srid?: number;
  mode: ImportMode;
  /** Validate and report, write nothing. */
  dryRun: boolean;
  /** Reject invalid geometries instead of repairing them. */
  strict: boolean;
  /** Load the valid features and list the others, instead of rejecting the whole file. */
  skipInvalid: boolean;
  /** `fuente` for features whose file gives none. */
  fuente?: string;
  /** `precision` for features whose file gives none (one of the catalogue's values). */
  precision?: string;
  /** `--asignar campo=valor`: a constant for a field in every feature, whatever the file says. */
  assign?: Record<string, string>;
  /** `--mapear COLUMNA=campo`: the file's column (key) that feeds a catalogue field (value). */
  columnMap?: Record<string, string>;
  onProgress?: (progress: ImportProgress) => void;
}

/** A feature left out, and why (Spanish). */
export interface RejectedFeature {
  feature: number;
  /** A name or code from the feature, to find it in the source. */
  label?: string;
  code: RejectionCode;
  reason: string;
}

export type RejectionCode =
  | 'no_geometry'
  | 'malformed_geometry'
  | 'non_finite'
  | 'out_of_range'
  | 'utm_as_degrees'
  | 'swapped_coordinates'
  | 'wrong_geometry_type'
  | 'invalid_geometry'
  | 'unrepairable_geometry'
  | 'missing_value'
  | 'invalid_value'
  | 'database_constraint';

/** An invalid geometry that was repaired with ST_MakeValid. */
export interface RepairedFeature {
  feature: number;
  label?: string;
  /** Why it was invalid (ST_IsValidReason, explained in Spanish). */
  reason: string;
}

/** A feature that does not lie (entirely) inside the comuna. Reported, not rejected. */
export interface OutsideFeature {
  feature: number;
  label?: string;
  /** True when no part of it touches the comuna; false when it only crosses the limit. */
  entirely: boolean;
}

/** The result of an import, written or not. */
export interface ImportReport {
  file: string;
  format: ImportFormat;
  layerId: string;
  mode: ImportMode;
  dryRun: boolean;
  /** True when the rows were written and committed. */
  committed: boolean;
  sourceSrid: number;
  crs: { origin: CrsOrigin; description: string };
  encoding?: SourceData['encoding'];
  read: number;
  inserted: number;
  /** Rows removed by replace mode. */
  deleted: number;
  repaired: RepairedFeature[];
  skipped: RejectedFeature[];
  outsideComuna: OutsideFeature[];
  /** What the comuna check compared with: the `comuna` layer, or its bounding box when that layer is empty. */
  comunaReference: 'comuna' | 'bbox';
  /** Source attribute → catalogue field; `explicit` when `--mapear` asked for it. */
  mappedAttributes: { source: string; field: string; explicit?: true }[];
  /** Fields given one value for every feature with `--asignar`. */
  assignedFields: { field: string; value: string | number | boolean }[];
  unmappedAttributes: string[];
  /** Catalogue fields the file does not carry (required ones make the import fail unless a flag fills them). */
  missingFields: { field: string; required: boolean; filledFrom?: string }[];
  /** Features whose fuente/precision came from a flag. */
  defaultsApplied: { field: string; value: string; count: number }[];
  /** Layer version after the write (unchanged on a dry run). */
  layerVersion?: number;
  notes: string[];
}
