/**
 * Static SQL of the tracking and report routes (migrations 0003, 0004, 0011).
 * Values always arrive as `$n` parameters; dates as 'YYYY-MM-DD'.
 *
 * The scope of a figure (server/figures/scope.ts) arrives as parameters too:
 * the precision levels of the features that count (text[]) and whether plan
 * tracking rows marked demo count (boolean); official documents pass
 * ('oficial', 'aproximada') and false. Each statement names its parameters.
 */

/** Every node of the PLADECO. */
export const planNodesSql = `select codigo, nivel, codigo_padre, orden, nombre from plan_nodos`;

/** Tracking rows of alias `x` that count in the scope whose demo flag is parameter `$n`. */
const counts = (alias: string, demo: string) => `(${demo}::boolean or not ${alias}.demo)`;

/**
 * The last value of `column` in `table` for project p on or before `$date`,
 * from the rows in scope. A project with no history at all keeps the value of
 * `proyectos` (set outside the history); one whose only history is out of
 * scope (demo) has none: its mirrored value is demo too.
 */
function stateAt(table: string, dateColumn: string, column: string, fallback: string, date: string, demo: string): string {
  return `case
    when exists (select 1 from ${table} x where x.codigo = p.codigo and ${counts('x', demo)})
      then (select x.${column} from ${table} x where x.codigo = p.codigo and ${counts('x', demo)} and x.${dateColumn} <= ${date}::date
            order by x.${dateColumn} desc limit 1)
    when exists (select 1 from ${table} x where x.codigo = p.codigo) then null
    else ${fallback} end`;
}

/**
 * Each project as known on date $1, counting demo tracking rows when $2: the
 * last recorded status and progress on or before $1; budgets are totals over
 * every year (CLP) of the lines in scope.
 */
export const projectStateSql = `select p.codigo,
  ${stateAt('proyecto_estados', 'desde', 'estado', 'p.estado', '$1', '$2')} as estado,
  (${stateAt('proyecto_avances', 'fecha', 'avance_fisico', 'p.avance_fisico', '$1', '$2')})::double precision as avance,
  (select sum(b.aprobado_clp) from proyecto_presupuestos b where b.codigo = p.codigo and ${counts('b', '$2')})::bigint as aprobado_clp,
  (select sum(b.estimado_clp) from proyecto_presupuestos b where b.codigo = p.codigo and ${counts('b', '$2')})::bigint as estimado_clp,
  (select sum(b.ejecutado_clp) from proyecto_presupuestos b where b.codigo = p.codigo and ${counts('b', '$2')})::bigint as ejecutado_clp
from proyectos p`;

/** Budget by year and funding source, every project (CLP); demo lines count when $1. */
export const budgetByYearSql = `select anio, fuente_financiamiento as fuente,
  sum(estimado_clp)::bigint as estimado, sum(aprobado_clp)::bigint as aprobado, sum(ejecutado_clp)::bigint as ejecutado
from proyecto_presupuestos b
where ${counts('b', '$1')}
group by anio, fuente_financiamiento
order by anio, fuente_financiamiento`;

/** Budget weight of a project (approved total, else estimated) from the lines in scope of demo parameter `$n`. */
const projectAmount = (demo: string) => `select codigo, coalesce(sum(aprobado_clp), sum(estimado_clp)) as monto
  from proyecto_presupuestos b where ${counts('b', demo)} group by codigo`;

/**
 * Projects and their budget by whether they were evaluated for equal
 * opportunities; demo lines count when $1. `monto` is null when no project of
 * the group has a budget ("sin información").
 */
export const genderSql = `with monto as (${projectAmount('$1')})
select p.evaluado_igualdad_genero as evaluado, count(*)::int as proyectos,
  count(m.monto)::int as con_presupuesto, sum(m.monto)::bigint as monto
from proyectos p left join monto m on m.codigo = p.codigo
group by p.evaluado_igualdad_genero`;

/** A project `p` lies in a unit `uv` (more than a shared boundary) with a location of a precision in `$n`. */
const placedIn = (precisions: string) =>
  `p."precision" = any(${precisions}::text[]) and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)`;

/**
 * Investment per neighbourhood unit: a project's amount (approved, else
 * estimated) split in equal parts among the units its geometry overlaps
 * (sharing more than a boundary, as on the project card). `inversion` is null
 * when no project of the unit has a budget in scope ("sin información").
 * $1 precisions, $2 demo.
 */
export const territorySql = `with monto as (${projectAmount('$2')}),
hits as (select p.codigo, uv.codigo as unidad from proyectos p join unidades_vecinales uv on ${placedIn('$1')}),
shares as (select codigo, count(*) as partes from hits group by codigo)
select uv.codigo, uv.nombre, uv.area, count(h.codigo)::int as proyectos, count(m.monto)::int as con_presupuesto,
  sum(m.monto::numeric / s.partes)::double precision as inversion
from unidades_vecinales uv
left join hits h on h.unidad = uv.codigo
left join shares s on s.codigo = h.codigo
left join monto m on m.codigo = h.codigo
group by uv.codigo, uv.nombre, uv.area
order by uv.codigo`;

/**
 * Projects with a budget in scope that no unit receives: without location,
 * with a location whose precision does not count ($1), or outside every unit.
 * $1 precisions, $2 demo.
 */
