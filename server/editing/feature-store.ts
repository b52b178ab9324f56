import type { LayerDefinition, PropertyType } from '../catalog/index.ts';
import type { Queryable } from '../db/database.ts';
import { quoteIdent } from '../db/sql.ts';
import { ApiError } from '../errors.ts';
import { column, featureText } from '../ogc/feature-sql.ts';
import type { SessionUser } from '../auth/roles.ts';
import { recordAudit } from '../audit/record.ts';
import type { FeatureInput, InputCrs } from './feature-input.ts';
import { storedCrs, versionSql } from './feature-version.ts';
import { storedGeometrySql } from './geometry-sql.ts';

const casts: Record<PropertyType, string> = {
  string: 'text',
  integer: 'bigint',
  number: 'double precision',
  date: 'date',
  boolean: 'boolean',
};

/** The feature as stored (full precision) and its version, read and locked for the rest of the transaction. */
export interface StoredFeature {
  id: number;
  /** GeoJSON Feature text at full precision. */
  feature: string;
  version: string;
}

/** Properties an edit writes: not computed by the database, not moved by a lifecycle. */
function editableProperties(layer: LayerDefinition) {
  return layer.properties.filter((property) => !property.generated && !property.lifecycle);
}

/** Properties a restore puts back: everything stored except what the database computes. */
function storedProperties(layer: LayerDefinition) {
  return layer.properties.filter((property) => !property.generated);
}

/** Reads a feature for update (row lock): concurrent edits of the same feature queue here. */
export async function lockFeature(tx: Queryable, layer: LayerDefinition, id: number): Promise<StoredFeature | null> {
  const [row] = await tx.query<StoredFeature>(
    `select ${column(layer.idColumn)}::bigint as id, ${featureText(layer, storedCrs)} as feature, ${versionSql(layer)} as version
     from ${quoteIdent(layer.table)} t where ${column(layer.idColumn)} = $1::bigint for update`,
    [id],
  );
  return row ?? null;
}

async function readBack(tx: Queryable, layer: LayerDefinition, id: number): Promise<StoredFeature> {
  const row = await lockFeature(tx, layer, id);
  if (!row) throw new Error(`el elemento ${id} de ${layer.id} no se pudo releer`);
  return row;
}

/** Assignments of the input's values: every writable property on replace, only those given on create. */
function values(layer: LayerDefinition, input: FeatureInput, crs: InputCrs, repair: boolean, everyProperty: boolean) {
  const params: unknown[] = [];
  const names: string[] = [];
  const expressions: string[] = [];
  for (const property of editableProperties(layer)) {
    if (!everyProperty && !(property.name in input.properties)) continue;
    params.push(input.properties[property.name] ?? null);
    names.push(quoteIdent(property.name));
    expressions.push(`$${params.length}::${casts[property.type]}`);
  }
  params.push(JSON.stringify(input.geometry));
  names.push(quoteIdent(layer.geometryColumn));
  expressions.push(storedGeometrySql(layer, crs, `$${params.length}`, repair));
  return { params, names, expressions };
}

/** Turns constraint violations into answers that name the field; anything else is rethrown. */
export function constraintError(layer: LayerDefinition, error: unknown): never {
  const pg = error as { code?: string; constraint?: string; detail?: string; message?: string };
  const constraint = pg.constraint ?? /constraint "([^"]+)"/.exec(pg.message ?? '')?.[1] ?? '';
  const property = layer.properties.find((candidate) => constraint.startsWith(`${layer.table}_${candidate.name}_`));
  const field = property ? `properties.${property.name}` : 'properties';
  if (pg.code === '23505') {
    throw new ApiError(
      409,
      'conflict',
      `Ya existe otro elemento con el mismo ${property?.title ?? 'valor único'} en «${layer.title}».`,
      field,
    );
  }
  if (pg.code === '23514' || pg.code === '23502' || pg.code === '22P02' || pg.code === '22003') {
    throw new ApiError(
      422,
      'invalid_feature',
      property
        ? `El valor del campo «${property.title}» no cumple las reglas de la capa.`
        : `Los valores no cumplen las reglas de la capa «${layer.title}» (${constraint || 'restricción'}); revise fechas y cantidades.`,
      field,
    );
  }
  throw error;
}

export async function insertFeature(
  tx: Queryable,
  layer: LayerDefinition,
  input: FeatureInput,
  crs: InputCrs,
  repair: boolean,
  user: SessionUser,
): Promise<StoredFeature> {
  const { params, names, expressions } = values(layer, input, crs, repair, false);
  const [row] = await tx
    .query<{ id: number }>(
      `insert into ${quoteIdent(layer.table)} (${names.join(', ')}) values (${expressions.join(', ')})
       returning ${quoteIdent(layer.idColumn)}::bigint as id`,
      params,
    )
    .catch((error: unknown) => constraintError(layer, error));
  const stored = await readBack(tx, layer, row!.id);
  await recordAudit(tx, {
    user,
    accion: 'crear',
    recurso: layer.id,
    objetoId: stored.id,
    antes: null,
    despues: JSON.parse(stored.feature),
  });
  return stored;
}

