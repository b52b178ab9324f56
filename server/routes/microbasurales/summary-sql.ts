/**
 * The programme's figures, computed from the sites as they are stored.
 * $1 desde, $2 hasta (dates of first report, inclusive; null = all), $3 estado (null = all),
 * $4 the precision levels of the sites that count (text[]: all, or the official ones).
 *
 * - sitios_activos: reportado, verificado or programado.
 * - m3_limpiados: estimated (or surveyed) volume of the sites cleaned or closed.
 * - sitios_cerrados: closed sites.
 * - tasa_reincidencia: sites that reappeared beside a cleaned one, over the sites ever cleaned (limpiado or cerrado).
 * - limpiados_sin_fecha, cerrados_sin_fecha: sites in that state with no date, which the monthly series cannot show.
 * - sitios_demo: sites of precision 'demo' among those counted.
 */
export const selection = `select * from microbasurales m
  where ($1::date is null or m.primer_reporte >= $1::date)
    and ($2::date is null or m.primer_reporte <= $2::date)
    and ($3::text is null or m.estado = $3::text)
    and m."precision" = any($4::text[])`;

export const byStatusSql = `select estado, count(*)::int as n from (${selection}) s group by estado`;

export const programmeSql = `select
    count(*) filter (where estado in ('reportado', 'verificado', 'programado'))::int as sitios_activos,
    coalesce(sum(volumen_m3) filter (where estado in ('limpiado', 'cerrado')), 0)::double precision as m3_limpiados,
    count(*) filter (where estado = 'cerrado')::int as sitios_cerrados,
    count(*) filter (where estado in ('limpiado', 'cerrado'))::int as sitios_limpiados,
    count(*) filter (where reincidencia_de is not null)::int as reincidencias,
    count(*) filter (where estado in ('limpiado', 'cerrado') and limpiado_en is null)::int as limpiados_sin_fecha,
    count(*) filter (where estado = 'cerrado' and cerrado_en is null)::int as cerrados_sin_fecha,
    count(*) filter (where "precision" = 'demo')::int as sitios_demo
  from (${selection}) s`;

export const monthlySql = `with s as (${selection}),
  months as (
    select to_char(primer_reporte, 'YYYY-MM') as mes, 'reportados' as serie from s where primer_reporte is not null
    union all select to_char(limpiado_en, 'YYYY-MM'), 'limpiados' from s where limpiado_en is not null
    union all select to_char(cerrado_en, 'YYYY-MM'), 'cerrados' from s where cerrado_en is not null
  )
  select mes,
    count(*) filter (where serie = 'reportados')::int as reportados,
    count(*) filter (where serie = 'limpiados')::int as limpiados,
    count(*) filter (where serie = 'cerrados')::int as cerrados
  from months group by mes order by mes`;

export const byUnitSql = `with s as (${selection})
  select u.codigo, u.nombre,
    count(s.id) filter (where s.estado in ('reportado', 'verificado', 'programado'))::int as activos,
    count(s.id)::int as total
  from unidades_vecinales u
  left join s on ST_Covers(u.geom, s.geom)
  group by u.codigo, u.nombre
  order by activos desc, total desc, u.codigo`;
