import { findLayer } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import { quoteIdent } from '../db/sql.ts';
import { comunaBbox } from './coordinates.ts';
import type { PreparedFeature } from './prepare-features.ts';
import { explainDatabaseError, withSavepoint } from './savepoint.ts';
import type { ImportProgress, OutsideFeature, RejectedFeature, RepairedFeature } from './types.ts';
import { explainInvalidity } from './validity.ts';

/** Name of the per-transaction table that holds the features between checks and the insert. */
export const stagingTable = 'import_staging';

const batchSize = 500;

export interface StageOptions {
  srid: number;
  strict: boolean;
  onProgress?: (progress: ImportProgress) => void;
}

export interface StageResult {
  repaired: RepairedFeature[];
  rejected: RejectedFeature[];
  outside: OutsideFeature[];
  comunaReference: 'comuna' | 'bbox';
}

const labelOf = (features: Map<number, PreparedFeature>, number: number) => {
  const label = features.get(number)?.label;
  return label ? { label } : {};
};

async function insertBatch(tx: Queryable, batch: PreparedFeature[], srid: number): Promise<void> {
  const payload = batch.map((feature) => ({ n: feature.number, d: feature.dimension, g: feature.geometry, v: feature.values }));
  await tx.query(
    `insert into ${stagingTable} (number, dimension, geom, attributes)
     select (f->>'n')::int, (f->>'d')::int, ST_SetSRID(ST_GeomFromGeoJSON(f->'g'), $2::int), f->'v'
     from jsonb_array_elements($1::jsonb) as f`,
    [JSON.stringify(payload), srid],
  );
}

const transformSql = `update ${stagingTable} set geom = ST_Transform(geom, 4326)`;

/**
 * Moves the features to EPSG:4326 with ST_Transform (PROJ picks the datum
 * shift for the area: PSAD56 in Vallenar uses EPSG:6972). A feature PROJ
 * cannot transform is rejected alone, through savepoints.
 */
async function transform(tx: Queryable, srid: number, byNumber: Map<number, PreparedFeature>): Promise<RejectedFeature[]> {
  if (srid === 4326) return [];
  try {
    await withSavepoint(tx, () => tx.query(transformSql));
    return [];
  } catch {
    const rejected: RejectedFeature[] = [];
    for (const number of byNumber.keys()) {
      try {
        await withSavepoint(tx, () => tx.query(`${transformSql} where number = $1`, [number]));
      } catch (error) {
        await tx.query(`delete from ${stagingTable} where number = $1`, [number]);
        rejected.push({
          feature: number,
          ...labelOf(byNumber, number),
          code: 'out_of_range',
          reason: `no se pudo transformar a EPSG:4326: ${explainDatabaseError(error)}`,
        });
      }
    }
    return rejected;
  }
}

/**
 * Checks validity in EPSG:4326 (what the table's CHECK sees): with `strict`
 * an invalid geometry is rejected, otherwise repaired with ST_MakeValid and
 * reduced to the layer's dimension; one that repairs to nothing is rejected.
 */
