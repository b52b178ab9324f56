import type { Database, Queryable } from '../db/database.ts';
import { quoteIdent } from '../db/sql.ts';
import { mapAttributes, sourceAttributeNames } from './attribute-mapping.ts';
import { checkRequiredFields } from './check-fields.ts';
import { comunaBbox, type RegionBox } from './coordinates.ts';
import { describeSrid } from './crs.ts';
import { ImportError } from './errors.ts';
import { checkFieldFlags, resolveColumnMap } from './field-flags.ts';
import { checkOptions, layerFor } from './options.ts';
import { prepareFeatures } from './prepare-features.ts';
import { readImportSource } from './read-import.ts';
import { rejectionSummary } from './report-text.ts';
import { resolveCrs } from './resolve-crs.ts';
import { stageFeatures } from './stage.ts';
import type { ImportOptions, ImportReport, RejectedFeature, SourceData } from './types.ts';
import { bumpLayerVersion, clearLayer, currentLayerVersion, insertStaged } from './write.ts';

/** Thrown at the end of a dry run so that the transaction rolls back; carries the report out. */
class DryRunRollback extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

/** The comuna's bounding box with a margin, in the source CRS (for the swapped-axes check). */
async function regionInSource(db: Queryable, srid: number): Promise<RegionBox> {
  const margin = 0.3;
  try {
    const [box] = await db.query<RegionBox>(
      `select ST_XMin(b) as "minX", ST_YMin(b) as "minY", ST_XMax(b) as "maxX", ST_YMax(b) as "maxY"
       from (select ST_Transform(ST_Segmentize(ST_MakeEnvelope($1, $2, $3, $4, 4326), 0.05), $5::int)::box2d as b) as t`,
      [comunaBbox.west - margin, comunaBbox.south - margin, comunaBbox.east + margin, comunaBbox.north + margin, srid],
    );
    if (box) return box;
  } catch {
    // A CRS that cannot hold the comuna: no swapped-axes check.
  }
  return { minX: -Infinity, minY: -Infinity, maxX: Infinity, maxY: Infinity };
}

async function checkSridExists(db: Queryable, srid: number): Promise<void> {
  const rows = await db.query('select 1 from spatial_ref_sys where srid = $1', [srid]);
  if (rows.length === 0)
    throw new ImportError('crs_unknown', `${describeSrid(srid)} no está en la tabla de sistemas de referencia de PostGIS.`);
}

const byFeature = (a: RejectedFeature, b: RejectedFeature) => a.feature - b.feature;

/** Longest a single statement of an import may run (the whole import is one transaction). */
const importStatementTimeout = '10min';

/**
 * Imports a file into a layer of the catalogue: reads it, checks every
 * feature (geometry, CRS, attributes), and writes all of it in ONE
 * transaction — or nothing. With `skipInvalid` the valid features are written
 * and the others listed; with `dryRun` everything runs and is rolled back.
 * Throws an ImportError (with the report so far) when the import is refused.
 * `source` is the file already read by `readImportSource` (the CLI reads it
 * before it opens the database); without it the file is read here.
 */
export async function importFile(db: Database, options: ImportOptions, source?: SourceData): Promise<ImportReport> {
  const layer = layerFor(options.layerId);
  checkOptions(options, layer);
  const data = source ?? (await readImportSource(options));
  options.onProgress?.({ phase: 'read', done: data.features.length, total: data.features.length });
  const crs = resolveCrs(data, options.srid);
  await checkSridExists(db, crs.srid);
  const names = sourceAttributeNames(data.features);
  const assigned = checkFieldFlags(layer, options);
  const mapping = mapAttributes(layer, names, data.format, data.truncatedNames === true, {
    sourceOf: resolveColumnMap(options.columnMap, names),
    assigned: new Set(Object.keys(assigned)),
  });
  const missingFields = checkRequiredFields(layer, mapping, options, names);
  const fallbacks: Record<string, string> = {};
  if (options.fuente !== undefined) fallbacks.fuente = options.fuente;
  if (options.precision !== undefined) fallbacks.precision = options.precision;
  const prepared = prepareFeatures(data.features, {
    layer,
    srid: crs.srid,
    region: await regionInSource(db, crs.srid),
    mapping,
    fallbacks,
    assigned,
  });
  const report: ImportReport = {
    file: options.file,
    format: data.format,
    layerId: layer.id,
    mode: options.mode,
    dryRun: options.dryRun,
    committed: false,
    sourceSrid: crs.srid,
    crs: { origin: crs.origin, description: crs.description },
    ...(data.encoding ? { encoding: data.encoding } : {}),
    read: data.features.length,
    inserted: 0,
    deleted: 0,
    repaired: [],
    skipped: [],
    outsideComuna: [],
    comunaReference: 'comuna',
    mappedAttributes: mapping.mapped,
    assignedFields: Object.entries(assigned).map(([field, value]) => ({ field, value })),
    unmappedAttributes: mapping.unmapped,
    missingFields,
    defaultsApplied: Object.entries(prepared.fallbackCounts).map(([field, count]) => ({ field, value: fallbacks[field] ?? '', count })),
    notes: [...data.notes, ...crs.notes, ...mapping.notes],
  };
  if (prepared.flattened > 0)
    report.notes.push(`Se descartó la altura (coordenada Z) de ${prepared.flattened} elemento(s): las capas son 2D.`);
  const refuse = (code: 'invalid_features' | 'no_features', message: string): never => {
    throw new ImportError(code, message, report);
  };
  try {
    return await db.transaction(async (tx) => {
      // A large official layer may take longer than the server's per-request statement timeout.
      await tx.query(`set local statement_timeout = '${importStatementTimeout}'`);
      report.layerVersion = await currentLayerVersion(tx, layer.id);
      await tx.query(`lock table ${quoteIdent(layer.table)} in share row exclusive mode`);
      const staged = await stageFeatures(tx, prepared.features, { srid: crs.srid, strict: options.strict, onProgress: options.onProgress });
      Object.assign(report, { repaired: staged.repaired, outsideComuna: staged.outside, comunaReference: staged.comunaReference });
      report.skipped = [...prepared.rejected, ...staged.rejected].sort(byFeature);
      if (report.skipped.length > 0 && !options.skipInvalid) refuse('invalid_features', rejectionSummary(report));
      const valid = prepared.features.length - staged.rejected.length;
      if (valid === 0) refuse('no_features', 'Ningún elemento del archivo es válido: no se importa nada.');
      if (options.mode === 'replace') report.deleted = await clearLayer(tx, layer);
      const written = await insertStaged(tx, layer, new Map(prepared.features.map((feature) => [feature.number, feature])));
      report.inserted = written.inserted;
      if (written.rejected.length > 0) {
        report.skipped = [...report.skipped, ...written.rejected].sort(byFeature);
        if (!options.skipInvalid) refuse('invalid_features', rejectionSummary(report));
        if (written.inserted === 0) refuse('no_features', 'Ningún elemento del archivo es válido: no se importa nada.');
      }
      options.onProgress?.({ phase: 'write', done: written.inserted, total: written.inserted });
      const version = await bumpLayerVersion(tx, layer.id);
      if (options.dryRun) throw new DryRunRollback(report);
      report.layerVersion = version;
      report.committed = true;
      return report;
    });
  } catch (error) {
    if (error instanceof DryRunRollback) return error.report;
    throw error;
  }
}
