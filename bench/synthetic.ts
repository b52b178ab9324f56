import type { Database } from '../server/db/database.ts';

/** Vallenar's urban bbox (lon/lat), where the synthetic features are spread. */
export const benchBbox = { minLon: -70.82, minLat: -28.62, maxLon: -70.7, maxLat: -28.54 };

/**
 * Loads the benchmark dataset: `points` micro-dumps and `polygons` census-block
 * squares spread over Vallenar, all labelled precision 'demo' and fuente
 * 'sintético (benchmark)'. Deterministic: setseed fixes the positions.
 */
export async function loadSyntheticData(db: Database, points = 100_000, polygons = 2_000): Promise<void> {
  const { minLon, minLat, maxLon, maxLat } = benchBbox;
  await db.transaction(async (tx) => {
    await tx.query('select setseed(0.2029)');
    await tx.query(
      `insert into microbasurales (codigo, estado, cierre, categoria_residuo, superficie_m2, volumen_m3, tenencia, fuente, "precision", geom)
       select 'MB-BENCH-' || i,
              (array['reportado','verificado','programado','limpiado','cerrado'])[1 + (i % 5)],
              case when i % 5 = 4 then 'cercado' end,
              (array['domiciliarios','escombros','voluminosos','neumaticos','residuos_verdes','mixto'])[1 + (i % 6)],
              round((random() * 200)::numeric, 1), round((random() * 50)::numeric, 1), 'desconocida',
              'sintético (benchmark)', 'demo',
              ST_SetSRID(ST_MakePoint($1::float8 + random() * ($3::float8 - $1::float8), $2::float8 + random() * ($4::float8 - $2::float8)), 4326)
       from generate_series(1, $5::int) as i`,
      [minLon, minLat, maxLon, maxLat, points],
    );
    // Squares of about 60–120 m, like city blocks.
    await tx.query(
      `insert into manzanas_censales (manzent, distrito, poblacion, viviendas, fuente, "precision", geom)
       select 'BENCH-' || i, 'bench', (random() * 300)::int, (random() * 90)::int, 'sintético (benchmark)', 'demo',
              ST_Multi(ST_Expand(ST_SetSRID(ST_MakePoint($1::float8 + random() * ($3::float8 - $1::float8), $2::float8 + random() * ($4::float8 - $2::float8)), 4326),
                                 0.0003 + random() * 0.0003))
       from generate_series(1, $5::int) as i`,
      [minLon, minLat, maxLon, maxLat, polygons],
    );
    await tx.query(
      `update layer_version set version = version + 1, changed_at = now() where layer_id in ('microbasurales', 'manzanas_censales')`,
    );
  });
  await db.exec('analyze microbasurales; analyze manzanas_censales');
}
