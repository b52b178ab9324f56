import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ExternalBasemap } from '../config.ts';
import type { AppState } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { setPrintLegend } from '../tools/export-png.ts';
import { visibleLegend } from '../tools/print-legend.ts';
import { basemapLayerId, layerEntries, styleModules } from './layer-registry.ts';
import { StyleLayerControl } from './style-layer-control.ts';

/**
 * Keeps MapLibre's layers as the layers panel says: visibility and opacity,
 * applied only to the entries whose setting changed (each change repaints);
 * and the printed legend in step with the same settings.
 */
export function syncStyleLayers(map: MapLibreMap, store: Store, basemap: ExternalBasemap | null): void {
  const controls = new Map(
    styleModules.map((module) => [module.entry.id, new StyleLayerControl(module.styleLayers((layerId) => ({ source: layerId })))]),
  );
  if (basemap)
    controls.set(
      basemapLayerId,
      new StyleLayerControl([{ id: basemapLayerId, type: 'raster', source: 'mapa-base', paint: { 'raster-opacity': 1 } }]),
    );
  let applied: AppState['layers'] | null = null;
  // After 'load' the style accepts changes at any time (isStyleLoaded() is false again while tiles load).
  let loaded = false;
  const apply = () => {
    if (!loaded || applied === store.state.layers) return;
    const previous = applied;
    applied = store.state.layers;
    for (const [id, control] of controls) {
      const setting = applied[id] ?? { visible: false, opacity: 1 };
      if (previous?.[id] !== setting) control.apply(map, setting);
    }
  };
  map.on('load', () => {
    loaded = true;
    apply();
  });
  store.subscribe(apply);
  // Printed and exported maps carry the legend of the layers the panel has on (the entries are shared, so the
  // projects' legend, filled once the plan loads, is included).
  const entries = layerEntries(basemap);
  setPrintLegend(() => visibleLegend(entries, store.state, map.getZoom()));
}
