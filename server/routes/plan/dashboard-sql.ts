/** SQL of the workbench dashboard (/plan/tablero). Values as `$n`; dates 'YYYY-MM-DD'. */

/** Every recorded status change, oldest first: the client replays them on the map. */
export const statusHistorySql = `select codigo, estado, desde::text as desde from proyecto_estados order by desde, codigo`;

/** Budget totals by year, every project (CLP). */
export const budgetByYearSql = `select anio, sum(estimado_clp)::bigint as estimado, sum(aprobado_clp)::bigint as aprobado,
  sum(ejecutado_clp)::bigint as ejecutado
from proyecto_presupuestos group by anio order by anio`;

/** Which located projects overlap which neighbourhood units (more than a shared boundary, as on the card). */
export const unitHitsSql = `select uv.id, p.codigo
from unidades_vecinales uv join proyectos p on ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)`;

export const unitsSql = `select id, codigo, nombre from unidades_vecinales order by codigo`;
