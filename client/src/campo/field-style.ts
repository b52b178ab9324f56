import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { callesLayer } from '../layers/calles-layer.ts';
import { canalesLayer } from '../layers/canales-layer.ts';
import { comunaLayer } from '../layers/comuna-layer.ts';
import { limiteUrbanoLayer } from '../layers/limite-urbano-layer.ts';
import { manzanasCensalesLayer } from '../layers/manzanas-censales-layer.ts';
import { rioLayer } from '../layers/rio-layer.ts';
import { unidadesVecinalesLayer } from '../layers/unidades-vecinales-layer.ts';

/** The workbench's background colour and tile source id (map/base-style.ts, not imported: it pulls deck.gl layers in). */
const backgroundColor = '#eef1ec';
const tileSourceId = 'sit';

/** The workbench's own layers a person needs to find a place in the field, bottom first. */
const fieldModules = [comunaLayer, manzanasCensalesLayer, unidadesVecinalesLayer, limiteUrbanoLayer, canalesLayer, rioLayer, callesLayer];

/**
 * A light style for the phone: the SIT's own vector tiles (the same style
 * layers as the workbench, fewer of them), no glyphs, sprites or external
 * tiles. The service worker keeps the tiles it saw for use offline.
 */
export function fieldStyle(origin: string): StyleSpecification {
  const from = (layerId: string) => ({ source: tileSourceId, 'source-layer': layerId });
  const layers: LayerSpecification[] = [{ id: 'fondo', type: 'background', paint: { 'background-color': backgroundColor } }];
  for (const module of fieldModules) layers.push(...module.styleLayers(from));
  return {
    version: 8,
    name: 'SIT Vallenar (terreno)',
    sources: { [tileSourceId]: { type: 'vector', url: `${origin}/tiles/tilejson.json` } },
    layers,
  };
}
