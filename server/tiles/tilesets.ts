import { layers, type LayerDefinition } from '../catalog/index.ts';

/** A catalogue layer inside a tileset, from the zoom at which it appears. */
export interface TilesetLayer {
  layer: LayerDefinition;
  minZoom: number;
}

/**
 * A set of vector tiles: the map (every layer, each from its catalogue
 * `minZoom`) or one collection (its layer at every zoom).
 */
export interface Tileset {
  /** 'map' or the collection id; part of cache keys and ETags. */
  key: string;
  title: string;
  description: string;
  /** URL path of the tileset resources without the tile matrix set, e.g. `/tiles`. */
  path: string;
  layers: readonly TilesetLayer[];
}

/** The multi-layer tileset the map draws. */
export const mapTileset: Tileset = {
  key: 'map',
  title: 'SIT Vallenar: mapa',
  description: 'Todas las capas del SIT en teselas vectoriales; cada capa aparece desde su nivel de zoom mínimo.',
  path: '/tiles',
  layers: layers.map((layer) => ({ layer, minZoom: layer.minZoom })),
};

/** The tileset of one collection: its layer at every zoom, so that a GIS can read it whole. */
export function collectionTileset(layer: LayerDefinition): Tileset {
  return {
    key: `collection:${layer.id}`,
    title: layer.title,
    description: layer.description,
    path: `/collections/${layer.id}/tiles`,
    layers: [{ layer, minZoom: 0 }],
  };
}

/** The layers of a tileset visible at zoom `z`, in catalogue order. */
export function layersAtZoom(tileset: Tileset, z: number): LayerDefinition[] {
  return tileset.layers.filter((entry) => z >= entry.minZoom).map((entry) => entry.layer);
}
