import { findLayer, type LayerDefinition } from '../catalog/index.ts';
import { quoteIdent } from '../db/sql.ts';

/** A catalogue layer that the analysis SQL relies on; a missing one is a programming error. */
export function catalogLayer(id: string): LayerDefinition {
  const found = findLayer(id);
  if (!found) throw new Error(`La capa «${id}» falta en el catálogo.`);
  return found;
}

/** Quoted table name of a catalogue layer. */
export const tableOf = (layer: LayerDefinition) => quoteIdent(layer.table);

/** `alias."geom"` of a catalogue layer. */
export const geometryOf = (alias: string, layer: LayerDefinition) => `${alias}.${quoteIdent(layer.geometryColumn)}`;

/** The indexed metric expression `ST_Transform(alias.geom, 32719)` (UTM 19S, metres). */
export const utmOf = (alias: string, layer: LayerDefinition) => `ST_Transform(${geometryOf(alias, layer)}, 32719)`;

/** `alias."column"` for a column the catalogue declares on the layer (or its id/geometry column). */
export function columnOf(alias: string, layer: LayerDefinition, name: string): string {
  const known = name === layer.idColumn || name === layer.geometryColumn || layer.properties.some((property) => property.name === name);
  if (!known) throw new Error(`«${name}» no es una propiedad de «${layer.id}».`);
  return `${alias}.${quoteIdent(name)}`;
}

/** States of a micro-dump that no longer count as active. */
export const inactiveMicroDumpStates = ['limpiado', 'cerrado', 'descartado', 'duplicado'] as const;
