/**
 * `proyectos` mirrors the plan-tracking history of each project $1 (codes):
 * the status and progress of the latest-dated entry (null when none), and the
 * funding sources of its budget lines. Run after rows of the history are
 * added or removed outside the tracking routes (demo scenario, its removal).
 */
export const mirrorProjectsSql = `update proyectos p set
  estado = (select e.estado from proyecto_estados e where e.codigo = p.codigo order by e.desde desc limit 1),
  avance_fisico = (select a.avance_fisico from proyecto_avances a where a.codigo = p.codigo order by a.fecha desc limit 1),
  fuentes_financiamiento = coalesce((select array_agg(distinct b.fuente_financiamiento order by b.fuente_financiamiento)
    from proyecto_presupuestos b where b.codigo = p.codigo), '{}')
where p.codigo = any($1::text[])`;
