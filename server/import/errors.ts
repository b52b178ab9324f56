import type { ImportReport } from './types.ts';

/** Why an import did not happen. `usage` codes are mistakes in the request, the rest are problems with the file. */
export type ImportErrorCode =
  | 'unknown_layer'
  | 'invalid_option'
  | 'file_not_found'
  | 'unknown_format'
  | 'empty_file'
  | 'truncated_file'
  | 'malformed_file'
  | 'file_too_large'
  | 'archive_too_large'
  | 'archive_too_many_entries'
  | 'archive_size_mismatch'
  | 'archive_unsafe_entry'
  | 'ambiguous_source'
  | 'gdal_missing'
  | 'crs_unknown'
  | 'crs_conflict'
  | 'crs_unsupported'
  | 'missing_provenance'
  | 'missing_required_field'
  | 'invalid_features'
  | 'no_features';

const usageCodes: ReadonlySet<ImportErrorCode> = new Set(['unknown_layer', 'invalid_option', 'file_not_found']);

/**
 * An import refused with a reason a person understands (es-CL). Carries the
 * report built so far, so that a caller can list the rejected features.
 */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly report?: ImportReport,
  ) {
    super(message);
  }

  /** True when the request itself was wrong (CLI exit code 2, HTTP 400), not the file. */
  get isUsageError(): boolean {
    return usageCodes.has(this.code);
  }
}
