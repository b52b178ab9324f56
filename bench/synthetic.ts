import type { Database, Queryable } from '../server/db/database.ts';

/** Vallenar's urban bbox (lon/lat), where the synthetic features are spread. */
export const benchBbox = { minLon: -70.82, minLat: -28.62, maxLon: -70.7, maxLat: -28.54 };

/** `codigo` prefix of the synthetic micro-dumps: MB-BENCH-1, MB-BENCH-2, … */
const pointCodePrefix = 'MB-BENCH-';

/**
 * Inserts the synthetic micro-dumps numbered `first` … `last` (inclusive) in
 * one statement with generate_series, so that a million rows load in seconds.
 * Each point's position and values are hashes of its number (hashint4), not
 * random(), so the first 10 000 points are the same whether
 * 10 000 or 1 000 000 are loaded, and loading in steps gives the same table.
 */
async function insertSyntheticPoints(db: Queryable, first: number, last: number): Promise<void> {
  const { minLon, minLat, maxLon, maxLat } = benchBbox;
  await db.query(
    `insert into microbasurales (codigo, estado, cierre, categoria_residuo, superficie_m2, volumen_m3, tenencia, fuente, "precision", geom)
     select '${pointCodePrefix}' || i,
            (array['reportado','verificado','programado','limpiado','cerrado'])[1 + (i % 5)],
            case when i % 5 = 4 then 'cercado' end,
            (array['domiciliarios','escombros','voluminosos','neumaticos','residuos_verdes','mixto'])[1 + (i % 6)],
            round((r.s * 200)::numeric, 1), round((r.v * 50)::numeric, 1), 'desconocida',
            'sintético (benchmark)', 'demo',
            ST_SetSRID(ST_MakePoint($1::float8 + r.x * ($3::float8 - $1::float8), $2::float8 + r.y * ($4::float8 - $2::float8)), 4326)
     from generate_series($5::int, $6::int) as i
     cross join lateral (
       select hashint4(i) as h1, hashint4(i + 1000000007) as h2, hashint4(-i) as h3, hashint4(i # 1431655765) as h4
     ) as h
     cross join lateral (
       select (h.h1::int8 + 2147483648) / 4294967296.0 as x, (h.h2::int8 + 2147483648) / 4294967296.0 as y,
              (h.h3::int8 + 2147483648) / 4294967296.0 as s, (h.h4::int8 + 2147483648) / 4294967296.0 as v
     ) as r`,
    [minLon, minLat, maxLon, maxLat, first, last],
  );
}

/**
 * Grows the synthetic micro-dumps to `points` (numbered on from those
 * present), in one statement, and refreshes the planner's statistics. Only
 * grows: deleting would have to scan the table once per row (duplicado_de and
 * reincidencia_de refer to the table itself and have no index), so a smaller
 * size starts from a new database (prepareBenchDatabase).
 */
export async function growSyntheticPoints(db: Database, points: number): Promise<void> {
  const [present] = await db.query<{ highest: number | null }>(
    `select max(substr(codigo, ${pointCodePrefix.length + 1})::int) as highest from microbasurales where codigo like '${pointCodePrefix}%'`,
  );
  const highest = present?.highest ?? 0;
  if (points < highest) throw new Error(`ya hay ${highest} puntos sintéticos; para ${points} hay que crear la base de nuevo`);
  if (points === highest) return;
  await insertSyntheticPoints(db, highest + 1, points);
  await db.exec('analyze microbasurales');
}

/**
 * Loads the benchmark dataset: `points` micro-dumps and `polygons` census-block
 * squares spread over Vallenar, all labelled precision 'demo' and fuente
 * 'sintético (benchmark)'. Deterministic: the positions depend only on the
 * row number (points) or on setseed (polygons).
 */
export async function loadSyntheticData(db: Database, points = 100_000, polygons = 2_000): Promise<void> {
  const { minLon, minLat, maxLon, maxLat } = benchBbox;
  await db.transaction(async (tx) => {
    await tx.query('select setseed(0.2029)');
    await insertSyntheticPoints(tx, 1, points);
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
