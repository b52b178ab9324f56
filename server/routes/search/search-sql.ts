import { findLayer, findProperty, type LayerDefinition } from '../../catalog/index.ts';
import { quoteIdent } from '../../db/sql.ts';
import { foldedSql } from './normalize.ts';

/** What the search reads in one catalogue layer. */
export interface SearchSource {
  layerId: string;
  /** Property shown as the hit's title. */
  title: string;
  /** Property shown under the title. */
  subtitle?: string;
  /** Properties the terms are looked for in. */
  match: readonly string[];
  /** Property holding a stable code (projects, neighbourhood units). */
  code?: string;
  /** One hit per distinct title, geometries collected (street segments). */
  groupByTitle?: boolean;
}

/** The searchable layers, in the order their hits are listed when equally good. */
export const searchSources: readonly SearchSource[] = [
  { layerId: 'proyectos', title: 'nombre', subtitle: 'codigo', match: ['nombre', 'codigo', 'descripcion'], code: 'codigo' },
  { layerId: 'unidades_vecinales', title: 'nombre', subtitle: 'codigo', match: ['nombre', 'codigo'], code: 'codigo' },
  { layerId: 'patrimonio', title: 'nombre', subtitle: 'categoria', match: ['nombre'] },
  { layerId: 'calles', title: 'nombre', match: ['nombre'], groupByTitle: true },
  { layerId: 'toponimia', title: 'nombre', subtitle: 'tipo', match: ['nombre'] },
];

export const searchLayerIds = searchSources.map((source) => source.layerId);

function layerOf(source: SearchSource): LayerDefinition {
  const layer = findLayer(source.layerId);
  if (!layer) throw new Error(`La capa «${source.layerId}» de la búsqueda falta en el catálogo.`);
  for (const name of [source.title, source.subtitle, source.code, ...source.match]) {
    if (name && !findProperty(layer, name)) throw new Error(`«${name}» no es una propiedad de «${layer.id}».`);
  }
  return layer;
}

const text = (name: string | undefined) => (name ? `t.${quoteIdent(name)}::text` : 'null::text');

/** One branch of the union: the hits a layer can give, before matching. */
function sourceSql(source: SearchSource, order: number): string {
  const layer = layerOf(source);
  const haystack = foldedSql(source.match.map((name) => `coalesce(${text(name)}, '')`).join(` || ' ' || `));
  const title = text(source.title);
  const geometry = `t.${quoteIdent(layer.geometryColumn)}`;
  if (source.groupByTitle) {
    return `select '${layer.id}'::text as capa, ${order} as orden, null::int as id, null::text as codigo, ${title} as titulo,
      null::text as subtitulo, ST_Collect(${geometry}) as geom, ${haystack} as texto
    from ${quoteIdent(layer.table)} t
    where ${title} is not null
    group by ${title}`;
  }
  return `select '${layer.id}'::text as capa, ${order} as orden, t.${quoteIdent(layer.idColumn)}::int as id, ${text(source.code)} as codigo,
      ${title} as titulo, ${text(source.subtitle)} as subtitulo, ${geometry} as geom, ${haystack} as texto
    from ${quoteIdent(layer.table)} t
    where ${title} is not null`;
}

/**
 * The search over the chosen layers. $1: JSON array of folded terms (every
 * one must appear); $2: the number of hits. Hits whose title starts with the
 * first term come first, then those with a word starting with it. Geometry:
 * a representative point on the feature, and its bbox.
 */
export function searchSql(layerIds: readonly string[]): string {
  const branches = searchSources
    .map((source, order) => ({ source, order }))
    .filter(({ source }) => layerIds.includes(source.layerId))
    .map(({ source, order }) => sourceSql(source, order));
  const foldedTitle = foldedSql('titulo');
  return `with terms as (select json_array_elements_text($1::json) as term),
first_term as (select $1::json ->> 0 as term)
select capa, id, codigo, titulo, subtitulo,
  case when geom is null then null else ST_AsGeoJSON(ST_ClosestPoint(geom, ST_Centroid(geom)), 7)::json end as geometry,
  case when geom is null then null else json_build_array(ST_XMin(geom), ST_YMin(geom), ST_XMax(geom), ST_YMax(geom)) end as bbox
from (
  ${branches.join('\n  union all\n  ')}
) hits, first_term
where not exists (select 1 from terms where strpos(hits.texto, terms.term) = 0)
order by
  case when strpos(${foldedTitle}, first_term.term) = 1 then 0
       when strpos(' ' || ${foldedTitle}, ' ' || first_term.term) > 0 then 1
       else 2 end,
  orden, length(titulo), titulo
limit $2`;
}