async function validate(
  tx: Queryable,
  strict: boolean,
  byNumber: Map<number, PreparedFeature>,
): Promise<{ repaired: RepairedFeature[]; rejected: RejectedFeature[] }> {
  const invalid = await tx.query<{ number: number; reason: string }>(
    `update ${stagingTable} set invalid_reason = ST_IsValidReason(geom)
     where ST_IsValidReason(geom) <> 'Valid Geometry' returning number, invalid_reason as reason`,
  );
  const repaired: RepairedFeature[] = [];
  const rejected: RejectedFeature[] = [];
  if (invalid.length === 0) return { repaired, rejected };
  if (strict) {
    await tx.query(`delete from ${stagingTable} where invalid_reason is not null`);
    for (const row of invalid) {
      rejected.push({
        feature: row.number,
        ...labelOf(byNumber, row.number),
        code: 'invalid_geometry',
        reason: `geometría inválida (${explainInvalidity(row.reason)}); con --strict no se repara`,
      });
    }
    return { repaired, rejected };
  }
  const lost = await tx.query<{ number: number; reason: string }>(
    `with fixed as (
       update ${stagingTable} set geom = ST_CollectionExtract(ST_MakeValid(geom), dimension)
       where invalid_reason is not null returning number, invalid_reason, geom
     ) select number, invalid_reason as reason from fixed where ST_IsEmpty(geom) or not ST_IsValid(geom)`,
  );
  const lostNumbers = new Set(lost.map((row) => row.number));
  if (lost.length > 0) await tx.query(`delete from ${stagingTable} where number = any($1::int[])`, [[...lostNumbers]]);
  for (const row of invalid) {
    const entry = { feature: row.number, ...labelOf(byNumber, row.number) };
    if (lostNumbers.has(row.number)) {
      rejected.push({
        ...entry,
        code: 'unrepairable_geometry',
        reason: `geometría inválida que no se puede reparar sin perderla (${explainInvalidity(row.reason)})`,
      });
    } else {
      repaired.push({ ...entry, reason: explainInvalidity(row.reason) });
    }
  }
  return { repaired, rejected };
}

/** Features not covered by the comuna: the `comuna` layer's polygon, or its bounding box when that layer is empty. */
async function outsideComuna(
  tx: Queryable,
  byNumber: Map<number, PreparedFeature>,
): Promise<Pick<StageResult, 'outside' | 'comunaReference'>> {
  const comuna = findLayer('comuna');
  const table = comuna ? quoteIdent(comuna.table) : null;
  const geometry = comuna ? quoteIdent(comuna.geometryColumn) : null;
  const [{ count = 0 } = {}] = table ? await tx.query<{ count: number }>(`select count(*)::int as count from ${table}`) : [];
  // The published bounding box is rounded to 0.01°: widen it by as much so the comuna itself is not "outside".
  const envelope = `ST_MakeEnvelope(${comunaBbox.west - 0.01}, ${comunaBbox.south - 0.01}, ${comunaBbox.east + 0.01}, ${comunaBbox.north + 0.01}, 4326)`;
  const reference = count > 0 ? `(select ST_Union(${geometry}) from ${table})` : envelope;
  const rows = await tx.query<{ number: number; touches: boolean }>(
    `with limit_area as (select ${reference} as area)
     select s.number, ST_Intersects(s.geom, l.area) as touches
     from ${stagingTable} s, limit_area l where not ST_CoveredBy(s.geom, l.area) order by s.number`,
  );
  return {
    outside: rows.map((row) => ({ feature: row.number, ...labelOf(byNumber, row.number), entirely: !row.touches })),
    comunaReference: count > 0 ? 'comuna' : 'bbox',
  };
}

/**
 * Loads the prepared features into a temporary table of this transaction and
 * runs the checks that need PostGIS: transformation to EPSG:4326, validity
 * (repair or reject) and position against the comuna. Rejected features are
 * removed from the staging table; the rest wait there for the insert.
 */
export async function stageFeatures(tx: Queryable, features: readonly PreparedFeature[], options: StageOptions): Promise<StageResult> {
  await tx.query(
    `create temporary table ${stagingTable} (
       number integer primary key,
       dimension integer not null,
       geom geometry not null,
       attributes jsonb not null,
       invalid_reason text
     ) on commit drop`,
  );
  const byNumber = new Map(features.map((feature) => [feature.number, feature]));
  for (let start = 0; start < features.length; start += batchSize) {
    await insertBatch(tx, features.slice(start, start + batchSize), options.srid);
    options.onProgress?.({ phase: 'validate', done: Math.min(start + batchSize, features.length), total: features.length });
  }
  const transformRejected = await transform(tx, options.srid, byNumber);
  const { repaired, rejected } = await validate(tx, options.strict, byNumber);
  const outside = await outsideComuna(tx, byNumber);
  return { repaired, rejected: [...transformRejected, ...rejected], ...outside };
}
