import { findLayer, findProperty } from '../../catalog/index.ts';
import { quoteIdent } from '../../db/sql.ts';

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

/** A catalogue layer's table, geometry and columns, quoted: the map's SQL names nothing else. */
function layerSql(id: string) {
  const layer = findLayer(id);
  if (!layer) throw new Error(`unit map: layer ${id} is not in the catalogue`);
  return {
    table: quoteIdent(layer.table),
    id: quoteIdent(layer.idColumn),
    geom: quoteIdent(layer.geometryColumn),
    column(name: string): string {
      if (!findProperty(layer, name)) throw new Error(`unit map: ${id}.${name} is not in the catalogue`);
      return quoteIdent(name);
    },
  };
}

/**
 * Everything the sheet's map draws, in UTM 19S metres, clipped to its frame:
 * the unit's extent centred, widened to the map's aspect ($3 = width/height)
 * plus a margin ($4, a fraction of the larger half-span). The base (blocks,
 * river, canals, streets joined by name, place names) and the wetland inside the frame; the
 * neighbouring units; the projects touching the unit and the heritage and
 * micro-dumps inside it. Every layer but the units only with a precision in
 * $2, as the sheet's figures. `clase`: wetland version, lineamiento code,
 * heritage category or micro-dump status; `nombre`: the name to label or the
 * lineamiento's name; `lx`/`ly`: where a unit's name goes. The frame's
 * corners come with every row. Tables and columns come from the catalogue.
 */
export const unitMapSql = (() => {
  const uv = layerSql('unidades_vecinales');
  const blocks = layerSql('manzanas_censales');
  const river = layerSql('rio');
  const canals = layerSql('canales');
  const streets = layerSql('calles');
  const places = layerSql('toponimia');
  const wetland = layerSql('humedal_urbano');
  const projects = layerSql('proyectos');
  const heritage = layerSql('patrimonio');
  const dumps = layerSql('microbasurales');
  const precision = quoteIdent('precision');
  const utm = (alias: string, layer: { geom: string }) => `ST_Transform(${alias}.${layer.geom}, 32719)`;
  /** Features of `layer` (alias t) in the frame, precision in $2, clipped to it. */
  const inFrame = (layer: { table: string; geom: string }) =>
    `from ${layer.table} t, frame, u where t.${layer.geom} && frame.wgs84 and t.${precision} = any($2::text[])
    and ST_Intersects(${utm('t', layer)}, frame.b)`;
  const clipped = (layer: { geom: string }) => `ST_Intersection(${utm('t', layer)}, frame.b)`;
  return `with u as (select ${uv.id} as id, ${uv.column('nombre')} as nombre, ${utm('x', uv)} as geom from ${uv.table} x where ${uv.id} = $1),
half as (
  select (ST_XMin(geom) + ST_XMax(geom)) / 2 as cx, (ST_YMin(geom) + ST_YMax(geom)) / 2 as cy,
    greatest(ST_XMax(geom) - ST_XMin(geom), (ST_YMax(geom) - ST_YMin(geom)) * $3::float8, 1) * (0.5 + $4::float8) as hw
  from u
),
frame as (
  select b, ST_Expand(ST_Envelope(ST_Transform(b, 4326)), 0.001) as wgs84
  from (select ST_MakeEnvelope(cx - hw, cy - hw / $3::float8, cx + hw, cy + hw / $3::float8, 32719) as b from half) e
),
features as (
  select 'manzana' as capa, null::text as clase, null::text as nombre, ${clipped(blocks)} as geom ${inFrame(blocks)}
  union all
  select 'humedal', t.${wetland.column('version')}, null, ${clipped(wetland)} ${inFrame(wetland)}
    and t.${wetland.column('version')} in ('vigente', 'ampliacion_propuesta')
  union all
  select 'canal', null, t.${canals.column('nombre')}, ${clipped(canals)} ${inFrame(canals)}
  union all
  select 'rio', null, t.${river.column('nombre')}, ${clipped(river)} ${inFrame(river)}
  union all
  select 'calle', null, t.${streets.column('nombre')}, ST_LineMerge(ST_CollectionExtract(ST_Collect(${clipped(streets)}), 2))
  ${inFrame(streets)} group by t.${streets.column('nombre')}
  union all
  select 'vecina', null, t.${uv.column('nombre')}, ${clipped(uv)}
  from ${uv.table} t, frame, u where t.${uv.id} <> u.id and t.${uv.geom} && frame.wgs84 and ST_Intersects(${utm('t', uv)}, frame.b)
  union all
  select 'unidad', null, u.nombre, u.geom from u
  union all
  select 'proyecto', t.${projects.column('lineamiento_codigo')}, t.${projects.column('lineamiento')}, ${clipped(projects)}
  ${inFrame(projects)} and ST_Intersects(u.geom, ${utm('t', projects)}) and not ST_Touches(u.geom, ${utm('t', projects)})
  union all
  select 'patrimonio', t.${heritage.column('categoria')}, t.${heritage.column('nombre')}, ${utm('t', heritage)}
  ${inFrame(heritage)} and ST_Intersects(u.geom, ${utm('t', heritage)})
  union all
  select 'microbasural', t.${dumps.column('estado')}, null, ${utm('t', dumps)}
  ${inFrame(dumps)} and ST_Intersects(u.geom, ${utm('t', dumps)})
  union all
  select 'lugar', t.${places.column('tipo')}, t.${places.column('nombre')}, ${utm('t', places)} ${inFrame(places)}
)
select f.capa, f.clase, f.nombre, ST_AsGeoJSON(f.geom, 1) as geometria,
  case when f.capa in ('unidad', 'vecina') then ST_X(ST_PointOnSurface(f.geom)) end as lx,
  case when f.capa in ('unidad', 'vecina') then ST_Y(ST_PointOnSurface(f.geom)) end as ly,
  ST_XMin(frame.b) as xmin, ST_YMin(frame.b) as ymin, ST_XMax(frame.b) as xmax, ST_YMax(frame.b) as ymax
from features f, frame
where not ST_IsEmpty(f.geom)`;
})();
