import { readFileSync } from 'node:fs';
import { findLayer, type LayerDefinition } from '../../catalog/index.ts';
import { quoteIdent } from '../../db/sql.ts';

/** Static SQL of the plan tables (migration 0003), kept in `.sql` files beside this one. */
const sqlFile = (name: string) => readFileSync(new URL(`./${name}.sql`, import.meta.url), 'utf8');

export const treeSql = sqlFile('arbol');
export const filterValuesSql = sqlFile('filtros');
export const budgetByYearSql = sqlFile('presupuestos');

function layer(id: string): LayerDefinition {
  const found = findLayer(id);
  if (!found) throw new Error(`La capa «${id}» falta en el catálogo.`);
  return found;
}

const projects = layer('proyectos');
const units = layer('unidades_vecinales');
const q = quoteIdent;

/**
 * The geometries of a project `p` and a neighbourhood unit `uv` share more
 * than a boundary: a bridge ending on the line between two units touches
 * both, a project lying along that line touches neither.
 */
const overlaps = `ST_Intersects(uv.${q(units.geometryColumn)}, p.${q(projects.geometryColumn)})
  and not ST_Touches(uv.${q(units.geometryColumn)}, p.${q(projects.geometryColumn)})`;

/** Columns of the project card, by their catalogue names. */
export const projectColumns = [
  'codigo',
  'nombre',
  'tipo',
  'descripcion',
  'estado',
  'lineamiento_codigo',
  'lineamiento',
  'objetivo_codigo',
  'objetivo',
  'plan_codigo',
  'plan',
  'programa_codigo',
  'programa',
  'unidad_responsable',
  'fuentes_financiamiento',
  'anio_inicio',
  'anio_fin',
  'avance_fisico',
  'presupuesto_estimado_clp',
  'presupuesto_aprobado_clp',
  'presupuesto_ejecutado_clp',
  'ubicacion_nota',
  'fuente',
  'precision',
] as const;

for (const name of projectColumns) {
  if (!projects.properties.some((property) => property.name === name)) throw new Error(`«${name}» no es una propiedad de «proyectos».`);
}

/** One project by code ($1): the card's columns, its feature id and the bbox of its geometry (null when unlocated). */
export const projectSql = `select p.${q(projects.idColumn)} as id,
  ${projectColumns.map((name) => `p.${q(name)}`).join(', ')},
  case when p.${q(projects.geometryColumn)} is null then null
    else json_build_array(ST_XMin(p.${q(projects.geometryColumn)}), ST_YMin(p.${q(projects.geometryColumn)}),
      ST_XMax(p.${q(projects.geometryColumn)}), ST_YMax(p.${q(projects.geometryColumn)})) end as bbox
from ${q(projects.table)} p
where p.${q('codigo')} = $1`;

/** The texts the Tomo II adds to the nodes $1 (codes): a lineamiento's definition, an objective's second paragraph, a programme's note. */
export const lineageTextsSql = `select codigo, definicion, descripcion, nota from plan_nodos where codigo = any($1::text[])`;

/** The PLADECO's ejes transversales, in the document's order. */
export const crossCuttingAxesSql = `select codigo, nombre, coalesce(descripcion, '') as descripcion from ejes_transversales order by codigo`;

/** The neighbourhood units the geometry of project $1 overlaps, computed in PostGIS. */
export const projectUnitsSql = `select uv.${q('codigo')} as codigo, uv.${q('nombre')} as nombre, uv.${q('area')} as area,
  uv.${q('precision')} as precision
from ${q(units.table)} uv
join ${q(projects.table)} p on ${overlaps}
where p.${q('codigo')} = $1
order by uv.${q('codigo')}`;

/** Every neighbourhood unit with the codes of the projects whose geometry overlaps it. */
export const unitsWithProjectsSql = `select uv.${q(units.idColumn)} as id, uv.${q('codigo')} as codigo, uv.${q('nombre')} as nombre,
  uv.${q('area')} as area,
  coalesce(json_agg(p.${q('codigo')} order by p.${q('codigo')}) filter (where p.${q('codigo')} is not null), '[]'::json) as proyectos
from ${q(units.table)} uv
left join ${q(projects.table)} p on ${overlaps}
group by uv.${q(units.idColumn)}, uv.${q('codigo')}, uv.${q('nombre')}, uv.${q('area')}
order by uv.${q('codigo')}`;
