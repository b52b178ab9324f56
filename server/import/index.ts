/**
 * Import of official files into a layer of the catalogue. The CLI
 * (server/cli/import.ts) and, later, an API route call `importFile`.
 */
export { importFile } from './import-file.ts';
export { readImportSource } from './read-import.ts';
export { defaultArchiveLimits, type ArchiveLimits } from './limits.ts';
export { ImportError, type ImportErrorCode } from './errors.ts';
export { formatReport, rejectionSummary } from './report-text.ts';
export { supportedFormats } from './detect-format.ts';
export type { ImportFormat, ImportMode, ImportOptions, ImportProgress, ImportReport, RejectedFeature, SourceData } from './types.ts';
