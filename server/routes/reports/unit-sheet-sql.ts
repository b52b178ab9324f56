/**
 * SQL of the territorial sheet of one neighbourhood unit ($1 = unidades_vecinales.id).
 * The overlap rule is the one of the project card and the semiannual report:
 * a project belongs to a unit when its geometry intersects it sharing more
 * than a boundary; its amount (approved, else estimated) is split in equal
 * parts among the units it belongs to. Areas in UTM 19S (EPSG:32719).
 */

export const unitSql = `select id, codigo, nombre, area, poblacion, hogares, viviendas, fuente, "precision",
  ST_Area(ST_Transform(geom, 32719)) / 1e6 as area_km2
from unidades_vecinales where id = $1`;

export const unitProjectsSql = `with monto as (
  select codigo, coalesce(sum(aprobado_clp), sum(estimado_clp)) as monto from proyecto_presupuestos group by codigo
),
hits as (
  select p.codigo, uv.id as unidad
  from proyectos p join unidades_vecinales uv on ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)
),
shares as (select codigo, count(*)::int as partes from hits group by codigo)
select pp.codigo, pp.nombre, pp.lineamiento_codigo as lineamiento, pp.estado, pp.avance_fisico as avance,
  pp.presupuesto_estimado_clp as estimado, pp.presupuesto_aprobado_clp as aprobado, pp.presupuesto_ejecutado_clp as ejecutado,
  m.monto::bigint as monto, s.partes, (m.monto::numeric / s.partes)::double precision as inversion_unidad,
  exists (select 1 from humedal_urbano h where h.version = 'vigente' and ST_Intersects(h.geom, pp.geom)) as en_humedal
from hits h
join proyectos_plan pp on pp.codigo = h.codigo
join shares s on s.codigo = h.codigo
left join monto m on m.codigo = h.codigo
where h.unidad = $1
order by pp.codigo`;

export const unitDumpsSql = `select m.estado, count(*)::int as sitios
from microbasurales m join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, m.geom)
group by m.estado order by m.estado`;

export const unitHeritageSql = `select p.nombre, p.categoria
from patrimonio p join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, p.geom)
order by p.nombre`;

/** Hectares of the unit inside the current urban wetland and its proposed extension. */
export const unitWetlandSql = `select h.version,
  coalesce(sum(ST_Area(ST_Transform(ST_Intersection(uv.geom, h.geom), 32719))), 0)::double precision / 1e4 as hectareas
from humedal_urbano h join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, h.geom)
where h.version in ('vigente', 'ampliacion_propuesta')
group by h.version`;

/**
 * Everything the sheet's map draws, in UTM 19S metres, clipped to the unit's
 * extent plus a margin: the unit, its neighbours, the wetland, and the
 * projects, micro-dumps and heritage inside the unit.
 */
export const unitMapSql = `with u as (select id, ST_Transform(geom, 32719) as geom from unidades_vecinales where id = $1),
box as (
  select ST_Expand(ST_Envelope(u.geom), greatest(ST_XMax(u.geom) - ST_XMin(u.geom), ST_YMax(u.geom) - ST_YMin(u.geom)) * 0.06) as b
  from u
),
features as (
  select 'vecina' as capa, null::text as clase, ST_Intersection(ST_Transform(uv.geom, 32719), box.b) as geom
  from unidades_vecinales uv, box, u
  where uv.id <> u.id and ST_Intersects(ST_Transform(uv.geom, 32719), box.b)
  union all
  select 'humedal', h.version, ST_Intersection(ST_Transform(h.geom, 32719), box.b)
  from humedal_urbano h, box
  where h.version in ('vigente', 'ampliacion_propuesta') and ST_Intersects(ST_Transform(h.geom, 32719), box.b)
  union all
  select 'unidad', null, u.geom from u
  union all
  select 'proyecto', p.estado, ST_Intersection(ST_Transform(p.geom, 32719), box.b)
  from proyectos p, u, box
  where ST_Intersects(u.geom, ST_Transform(p.geom, 32719)) and not ST_Touches(u.geom, ST_Transform(p.geom, 32719))
  union all
  select 'patrimonio', p.categoria, ST_Transform(p.geom, 32719)
  from patrimonio p, u where ST_Intersects(u.geom, ST_Transform(p.geom, 32719))
  union all
  select 'microbasural', m.estado, ST_Transform(m.geom, 32719)
  from microbasurales m, u where ST_Intersects(u.geom, ST_Transform(m.geom, 32719))
)
select f.capa, f.clase, ST_AsGeoJSON(f.geom, 1) as geometria,
  ST_XMin(box.b) as xmin, ST_YMin(box.b) as ymin, ST_XMax(box.b) as xmax, ST_YMax(box.b) as ymax
from features f, box
where not ST_IsEmpty(f.geom)`;
