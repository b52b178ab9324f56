import type { LayerDefinition } from '../catalog/index.ts';
import { catalogLayer, columnOf, geometryOf, tableOf, utmOf } from './layers.ts';

const wetland = catalogLayer('humedal_urbano');

/** Area (ha) of the current and the proposed wetland, and the area the proposal adds (UTM 19S). */
export const wetlandAreasSql = `with v as (
  select ST_Union(${utmOf('w', wetland)}) filter (where ${columnOf('w', wetland, 'version')} = 'vigente') as vigente,
    ST_Union(${utmOf('w', wetland)}) filter (where ${columnOf('w', wetland, 'version')} = 'ampliacion_propuesta') as propuesta
  from ${tableOf(wetland)} w
)
select round((coalesce(ST_Area(vigente), 0) / 1e4)::numeric, 4)::float8 as vigente_ha,
  round((coalesce(ST_Area(propuesta), 0) / 1e4)::numeric, 4)::float8 as propuesta_ha,
  round((coalesce(ST_Area(case when vigente is null then propuesta else ST_Difference(propuesta, vigente) end), 0) / 1e4)::numeric, 4)::float8
    as ganada_ha
from v`;

/** Layers whose features are checked against the two wetland versions, and the property that names each feature. */
export const wetlandCheckedLayers = [
  { layer: catalogLayer('microbasurales'), label: 'codigo' },
  { layer: catalogLayer('patrimonio'), label: 'nombre' },
  { layer: catalogLayer('proyectos'), label: 'nombre' },
  { layer: catalogLayer('puentes'), label: 'nombre' },
] as const;

/** Features of `layer` inside the proposed wetland but not inside the current one (planar tests in EPSG:4326). */
export function newlyInsideSql(layer: LayerDefinition, label: string): string {
  const geometry = geometryOf('t', layer);
  const versionIs = (version: string) => `${columnOf('w', wetland, 'version')} = '${version}'`;
  return `select ${columnOf('t', layer, layer.idColumn)} as id, ${columnOf('t', layer, label)} as nombre
from ${tableOf(layer)} t
where exists (select 1 from ${tableOf(wetland)} w where ${versionIs('ampliacion_propuesta')} and ST_Intersects(${geometryOf('w', wetland)}, ${geometry}))
  and not exists (select 1 from ${tableOf(wetland)} w where ${versionIs('vigente')} and ST_Intersects(${geometryOf('w', wetland)}, ${geometry}))
order by 2, 1`;
}