export async function replaceFeature(
  tx: Queryable,
  layer: LayerDefinition,
  before: StoredFeature,
  input: FeatureInput,
  crs: InputCrs,
  repair: boolean,
  user: SessionUser,
): Promise<StoredFeature> {
  const { params, names, expressions } = values(layer, input, crs, repair, true);
  params.push(before.id);
  await tx
    .query(
      `update ${quoteIdent(layer.table)} set ${names.map((name, index) => `${name} = ${expressions[index]}`).join(', ')}
       where ${quoteIdent(layer.idColumn)} = $${params.length}::bigint`,
      params,
    )
    .catch((error: unknown) => constraintError(layer, error));
  const after = await readBack(tx, layer, before.id);
  await recordAudit(tx, {
    user,
    accion: 'modificar',
    recurso: layer.id,
    objetoId: before.id,
    antes: JSON.parse(before.feature),
    despues: JSON.parse(after.feature),
  });
  return after;
}

/** Soft delete: the row moves to the recycle bin (papelera) and the audit trail, in one transaction. */
export async function deleteFeature(tx: Queryable, layer: LayerDefinition, before: StoredFeature, user: SessionUser): Promise<void> {
  await tx.query(
    `insert into papelera (recurso, objeto_id, fila, eliminado_por) values ($1, $2, $3::jsonb, $4)
     on conflict (recurso, objeto_id) do update set fila = excluded.fila, eliminado_en = now(), eliminado_por = excluded.eliminado_por`,
    [layer.id, String(before.id), before.feature, user.usuario],
  );
  await tx.query(`delete from ${quoteIdent(layer.table)} where ${quoteIdent(layer.idColumn)} = $1::bigint`, [before.id]);
  await recordAudit(tx, {
    user,
    accion: 'eliminar',
    recurso: layer.id,
    objetoId: before.id,
    antes: JSON.parse(before.feature),
    despues: null,
  });
}

export interface BinEntry {
  objeto_id: string;
  fila: { type: 'Feature'; id: number; geometry: unknown; properties: Record<string, unknown> };
  eliminado_en: string;
  eliminado_por: string;
}

export async function listBin(db: Queryable, layer: LayerDefinition): Promise<BinEntry[]> {
  return db.query<BinEntry>(
    `select objeto_id, fila, to_char(eliminado_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as eliminado_en, eliminado_por
     from papelera where recurso = $1 order by eliminado_en desc`,
    [layer.id],
  );
}

/** Puts a deleted feature back with its id, from the recycle bin. */
export async function restoreFeature(tx: Queryable, layer: LayerDefinition, id: number, user: SessionUser): Promise<StoredFeature> {
  const [entry] = await tx.query<{ fila: BinEntry['fila'] }>('select fila from papelera where recurso = $1 and objeto_id = $2 for update', [
    layer.id,
    String(id),
  ]);
  if (!entry) throw new ApiError(404, 'not_found', `El elemento ${id} de «${layer.title}» no está en la papelera.`, 'featureId');
  const [existing] = await tx.query(`select 1 from ${quoteIdent(layer.table)} where ${quoteIdent(layer.idColumn)} = $1::bigint`, [id]);
  if (existing) throw new ApiError(409, 'conflict', `Ya existe un elemento ${id} en «${layer.title}».`, 'featureId');
  const properties = storedProperties(layer);
  const params: unknown[] = [id, JSON.stringify(entry.fila.geometry)];
  const names = [quoteIdent(layer.idColumn), quoteIdent(layer.geometryColumn)];
  const expressions = ['$1::bigint', 'ST_SetSRID(ST_GeomFromGeoJSON($2::text), 4326)'];
  for (const property of properties) {
    params.push(entry.fila.properties[property.name] ?? null);
    names.push(quoteIdent(property.name));
    expressions.push(`$${params.length}::${casts[property.type]}`);
  }
  await tx
    .query(`insert into ${quoteIdent(layer.table)} (${names.join(', ')}) values (${expressions.join(', ')})`, params)
    .catch((error: unknown) => constraintError(layer, error));
  await tx.query('delete from papelera where recurso = $1 and objeto_id = $2', [layer.id, String(id)]);
  const after = await readBack(tx, layer, id);
  await recordAudit(tx, { user, accion: 'restaurar', recurso: layer.id, objetoId: id, antes: null, despues: JSON.parse(after.feature) });
  return after;
}

export interface HistoryEntry {
  id: number;
  ocurrido_en: string;
  usuario: string;
  accion: string;
  antes: unknown;
  despues: unknown;
}

export async function featureHistory(db: Queryable, recurso: string, objetoId: string): Promise<HistoryEntry[]> {
  return db.query<HistoryEntry>(
    `select id, to_char(ocurrido_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as ocurrido_en, usuario, accion, antes, despues
     from auditoria where recurso = $1 and objeto_id = $2 order by id`,
    [recurso, objetoId],
  );
}
