-- Every node of the PLADECO with the number of projects below it (a project
-- counts itself) and how many of those have a location.
with recursive below (ancestro, codigo) as (
  select codigo, codigo from plan_nodos
  union all
  select below.ancestro, child.codigo
  from below
  join plan_nodos child on child.codigo_padre = below.codigo
)
select
  n.codigo,
  n.nivel,
  n.codigo_padre,
  n.orden,
  n.nombre,
  n.tipo,
  n.definicion,
  n.descripcion,
  n.nota,
  count(p.codigo)::int as proyectos,
  count(p.geom)::int as ubicados
from plan_nodos n
join below on below.ancestro = n.codigo
left join proyectos p on p.codigo = below.codigo
group by n.codigo, n.nivel, n.codigo_padre, n.orden, n.nombre, n.tipo, n.definicion, n.descripcion, n.nota
order by n.codigo_padre nulls first, n.orden;
