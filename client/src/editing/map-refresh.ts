import type { Feature, FeatureCollection } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap, VectorTileSource } from 'maplibre-gl';
import { tileSourceId } from '../map/base-style.ts';
import { styleModules } from '../map/layer-registry.ts';

/** The MapLibre source and layers that show the features saved in this page at once, before the tiles catch up. */
export const recentSourceId = 'sit-edicion-recientes';
export const recentLayerIds = {
  fill: 'sit-edicion-recientes-area',
  line: 'sit-edicion-recientes-linea',
  point: 'sit-edicion-recientes-punto',
} as const;

const recentColor = '#c51b7d';
/**
 * The server reuses layer versions for tiles up to SIT_TILE_VERSION_TTL_MS
 * (1 s by default) after a write, so tiles are asked for again once more
 * after that.
 */
const versionLagMs = 1200;

let generation = 0;

/** `url` with the cache-busting parameter `_v` set to `value` (kept in front of any `{z}/{y}/{x}` template). */
function withVersion(url: string, value: number): string {
  const [path, query = ''] = url.split('?');
  const params = query.split('&').filter((part) => part && !part.startsWith('_v='));
  params.push(`_v=${value}`);
  return `${path}?${params.join('&')}`;
}

/** Asks MapLibre for the SIT's tiles (or per-layer GeoJSON) again, under new URLs that no cache holds. */
function reloadSources(map: MapLibreMap, layerId: string): void {
  generation += 1;
  const tiles = map.getSource(tileSourceId) as VectorTileSource | undefined;
  if (tiles?.tiles) {
    tiles.setTiles(tiles.tiles.map((url) => withVersion(url, generation)));
    return;
  }
  // Without the tile service every layer is its own GeoJSON source.
  const geojson = map.getSource(layerId) as GeoJSONSource | undefined;
  const data = (geojson?.serialize() as { data?: unknown } | undefined)?.data;
  if (geojson && typeof data === 'string') geojson.setData(withVersion(data, generation));
}

/**
 * Keeps the map true to the edits made in this page: the saved feature is
 * drawn at once in its own highlighted layer, and the layer's tiles are
 * fetched again (now and after the server's version lag).
 */
export class MapRefresher {
  private recent = new Map<string, Feature>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /** A feature of `layerId` was saved (`feature`) or deleted (null). */
  changed(layerId: string, id: number, feature: Feature | null): void {
    const key = `${layerId}/${id}`;
    if (feature?.geometry) this.recent.set(key, { ...feature, properties: { ...feature.properties, _capa: layerId } });
    else this.recent.delete(key);
    this.drawRecent();
    reloadSources(this.map, layerId);
    if (this.timer) clearTimeout(this.timer);
    // The map's container says whether the tiles may still lag behind an edit (read by the browser tests).
    const container = this.map.getContainer();
    container.dataset.teselasEdicion = 'pendientes';
    this.timer = setTimeout(() => {
      this.timer = null;
      reloadSources(this.map, layerId);
      container.dataset.teselasEdicion = 'pedidas';
    }, versionLagMs);
  }

  /** MapLibre style layer ids that draw `layerId` (for picking features on the map). */
  static styleLayerIds(layerId: string): string[] {
    const module = styleModules.find((candidate) => candidate.entry.id === layerId);
    return module ? module.styleLayers((id) => ({ source: id })).map((layer) => layer.id) : [];
  }

  private drawRecent(): void {
    const data: FeatureCollection = { type: 'FeatureCollection', features: [...this.recent.values()] };
    const source = this.map.getSource(recentSourceId) as GeoJSONSource | undefined;
    if (source) {
      source.setData(data);
      return;
    }
    this.map.addSource(recentSourceId, { type: 'geojson', data });
    const polygons = ['in', ['geometry-type'], ['literal', ['Polygon', 'MultiPolygon']]] as const;
    this.map.addLayer({
      id: recentLayerIds.fill,
      type: 'fill',
      source: recentSourceId,
      filter: polygons as never,
      paint: { 'fill-color': recentColor, 'fill-opacity': 0.15 },
    });
    this.map.addLayer({
      id: recentLayerIds.line,
      type: 'line',
      source: recentSourceId,
      filter: ['!', ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]]],
      paint: { 'line-color': recentColor, 'line-width': 2.5 },
    });
    this.map.addLayer({
      id: recentLayerIds.point,
      type: 'circle',
      source: recentSourceId,
      filter: ['in', ['geometry-type'], ['literal', ['Point', 'MultiPoint']]],
      paint: { 'circle-color': recentColor, 'circle-radius': 7, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    });
  }
}
