/**
 * Import of official files into a layer of the catalogue. The CLI
 * (server/cli/import.ts) and, later, an API route call `importFile`.
 */
export { importFile } from './import-file.ts';
export { ImportError, type ImportErrorCode } from './errors.ts';
export { formatReport, rejectionSummary } from './report-text.ts';
export { supportedFormats } from './detect-format.ts';
export type { ImportFormat, ImportMode, ImportOptions, ImportProgress, ImportReport, RejectedFeature } from './types.ts';
