import { contextLayers } from './context-layers.ts';
import { planLayers } from './plan-layers.ts';
import { territoryLayers } from './territory-layers.ts';
import type { LayerDefinition, LayerProperty } from './types.ts';

export type { LayerDefinition, LayerProperty, PropertyType, GeometryType } from './types.ts';

/** Every collection the SIT serves, in the order the interface lists them. */
export const layers: readonly LayerDefinition[] = [...planLayers, ...territoryLayers, ...contextLayers];

const byId = new Map(layers.map((layer) => [layer.id, layer]));

/** The layer with this collection id, or undefined: an unknown id is never used in SQL. */
export function findLayer(id: string): LayerDefinition | undefined {
  return byId.get(id);
}

/** The public property of a layer with this name, or undefined. */
export function findProperty(layer: LayerDefinition, name: string): LayerProperty | undefined {
  return layer.properties.find((property) => property.name === name);
}

/** Properties a client may write (not computed by the database). Read-only layers have none. */
export function writableProperties(layer: LayerDefinition): LayerProperty[] {
  return layer.properties.filter((property) => !property.generated);
}
