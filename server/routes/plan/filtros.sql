-- Values the projects actually carry, for the filter panel: funding sources,
-- responsible units and the span of their years. Nulls are left out.
select
  coalesce((select json_agg(fuente order by fuente) from (
    select distinct unnest(fuentes_financiamiento) as fuente from proyectos) f), '[]'::json) as fuentes,
  coalesce((select json_agg(unidad order by unidad) from (
    select distinct unidad_responsable as unidad from proyectos where unidad_responsable is not null) u), '[]'::json) as unidades,
  (select min(anio_inicio) from proyectos)::int as anio_min,
  (select max(coalesce(anio_fin, anio_inicio)) from proyectos)::int as anio_max;
