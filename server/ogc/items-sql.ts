import type { LayerDefinition, PropertyType } from '../catalog/index.ts';
import { quoteIdent } from '../db/sql.ts';
import type { BboxFilter } from './bbox.ts';
import type { SupportedCrs } from './crs.ts';
import type { DayRange } from './datetime.ts';
import { column, featureText } from './feature-sql.ts';
import { versionSql } from '../editing/feature-version.ts';

/** What an items request selects, already validated and parsed. */
export interface ItemsSelection {
  bbox?: BboxFilter;
  datetime?: DayRange;
  /** Equality filters: catalogue property name → value (typed by Ajv from the catalogue). */
  equals: ReadonlyMap<string, unknown>;
}

/** A WHERE clause (without the keyword) and its `$n` parameters. */
export interface Where {
  sql: string;
  params: unknown[];
  /** True when nothing restricts the layer (every feature matches). */
  unfiltered: boolean;
}

const parameterCasts: Record<PropertyType, string> = {
  string: 'text',
  integer: 'bigint',
  number: 'double precision',
  date: 'date',
  boolean: 'boolean',
};

/**
 * Builds the WHERE clause of an items request from the catalogue: column
 * names come from the layer definition only and are quoted; every value is a
 * `$n` parameter cast to the property's type.
 */
export function buildWhere(layer: LayerDefinition, selection: ItemsSelection): Where {
  const params: unknown[] = [];
  const parameter = (value: unknown, cast: string) => {
    params.push(value);
    return `$${params.length}::${cast}`;
  };
  const conditions: string[] = [];
  for (const [name, value] of selection.equals) {
    const property = layer.properties.find((candidate) => candidate.name === name && candidate.filterable);
    if (!property) throw new Error(`filtro sin propiedad filtrable en el catálogo: ${name}`);
    conditions.push(`${column(property.name)} = ${parameter(value, parameterCasts[property.type])}`);
  }
  if (selection.bbox) {
    const { srid, boxes } = selection.bbox;
    const geometry = column(layer.geometryColumn);
    const envelopes = boxes.map((box) => {
      const [minX, minY, maxX, maxY] = box.map((value) => parameter(value, 'double precision'));
      const envelope = `ST_MakeEnvelope(${minX}, ${minY}, ${maxX}, ${maxY}, ${Number(srid)})`;
      if (srid === 4326) return `ST_Intersects(${geometry}, ${envelope})`;
      // Densified before the transformation, so that the box's edges stay where they were drawn.
      const segment = parameter(Math.max(box[2] - box[0], box[3] - box[1]) / 64 || 1, 'double precision');
      return `ST_Intersects(${geometry}, ST_Transform(ST_Segmentize(${envelope}, ${segment}), 4326))`;
    });
    conditions.push(envelopes.length === 0 ? 'false' : `(${envelopes.join(' or ')})`);
  }
  if (selection.datetime && layer.temporal) {
    const start = column(layer.temporal.start);
    const end = layer.temporal.end ? column(layer.temporal.end) : null;
    conditions.push(`${start} is not null`);
    // A feature lasts from its start to its end (inclusive); no end column: an instant; a null end: still going.
    if (selection.datetime.end) conditions.push(`${start} < ${parameter(selection.datetime.end, 'date')} + 1`);
    if (selection.datetime.start) {
      const from = parameter(selection.datetime.start, 'date');
      conditions.push(end ? `(${end} is null or ${end} >= ${from})` : `${start} >= ${from}`);
    }
  }
  return { sql: conditions.length ? conditions.join(' and ') : 'true', params, unfiltered: conditions.length === 0 };
}

/**
 * The numberMatched rule. OGC lets a server omit numberMatched, and an exact
 * count of a big table on every page would cost tens of milliseconds, so:
 * - every page counts its matches in the same statement, but the count stops
 *   after `countCap` rows: when fewer match, numberMatched is exact, and the
 *   count never reads more than that many rows (measured with 20 000 polygons:
 *   ~2–3 ms on PostgreSQL 15, ~10 ms on the embedded PGlite);
 * - when more match and nothing filters the layer, numberMatched is the
 *   layer's exact count, counted once per `layer_version` (LayerStatsCache);
 * - when more match a filter, numberMatched is omitted and `next` is offered
 *   as long as pages come back full.
 */
export const countCap = 10_000;

export interface PageRow {
  /** Matches counted, at most `countCap + 1` (more than the cap when it says countCap + 1). */
  matched: number;
  returned: number;
  /** The page's features as comma-separated GeoJSON texts, in id order (null for an empty page). */
  features: string | null;
}

/**
 * One statement for a page of features: the features as one text and a
 * bounded count of the matches, both under the same WHERE clause. Ordered by
 * the id column so that offset paging visits every feature exactly once.
 */
export function pageSql(layer: LayerDefinition, where: Where, crs: SupportedCrs, limit: number, offset: number) {
  const params = [...where.params, limit, offset, countCap + 1];
  const [limitParam, offsetParam, capParam] = [params.length - 2, params.length - 1, params.length].map((n) => `$${n}`);
  const table = `${quoteIdent(layer.table)} t`;
  const id = column(layer.idColumn);
  // The rows are chosen in a subquery and the features built outside it: built inside, the JSON of
  // every row skipped by OFFSET would be computed too (deep pages cost more and more).
  const text = `with page as (
      select ${id} as feature_id, ${featureText(layer, crs)} as feature
      from (select * from ${table} where ${where.sql} order by ${id} limit ${limitParam}::bigint offset ${offsetParam}::bigint) t
    )
    select (select count(*) from (select 1 from ${table} where ${where.sql} limit ${capParam}::bigint) matches)::int as matched,
      (select count(*) from page)::int as returned,
      (select string_agg(feature, ',' order by feature_id) from page) as features`;
  return { text, params };
}

/** One feature by id, as GeoJSON text, in `crs`. */
export function featureSql(layer: LayerDefinition, crs: SupportedCrs): string {
  return `select ${featureText(layer, crs)} as feature, ${versionSql(layer)} as version from ${quoteIdent(layer.table)} t where ${column(layer.idColumn)} = $1::bigint`;
}
