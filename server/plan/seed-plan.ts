import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { isPrecision, leastPrecise, type Precision } from '../catalog/precision.ts';
import type { Database } from '../db/database.ts';
import { seedDir } from '../db/seed.ts';
import { pladecoFile, projectsMatching, readPladeco } from './pladeco-file.ts';

export const planSource = 'PLADECO 2022–2029, Tomo II (Municipalidad de Vallenar, SECPLA)';
export const locationsFile = path.join(seedDir, 'proyectos_ubicaciones.geojson');

export class PlanSeedError extends Error {
  override name = 'PlanSeedError';
}

/** One feature of the locations file, paired with its project. */
export interface Location {
  code: string;
  geometry: unknown;
  fuente: string;
  precision: Precision;
  nota: string | null;
}

/** What a project gets from its location features: all geometries, and the provenance they share. */
export interface ProjectLocation {
  code: string;
  geometries: unknown[];
  /** The distinct `fuente` texts, in file order, joined with '; '. */
  fuente: string;
  /** A project drawn at several spots is as exact as its least exact one. */
  precision: Precision;
  /** The distinct notes, in file order, joined with a space; null when none. */
  nota: string | null;
}

/** Groups location features by project (three plazas, five cycle paths become one collection each). */
export function combineLocations(locations: readonly Location[]): ProjectLocation[] {
  const byCode = new Map<string, { geometries: unknown[]; fuentes: string[]; notas: string[]; precision: Precision }>();
  for (const location of locations) {
    const entry = byCode.get(location.code);
    if (!entry) {
      byCode.set(location.code, {
        geometries: [location.geometry],
        fuentes: [location.fuente],
        notas: location.nota === null ? [] : [location.nota],
        precision: location.precision,
      });
      continue;
    }
    entry.geometries.push(location.geometry);
    if (!entry.fuentes.includes(location.fuente)) entry.fuentes.push(location.fuente);
    if (location.nota !== null && !entry.notas.includes(location.nota)) entry.notas.push(location.nota);
    entry.precision = leastPrecise(entry.precision, location.precision);
  }
  return [...byCode].map(([code, entry]) => ({
    code,
    geometries: entry.geometries,
    fuente: entry.fuentes.join('; '),
    precision: entry.precision,
    nota: entry.notas.length > 0 ? entry.notas.join('\n') : null,
  }));
}

/**
 * Pairs each location feature with the one project its `match` fragment names;
 * anything else is an error, and so is a feature that does not say its
 * `fuente` and `precision` (nothing is assumed).
 */
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
    const { fuente, precision } = properties;
    if (typeof fuente !== 'string' || fuente.trim() === '' || !isPrecision(precision)) {
      throw new PlanSeedError(
        `Ubicación ${index + 1} de ${path.basename(file)} («${match}»): debe decir su «fuente» y su «precision» (${JSON.stringify(precision ?? null)} no es un nivel válido).`,
      );
    }
    return {
      code: codes[0] as string,
      geometry: feature.geometry,
      fuente,
      precision,
      nota: properties.nota == null ? null : String(properties.nota),
    };
  });
}

/**
 * Loads the PLADECO catalogue (nodes, ejes transversales, one `proyectos` row
 * per project) and the locations the SIT team drew for some projects, each
 * with its fuente and precision, once: the run is recorded in seed_log as
 * 'pladeco'. All in one transaction.
 */
export async function seedPlan(db: Database, file = pladecoFile, locations = locationsFile): Promise<number> {
  const done = await db.query("select 1 from seed_log where layer_id = 'pladeco'");
  if (done.length > 0) return 0;
  const text = await readFile(file, 'utf8');
  const pladeco = await readPladeco(file);
  const placed = combineLocations(await readLocations(pladeco.nodes, locations));
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
         select x.code, x."precision", x.fuente, x.nota,
           (select ST_CollectionHomogenize(ST_Collect(ST_SetSRID(ST_GeomFromGeoJSON(e.g), 4326) order by e.n))
            from jsonb_array_elements(x.geometries) with ordinality as e(g, n)) as geom
         from jsonb_to_recordset($1::jsonb) as x(code text, geometries jsonb, fuente text, "precision" text, nota text)
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
