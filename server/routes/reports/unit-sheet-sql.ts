/**
 * SQL of the territorial sheet of one neighbourhood unit ($1 = unidades_vecinales.id).
 * The overlap rule is the one of the project card and the semiannual report:
 * a project belongs to a unit when its geometry intersects it sharing more
 * than a boundary; its amount (approved, else estimated) is split in equal
 * parts among the units it belongs to. Only features whose precision is in
 * $2 (text[]; the official levels on the printed sheet) count. Areas in UTM
 * 19S (EPSG:32719).
 */

export const unitSql = `select id, codigo, nombre, area, poblacion, hogares, viviendas, fuente, "precision",
  ST_Area(ST_Transform(geom, 32719)) / 1e6 as area_km2
from unidades_vecinales where id = $1`;

/** A project `p` lies in a unit `uv` with a location whose precision is in `$n`. */
const placedIn = (precisions: string) =>
  `p."precision" = any(${precisions}::text[]) and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)`;

/** The projects of unit $1 placed with a precision in $2: lineage, how many units share them, and wetland contact. */
export const unitProjectsSql = `with hits as (
  select p.codigo, uv.id as unidad from proyectos p join unidades_vecinales uv on ${placedIn('$2')}
),
shares as (select codigo, count(*)::int as partes from hits group by codigo)
select pp.codigo, pp.nombre, pp.lineamiento_codigo as lineamiento, s.partes,
  exists (select 1 from humedal_urbano h where h.version = 'vigente' and h."precision" = any($2::text[])
    and ST_Intersects(h.geom, pp.geom)) as en_humedal
from hits h
join proyectos_plan pp on pp.codigo = h.codigo
join shares s on s.codigo = h.codigo
where h.unidad = $1
order by pp.codigo`;

/** Micro-dumps of unit $1 by status, among the sites whose precision is in $2. */
export const unitDumpsSql = `select m.estado, count(*)::int as sitios
from microbasurales m join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, m.geom)
where m."precision" = any($2::text[])
group by m.estado order by m.estado`;

/** Micro-dumps in the whole comuna: those whose precision is in $1, and the rest (demo, illustrative). */
export const dumpRecordsSql = `select count(*) filter (where "precision" = any($1::text[]))::int as en_alcance,
  count(*) filter (where not ("precision" = any($1::text[])))::int as fuera
from microbasurales`;

export const unitHeritageSql = `select p.nombre, p.categoria
from patrimonio p join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, p.geom)
where p."precision" = any($2::text[])
order by p.nombre`;

/** Hectares of the unit inside the current urban wetland and its proposed extension. */
export const unitWetlandSql = `select h.version,
  coalesce(sum(ST_Area(ST_Transform(ST_Intersection(uv.geom, h.geom), 32719))), 0)::double precision / 1e4 as hectareas
from humedal_urbano h join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, h.geom)
where h.version in ('vigente', 'ampliacion_propuesta') and h."precision" = any($2::text[])
group by h.version`;

/**
 * Everything the sheet's map draws, in UTM 19S metres, clipped to the unit's
 * extent plus a margin: the unit, its neighbours, the wetland, and the
 * projects, micro-dumps and heritage inside the unit whose precision is in $2.
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
  where h.version in ('vigente', 'ampliacion_propuesta') and h."precision" = any($2::text[])
    and ST_Intersects(ST_Transform(h.geom, 32719), box.b)
  union all
  select 'unidad', null, u.geom from u
  union all
  select 'proyecto', p.estado, ST_Intersection(ST_Transform(p.geom, 32719), box.b)
  from proyectos p, u, box
  where p."precision" = any($2::text[])
    and ST_Intersects(u.geom, ST_Transform(p.geom, 32719)) and not ST_Touches(u.geom, ST_Transform(p.geom, 32719))
  union all
  select 'patrimonio', p.categoria, ST_Transform(p.geom, 32719)
  from patrimonio p, u where p."precision" = any($2::text[]) and ST_Intersects(u.geom, ST_Transform(p.geom, 32719))
  union all
  select 'microbasural', m.estado, ST_Transform(m.geom, 32719)
  from microbasurales m, u where m."precision" = any($2::text[]) and ST_Intersects(u.geom, ST_Transform(m.geom, 32719))
)
select f.capa, f.clase, ST_AsGeoJSON(f.geom, 1) as geometria,
  ST_XMin(box.b) as xmin, ST_YMin(box.b) as ymin, ST_XMax(box.b) as xmax, ST_YMax(box.b) as ymax
from features f, box
where not ST_IsEmpty(f.geom)`;
