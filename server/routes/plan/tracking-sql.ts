/**
 * SQL of the tracking writes (migrations 0004 and 0007). Values always as
 * `$n`; dates as 'YYYY-MM-DD'. Every statement runs inside the write's
 * transaction, after `lockProjectSql` has locked the project's row, so two
 * writes to one project are serialised and the mirrored columns of
 * `proyectos` always end equal to the latest history entry.
 */

const registeredAt = `to_char(registrado_en at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as registrado_en`;

export const lockProjectSql = `select codigo, estado, avance_fisico::double precision as avance_fisico,
  fuentes_financiamiento from proyectos where codigo = $1 for update`;

export const insertStatusSql = `insert into proyecto_estados (codigo, estado, desde, nota, registrado_por)
values ($1, $2, $3::date, $4, $5)
on conflict (codigo, desde) do nothing
returning id, codigo, estado, desde::text as desde, nota, registrado_por, ${registeredAt}`;

/** proyectos.estado := the status of the latest entry (by `desde`) of the history. */
export const mirrorStatusSql = `update proyectos p set estado = (
  select e.estado from proyecto_estados e where e.codigo = p.codigo order by e.desde desc limit 1)
where p.codigo = $1
returning p.codigo, p.estado, p.avance_fisico::double precision as avance_fisico`;

export const insertProgressSql = `insert into proyecto_avances (codigo, fecha, avance_fisico, nota, registrado_por)
values ($1, $2::date, $3, $4, $5)
on conflict (codigo, fecha) do nothing
returning codigo, fecha::text as fecha, avance_fisico::double precision as avance_fisico, nota, registrado_por, ${registeredAt}`;

/** proyectos.avance_fisico := the progress of the latest measurement (by `fecha`). */
export const mirrorProgressSql = `update proyectos p set avance_fisico = (
  select a.avance_fisico from proyecto_avances a where a.codigo = p.codigo order by a.fecha desc limit 1)
where p.codigo = $1
returning p.codigo, p.estado, p.avance_fisico::double precision as avance_fisico`;

const milestoneColumns = `id, codigo, nombre, fecha_prevista::text as fecha_prevista, fecha_real::text as fecha_real, cumplido`;

export const insertMilestoneSql = `insert into proyecto_hitos (codigo, nombre, fecha_prevista, fecha_real, cumplido)
values ($1, $2, $3::date, $4::date, $4::date is not null)
on conflict (codigo, nombre) do nothing
returning ${milestoneColumns}`;

export const milestoneForUpdateSql = `select ${milestoneColumns} from proyecto_hitos where codigo = $1 and id = $2 for update`;

export const milestoneNameTakenSql = `select 1 from proyecto_hitos where codigo = $1 and nombre = $2 and id <> $3`;

/** An edited milestone is SECPLA's, even if it began as demo data. */
export const updateMilestoneSql = `update proyecto_hitos
set nombre = $3, fecha_prevista = $4::date, fecha_real = $5::date, cumplido = $5::date is not null, demo = false
where codigo = $1 and id = $2
returning ${milestoneColumns}`;

const budgetColumns = `codigo, anio, fuente_financiamiento as fuente, estimado_clp as estimado, aprobado_clp as aprobado, ejecutado_clp as ejecutado`;

export const budgetLineSql = `select ${budgetColumns} from proyecto_presupuestos
where codigo = $1 and anio = $2 and fuente_financiamiento = $3 for update`;

/** A line SECPLA writes is theirs: a demo line it overwrites stops being demo (and survives demo:remove). */
export const upsertBudgetSql = `insert into proyecto_presupuestos (codigo, anio, fuente_financiamiento, estimado_clp, aprobado_clp, ejecutado_clp)
values ($1, $2, $3, $4, $5, $6)
on conflict (codigo, anio, fuente_financiamiento)
do update set estimado_clp = excluded.estimado_clp, aprobado_clp = excluded.aprobado_clp, ejecutado_clp = excluded.ejecutado_clp,
  demo = false
returning ${budgetColumns}`;

/** Adds a budget line's source to the project's funding sources (the filters read them there). */
export const addFundingSourceSql = `update proyectos set fuentes_financiamiento = fuentes_financiamiento || array[$2::text]
where codigo = $1 and not ($2::text = any (fuentes_financiamiento))`;

export const programmeNodeSql = `select nivel from plan_nodos where codigo = $1`;

export const insertIndicatorSql = `insert into indicadores_programa (codigo, nombre, unidad, meta, valor, fuente, fecha)
values ($1, $2, $3, $4, $5, 'manual', $6::date)
on conflict (codigo, nombre, fecha) do nothing
returning id, codigo as programa, nombre, unidad, meta::double precision as meta, valor::double precision as valor, fuente, fecha::text as fecha`;

/** The tracking history of one project, newest first. */
export const statusHistorySql = `select id, estado, desde::text as desde, nota, registrado_por
from proyecto_estados where codigo = $1 order by desde desc`;

export const progressHistorySql = `select fecha::text as fecha, avance_fisico::double precision as avance_fisico, nota, registrado_por
from proyecto_avances where codigo = $1 order by fecha desc`;

export const milestonesOfProjectSql = `select ${milestoneColumns} from proyecto_hitos where codigo = $1
order by coalesce(fecha_real, fecha_prevista) nulls last, nombre`;

export const projectExistsSql = `select 1 from proyectos where codigo = $1`;
