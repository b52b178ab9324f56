/** SQL of the workbench dashboard (/plan/tablero). Values as `$n`; dates 'YYYY-MM-DD'. */

/** Every recorded status change, oldest first (demo ones when $1): the client replays them on the map. */
export const statusHistorySql = `select codigo, estado, desde::text as desde from proyecto_estados
where $1::boolean or not demo order by desde, codigo`;

/** Budget totals by year, every project (CLP); demo lines when $1. A column nobody recorded sums to null, not 0. */
export const budgetByYearSql = `select anio, sum(estimado_clp)::bigint as estimado, sum(aprobado_clp)::bigint as aprobado,
  sum(ejecutado_clp)::bigint as ejecutado
from proyecto_presupuestos where $1::boolean or not demo group by anio order by anio`;

/**
 * Which located projects overlap which neighbourhood units (more than a
 * shared boundary, as on the card), among locations whose precision is in $1.
 */
export const unitHitsSql = `select uv.id, p.codigo
from unidades_vecinales uv join proyectos p on p."precision" = any($1::text[])
  and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)`;

export const unitsSql = `select id, codigo, nombre from unidades_vecinales order by codigo`;
