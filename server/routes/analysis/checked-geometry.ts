import type { Queryable } from '../../db/database.ts';
import { databaseFault } from '../../db/faults.ts';
import { badRequest, notFound } from '../../errors.ts';
import { geometryText } from '../../analysis/geometry-input.ts';
import { projectGeometrySql } from '../../analysis/prc-review.ts';
import { validitySql } from '../../analysis/proximity.ts';

/** Checks a GeoJSON geometry in PostGIS: an invalid one (self-intersecting ring) is a 400 on `field`. Returns its text. */
export async function checkedGeometry(db: Queryable, value: unknown, field: string): Promise<string> {
  const text = geometryText(value, field);
  const [row] = await db.query<{ valido: boolean; motivo: string }>(validitySql, [text]).catch((error: unknown) => {
    // A fault of the database (lost, timed out, busy) is a 503 from the error handler, never the client's bad input.
    if (databaseFault(error)) throw error;
    throw badRequest('invalid_geometry', 'PostGIS no puede leer la geometría.', field);
  });
  if (!row?.valido) throw badRequest('invalid_geometry', `La geometría no es válida (${row?.motivo ?? 'desconocido'}).`, field);
  return text;
}

/**
 * The geometry a Plan Regulador review is about: the one given, or the
 * location of PLADECO project `proyecto`. Returns the checked GeoJSON text.
 */
export async function reviewGeometry(db: Queryable, body: { geometry?: unknown; proyecto?: string }): Promise<string> {
  if (body.geometry !== undefined) return checkedGeometry(db, body.geometry, 'geometry');
  const codigo = body.proyecto;
  if (codigo === undefined) throw badRequest('invalid_parameter', 'Indique una geometría (geometry) o un proyecto.', 'geometry');
  const [row] = await db.query<{ geometry: unknown }>(projectGeometrySql, [codigo]);
  if (!row) throw notFound(`No existe el proyecto «${codigo}» en el PLADECO.`, 'proyecto');
  if (!row.geometry) throw badRequest('invalid_parameter', `El proyecto «${codigo}» no tiene ubicación.`, 'proyecto');
  return checkedGeometry(db, row.geometry, 'proyecto');
}

/** The heritage distance of a review request (m, 0–5000, default 50); anything else is a 400. */
export function heritageDistance(value: number | undefined): number {
  const distance = value ?? 50;
  if (!Number.isFinite(distance) || distance < 0 || distance > 5000) {
    throw badRequest('invalid_parameter', 'La distancia al patrimonio debe estar entre 0 y 5000 metros.', 'distancia_patrimonio');
  }
  return distance;
}
