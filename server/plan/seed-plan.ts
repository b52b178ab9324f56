import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import type { Database } from '../db/database.ts';
import { seedDir } from '../db/seed.ts';
import { pladecoFile, projectsMatching, readPladeco } from './pladeco-file.ts';

export const planSource = 'PLADECO 2022–2029, Tomo II (Municipalidad de Vallenar, SECPLA)';
export const locationsFile = path.join(seedDir, 'proyectos_ubicaciones.geojson');

export class PlanSeedError extends Error {
  override name = 'PlanSeedError';
}

interface Location {
  code: string;
  geometry: unknown;
  fuente: string;
  precision: string;
  nota: string | null;
}

/** Pairs each location feature with the one project its `match` fragment names; anything else is an error. */
async function readLocations(nodes: Parameters<typeof projectsMatching>[0], file: string): Promise<Location[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text === null) return [];
  const collection = JSON.parse(text) as FeatureCollection;
  return collection.features.map((feature, index) => {
    const properties = feature.properties ?? {};
    const match = String(properties.match ?? '');
    const codes = projectsMatching(nodes, match);
    if (codes.length !== 1) {
      throw new PlanSeedError(
        `Ubicación ${index + 1} de ${path.basename(file)}: el texto «${match}» coincide con ${codes.length} proyectos (${codes.join(', ')}); debe identificar uno solo.`,
      );
    }
    return {
      code: codes[0] as string,
      geometry: feature.geometry,
      fuente: String(properties.fuente ?? ''),
      precision: String(properties.precision ?? 'aproximada'),
      nota: properties.nota == null ? null : String(properties.nota),
    };
  });
}

/**
 * Loads the PLADECO catalogue (nodes, ejes transversales, one `proyectos` row
 * per project) and the approximate project locations, once: the run is
 * recorded in seed_log as 'pladeco'. All in one transaction.
 */
export async function seedPlan(db: Database, file = pladecoFile, locations = locationsFile): Promise<number> {
  const done = await db.query("select 1 from seed_log where layer_id = 'pladeco'");
  if (done.length > 0) return 0;
  const text = await readFile(file, 'utf8');
  const pladeco = await readPladeco(file);
  const placed = await readLocations(pladeco.nodes, locations);
  return db.transaction(async (tx) => {
    await tx.query(
      `insert into plan_nodos (codigo, nivel, codigo_padre, orden, nombre, definicion, descripcion, nota, tipo)
       select code, level, parent, position, name, definition, description, note, kind
       from jsonb_to_recordset($1::jsonb) as n(code text, level text, parent text, position int, name text,
         definition text, description text, note text, kind text)`,
      [JSON.stringify(pladeco.nodes)],
    );
    await tx.query(
      `insert into ejes_transversales (codigo, nombre, descripcion)
       select code, name, description from jsonb_to_recordset($1::jsonb) as e(code text, name text, description text)`,
      [JSON.stringify(pladeco.ejesTransversales)],
    );
    const projects = await tx.query<{ count: number }>(
      `with inserted as (
         insert into proyectos (codigo, fuente, "precision")
         select codigo, $1, 'oficial' from plan_nodos where nivel = 'proyecto' order by codigo
         returning 1
       ) select count(*)::int as count from inserted`,
      [planSource],
    );
    // A project placed at several spots (three plazas) gets all of them as one collection.
    await tx.query(
      `update proyectos p set
         geom = l.geom,
         "precision" = l."precision",
         fuente = $2 || '; ubicación: ' || l.fuente,
         ubicacion_nota = l.nota
       from (
         select code, ST_CollectionHomogenize(ST_Collect(ST_SetSRID(ST_GeomFromGeoJSON(geometry), 4326))) as geom,
           min("precision") as "precision", string_agg(distinct fuente, '; ') as fuente,
           string_agg(distinct nota, ' ') as nota
         from jsonb_to_recordset($1::jsonb) as x(code text, geometry jsonb, fuente text, "precision" text, nota text)
         group by code
       ) l
       where p.codigo = l.code`,
      [JSON.stringify(placed), planSource],
    );
    await tx.query('insert into seed_log (layer_id, source_file, checksum, features) values ($1, $2, $3, $4)', [
      'pladeco',
      'seeds/pladeco/pladeco.json',
      createHash('sha256').update(text).digest('hex'),
      projects[0]?.count ?? 0,
    ]);
    await tx.query(
      `insert into layer_version (layer_id) values ('proyectos')
       on conflict (layer_id) do update set version = layer_version.version + 1, changed_at = now()`,
    );
    return projects[0]?.count ?? 0;
  });
}
