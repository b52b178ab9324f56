import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { ExternalBasemap } from '../config.ts';
import { basemapLayerId, styleModules } from './layer-registry.ts';
import type { SourceOf } from './layer-entry.ts';

/** Where the style reads the SIT's layers: its vector tiles, or (if the tile service is missing) GeoJSON per layer. */
export type BaseSource = { kind: 'tiles'; tileJsonUrl: string } | { kind: 'geojson' };

export const tileSourceId = 'sit';
export const basemapSourceId = 'mapa-base';
export const backgroundColor = '#eef1ec';

/** GeoJSON URL of a layer when tiles are not available (the whole layer; small in Vallenar). */
const collectionUrl = (origin: string, layerId: string) => `${origin}/collections/${layerId}/items?limit=10000`;

/**
 * The offline style: a background, the optional external basemap (hidden
 * until switched on), then every layer of the SIT's own data. No glyphs or
 * sprites are referenced, so nothing is asked from outside this server.
 */
export function baseStyle(source: BaseSource, origin: string, basemap: ExternalBasemap | null): StyleSpecification {
  const sources: Record<string, SourceSpecification> = {};
  let from: SourceOf;
  if (source.kind === 'tiles') {
    sources[tileSourceId] = { type: 'vector', url: source.tileJsonUrl };
    from = (layerId) => ({ source: tileSourceId, 'source-layer': layerId });
  } else {
    for (const module of styleModules) sources[module.entry.id] = { type: 'geojson', data: collectionUrl(origin, module.entry.id) };
    from = (layerId) => ({ source: layerId });
  }
  const layers: LayerSpecification[] = [{ id: 'fondo', type: 'background', paint: { 'background-color': backgroundColor } }];
  if (basemap) {
    sources[basemapSourceId] = { type: 'raster', tiles: [basemap.tiles], tileSize: 256, attribution: basemap.attribution, maxzoom: 19 };
    layers.push({
      id: basemapLayerId,
      type: 'raster',
      source: basemapSourceId,
      layout: { visibility: 'none' },
      paint: { 'raster-opacity': 1 },
    });
  }
  for (const module of styleModules) layers.push(...module.styleLayers(from));
  return { version: 8, name: 'SIT Vallenar (local)', sources, layers };
}
