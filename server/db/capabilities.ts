import type { Database } from './database.ts';

export interface Capabilities {
  /** PostGIS library version, e.g. "3.6.2". */
  postgisVersion: string;
  /** PostgreSQL server version, e.g. "15.20". */
  postgresVersion: string;
  /** ST_AsMVT is compiled in (not in the embedded build: no protobuf-c). */
  mvt: boolean;
}

/**
 * Detects, once at start-up, what this PostGIS can do. Every difference
 * between the embedded and the server database is decided from here.
 */
export async function detectCapabilities(db: Database): Promise<Capabilities> {
  const [versions] = await db.query<{ postgis: string; postgres: string }>(
    "select postgis_lib_version() as postgis, current_setting('server_version') as postgres",
  );
  let mvt = true;
  try {
    await db.query("select ST_AsMVT(q, 'probe') from (select ST_AsMVTGeom('POINT(1 1)'::geometry, ST_MakeEnvelope(0, 0, 4, 4)) as geom) q");
  } catch {
    mvt = false;
  }
  return {
    postgisVersion: versions?.postgis ?? 'desconocida',
    postgresVersion: (versions?.postgres ?? 'desconocida').split(' ')[0] ?? 'desconocida',
    mvt,
  };
}
