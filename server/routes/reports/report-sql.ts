/**
 * Static SQL of the tracking and report routes (migrations 0003 and 0004).
 * Values always arrive as `$n` parameters; dates as 'YYYY-MM-DD'.
 */

/** Every node of the PLADECO. */
export const planNodesSql = `select codigo, nivel, codigo_padre, orden, nombre from plan_nodos`;

/**
 * Each project as known on date $1: the last recorded status and progress on
 * or before $1; when a project has no history at all, the current value of
 * `proyectos`. Budgets are totals over every year (CLP).
 */
export const projectStateSql = `select p.codigo,
  case when exists (select 1 from proyecto_estados e where e.codigo = p.codigo)
    then (select e.estado from proyecto_estados e where e.codigo = p.codigo and e.desde <= $1::date order by e.desde desc limit 1)
    else p.estado end as estado,
  (case when exists (select 1 from proyecto_avances a where a.codigo = p.codigo)
    then (select a.avance_fisico from proyecto_avances a where a.codigo = p.codigo and a.fecha <= $1::date order by a.fecha desc limit 1)
    else p.avance_fisico end)::double precision as avance,
  (select sum(b.aprobado_clp) from proyecto_presupuestos b where b.codigo = p.codigo)::bigint as aprobado_clp,
  (select sum(b.estimado_clp) from proyecto_presupuestos b where b.codigo = p.codigo)::bigint as estimado_clp
from proyectos p`;

/** Budget by year and funding source, every project (CLP). */
export const budgetByYearSql = `select anio, fuente_financiamiento as fuente,
  sum(estimado_clp)::bigint as estimado, sum(aprobado_clp)::bigint as aprobado, sum(ejecutado_clp)::bigint as ejecutado
from proyecto_presupuestos
group by anio, fuente_financiamiento
order by anio, fuente_financiamiento`;

/** Budget weight of a project: approved total, else estimated total. */
const projectAmount = `select codigo, coalesce(sum(aprobado_clp), sum(estimado_clp)) as monto from proyecto_presupuestos group by codigo`;

/** Projects and their budget by whether they were evaluated for equal opportunities between women and men. */
export const genderSql = `with monto as (${projectAmount})
select p.evaluado_igualdad_genero as evaluado, count(*)::int as proyectos,
  count(m.monto)::int as con_presupuesto, coalesce(sum(m.monto), 0)::bigint as monto
from proyectos p left join monto m on m.codigo = p.codigo
group by p.evaluado_igualdad_genero`;

/**
 * Investment per neighbourhood unit: a project's amount (approved, else
 * estimated) split in equal parts among the units its geometry overlaps
 * (sharing more than a boundary, as on the project card).
 */
export const territorySql = `with monto as (${projectAmount}),
hits as (
  select p.codigo, uv.codigo as unidad
  from proyectos p join unidades_vecinales uv
    on ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)
),
shares as (select codigo, count(*) as partes from hits group by codigo)
select uv.codigo, uv.nombre, uv.area, count(h.codigo)::int as proyectos,
  coalesce(sum(m.monto::numeric / s.partes), 0)::double precision as inversion
from unidades_vecinales uv
left join hits h on h.unidad = uv.codigo
left join shares s on s.codigo = h.codigo
left join monto m on m.codigo = h.codigo
group by uv.codigo, uv.nombre, uv.area
order by uv.codigo`;

/** Budget of projects that overlap no neighbourhood unit (unlocated or outside every unit). */
export const unplacedInvestmentSql = `with monto as (${projectAmount})
select count(*)::int as proyectos, coalesce(sum(m.monto), 0)::bigint as inversion
from monto m join proyectos p on p.codigo = m.codigo
where not exists (
  select 1 from unidades_vecinales uv where ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)
)`;

/** Status changes recorded with a date between $1 and $2. */
export const statusChangesSql = `select e.codigo, n.nombre, e.estado, e.desde::text as desde, e.nota, e.registrado_por
from proyecto_estados e join plan_nodos n on n.codigo = e.codigo
where e.desde between $1::date and $2::date
order by e.desde, e.codigo`;

/** Milestones planned or met between $1 and $2. */
export const milestonesSql = `select h.codigo, n.nombre as proyecto, h.nombre, h.fecha_prevista::text as fecha_prevista,
  h.fecha_real::text as fecha_real, h.cumplido
from proyecto_hitos h join plan_nodos n on n.codigo = h.codigo
where h.fecha_prevista between $1::date and $2::date or h.fecha_real between $1::date and $2::date
order by coalesce(h.fecha_real, h.fecha_prevista), h.codigo, h.nombre`;

/** The latest value on or before $1 of each manual indicator. */
export const manualIndicatorsSql = `select distinct on (i.codigo, i.nombre) i.codigo, n.nombre as programa, i.nombre, i.unidad,
  i.meta::double precision as meta, i.valor::double precision as valor, i.fuente, i.fecha::text as fecha
from indicadores_programa i join plan_nodos n on n.codigo = i.codigo
where i.fecha <= $1::date
order by i.codigo, i.nombre, i.fecha desc`;

/** The programa a node named like $1 belongs to (itself, or its parent). */
export const programmeOfNodeSql = `select case when n.nivel = 'programa' then n.codigo when parent.nivel = 'programa' then parent.codigo end as codigo
from plan_nodos n left join plan_nodos parent on parent.codigo = n.codigo_padre
where n.nombre ilike $1
order by n.codigo limit 1`;

/** Micro-dumps eradicated (cleaned or closed). */
export const dumpsEradicatedSql = `select count(*)::int as valor from microbasurales where estado in ('limpiado', 'cerrado')`;

/** Kilometres of cycle path built. */
export const cyclePathKmSql = `select coalesce(sum(longitud_m), 0)::double precision / 1000 as valor from ciclovias where estado = 'existente'`;

/** Per project, for the data annex: lineage, budget totals and the units it overlaps. */
export const annexSql = `select p.codigo, p.nombre, p.lineamiento_codigo, p.programa_codigo, p.estado,
  p.presupuesto_estimado_clp as estimado, p.presupuesto_aprobado_clp as aprobado, p.presupuesto_ejecutado_clp as ejecutado,
  p.evaluado_igualdad_genero,
  (select string_agg(uv.codigo, ' ' order by uv.codigo) from unidades_vecinales uv
    where ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)) as unidades_vecinales
from proyectos_plan p
order by p.codigo`;