export const unplacedInvestmentSql = `with monto as (${projectAmount('$2')})
select count(*)::int as proyectos, sum(m.monto)::bigint as inversion,
  count(*) filter (where p.geom is null)::int as sin_ubicacion,
  count(*) filter (where p.geom is not null and not (p."precision" = any($1::text[])))::int as ubicacion_no_oficial
from monto m join proyectos p on p.codigo = m.codigo
where not exists (select 1 from unidades_vecinales uv where ${placedIn('$1')})`;

/** Located projects left out of the territorial figures because of their precision ($1), by precision. */
export const unplacedByPrecisionSql = `select "precision" as precision, count(*)::int as proyectos
from proyectos where geom is not null and not ("precision" = any($1::text[]))
group by "precision" order by "precision"`;

/** The six lineamientos with their definitions, in the document's order (the report's annex on the plan's framework). */
export const lineamientoDefinitionsSql = `select codigo, nombre, coalesce(definicion, '') as definicion
from plan_nodos where nivel = 'lineamiento' order by orden`;

/** The ejes transversales that cross every lineamiento, in the document's order. */
export const crossCuttingAxesSql = `select codigo, nombre, coalesce(descripcion, '') as descripcion from ejes_transversales order by codigo`;

/** Neighbourhood units by the precision of their boundary (they frame the territorial figures, marked when not official). */
export const unitBoundariesSql = `select "precision" as precision, count(*)::int as unidades from unidades_vecinales group by 1 order by 1`;

/** Status changes recorded with a date between $1 and $2, demo ones when $3; `demo` says which are. */
export const statusChangesSql = `select e.codigo, n.nombre, e.estado, e.desde::text as desde, e.nota, e.registrado_por, e.demo
from proyecto_estados e join plan_nodos n on n.codigo = e.codigo
where e.desde between $1::date and $2::date and ${counts('e', '$3')}
order by e.desde, e.codigo`;

/** Milestones planned or met between $1 and $2, demo ones when $3. */
export const milestonesSql = `select h.codigo, n.nombre as proyecto, h.nombre, h.fecha_prevista::text as fecha_prevista,
  h.fecha_real::text as fecha_real, h.cumplido, h.demo
from proyecto_hitos h join plan_nodos n on n.codigo = h.codigo
where (h.fecha_prevista between $1::date and $2::date or h.fecha_real between $1::date and $2::date)
  and ${counts('h', '$3')}
order by coalesce(h.fecha_real, h.fecha_prevista), h.codigo, h.nombre`;

/** The latest value on or before $1 of each manual indicator, demo values when $2. */
export const manualIndicatorsSql = `select distinct on (i.codigo, i.nombre) i.codigo, n.nombre as programa, i.nombre, i.unidad,
  i.meta::double precision as meta, i.valor::double precision as valor, i.fuente, i.fecha::text as fecha, i.demo
from indicadores_programa i join plan_nodos n on n.codigo = i.codigo
where i.fecha <= $1::date and ${counts('i', '$2')}
order by i.codigo, i.nombre, i.fecha desc`;

/** The programa a node named like $1 belongs to (itself, or its parent). */
export const programmeOfNodeSql = `select case when n.nivel = 'programa' then n.codigo when parent.nivel = 'programa' then parent.codigo end as codigo
from plan_nodos n left join plan_nodos parent on parent.codigo = n.codigo_padre
where n.nombre ilike $1
order by n.codigo limit 1`;

/**
 * Micro-dumps eradicated between $1 and $2 (cleaned, or closed without a
 * cleaning date, within the period), among the sites whose precision is in
 * $3; with the sites in scope at all and those eradicated with no date.
 */
export const dumpsEradicatedSql = `select
  count(*) filter (where estado in ('limpiado', 'cerrado') and coalesce(limpiado_en, cerrado_en) between $1::date and $2::date)::int as valor,
  count(*) filter (where estado in ('limpiado', 'cerrado') and coalesce(limpiado_en, cerrado_en) is null)::int as sin_fecha,
  count(*)::int as sitios
from microbasurales where "precision" = any($3::text[])`;

/**
 * Kilometres of cycle path built and how many paths exist, among those whose
 * precision is in $1; and how many paths the layer holds at all.
 */
export const cyclePathKmSql = `select
  coalesce(sum(longitud_m) filter (where estado = 'existente' and "precision" = any($1::text[])), 0)::double precision / 1000 as valor,
  count(*) filter (where estado = 'existente' and "precision" = any($1::text[]))::int as existentes,
  count(*) filter (where "precision" = any($1::text[]))::int as tramos,
  count(*)::int as todas
from ciclovias`;

/**
 * Per project, for the data annex: lineage, budget totals of the lines in
 * scope, the units it overlaps with a location in scope, and its location's
 * precision. $1 precisions, $2 demo.
 */
export const annexSql = `select p.codigo, p.nombre, p.lineamiento_codigo, p.programa_codigo, p."precision" as precision,
  p.geom is not null as ubicado,
  (select sum(b.estimado_clp) from proyecto_presupuestos b where b.codigo = p.codigo and ${counts('b', '$2')})::bigint as estimado,
  (select sum(b.aprobado_clp) from proyecto_presupuestos b where b.codigo = p.codigo and ${counts('b', '$2')})::bigint as aprobado,
  (select sum(b.ejecutado_clp) from proyecto_presupuestos b where b.codigo = p.codigo and ${counts('b', '$2')})::bigint as ejecutado,
  p.evaluado_igualdad_genero,
  (select string_agg(uv.codigo, ' ' order by uv.codigo) from unidades_vecinales uv where ${placedIn('$1')}) as unidades_vecinales
from proyectos_plan p
order by p.codigo`;
