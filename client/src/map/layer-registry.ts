import './cartography.css';
import type { ExternalBasemap } from '../config.ts';
import { es } from '../i18n/es.ts';
import { callesLayer } from '../layers/calles-layer.ts';
import { canalesLayer } from '../layers/canales-layer.ts';
import { cicloviasLayer } from '../layers/ciclovias-layer.ts';
import { comunaLayer } from '../layers/comuna-layer.ts';
import { humedalUrbanoLayer } from '../layers/humedal-urbano-layer.ts';
import { investmentEntry } from '../layers/inversion-3d-layer.ts';
import { limiteUrbanoLayer } from '../layers/limite-urbano-layer.ts';
import { manzanasCensalesLayer } from '../layers/manzanas-censales-layer.ts';
import { densityEntry } from '../layers/microbasurales-densidad-layer.ts';
import { dumpsEntry } from '../layers/microbasurales-layer.ts';
import { patrimonioLayer } from '../layers/patrimonio-layer.ts';
import { projectsEntry } from '../layers/proyectos-layer.ts';
import { puentesLayer } from '../layers/puentes-layer.ts';
import { puntosCriticosLayer } from '../layers/puntos-criticos-layer.ts';
import { rioLayer } from '../layers/rio-layer.ts';
import { toponimiaLayer } from '../layers/toponimia-layer.ts';
import { unidadesVecinalesLayer } from '../layers/unidades-vecinales-layer.ts';
import { zonasCensalesLayer } from '../layers/zonas-censales-layer.ts';
import { zonificacionPrcLayer } from '../layers/zonificacion-prc-layer.ts';
import type { LayerSetting } from '../state/app-state.ts';
import type { LayerEntry, StyleLayerModule } from './layer-entry.ts';

/** MapLibre layers from the SIT's own data, in drawing order (bottom first). */
export const styleModules: readonly StyleLayerModule[] = [
  comunaLayer,
  zonificacionPrcLayer,
  manzanasCensalesLayer,
  humedalUrbanoLayer,
  zonasCensalesLayer,
  unidadesVecinalesLayer,
  limiteUrbanoLayer,
  canalesLayer,
  rioLayer,
  callesLayer,
  cicloviasLayer,
  puentesLayer,
  patrimonioLayer,
  puntosCriticosLayer,
  toponimiaLayer,
];

export const basemapLayerId = 'mapa_base';

function basemapEntry(basemap: ExternalBasemap): LayerEntry {
  return {
    id: basemapLayerId,
    title: es.layer.basemap,
    group: 'base',
    defaultVisible: false,
    defaultOpacity: 1,
    legend: [],
    note: es.legend.basemapAttribution(basemap.attribution),
  };
}

/**
 * Every layer of the layers panel, in the order it lists them: plan,
 * territory, context, base; within a group, the layers drawn on top first.
 */
export function layerEntries(basemap: ExternalBasemap | null): LayerEntry[] {
  const topFirst = styleModules.map((module) => module.entry).reverse();
  const all = [projectsEntry, investmentEntry, dumpsEntry, densityEntry, ...topFirst, ...(basemap ? [basemapEntry(basemap)] : [])];
  return (['plan', 'territorio', 'contexto', 'base'] as const).flatMap((group) => all.filter((entry) => entry.group === group));
}

/** Each layer's setting on a first visit. */
export function layerDefaults(entries: readonly LayerEntry[]): Record<string, LayerSetting> {
  return Object.fromEntries(entries.map((entry) => [entry.id, { visible: entry.defaultVisible, opacity: entry.defaultOpacity }]));
}
