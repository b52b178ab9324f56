import { bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { UnitFeature } from './layers/unidades-tocadas-layer.ts';
import { fitBbox } from './map/fit.ts';
import type { WorkbenchData } from './map/workbench-data.ts';
import type { ProjectCardBody } from './panels/project-card.ts';
import { mountProjectCard } from './panels/project-card.ts';
import type { ProjectFeature } from './plan/project.ts';
import type { Store } from './state/store.ts';

/** What the map shows of the selected project: its feature (halo) and the units its card lists. */
export interface SelectionView {
  project: ProjectFeature | null;
  touchedUnits: UnitFeature[];
  card: ProjectCardBody | null;
}

/**
 * The selected project: follows `state.selected`, opens the card, and tells
 * the map which project to halo and which neighbourhood units it touches.
 * Closing returns the keyboard focus where it was before opening.
 */
export function createSelection(container: HTMLElement, map: MapLibreMap, store: Store, data: WorkbenchData, onChange: () => void) {
  const view: SelectionView = { project: null, touchedUnits: [], card: null };
  let returnFocus: HTMLElement | null = null;
  let focusCard = false;

  const zoomToUnit = (codigo: string) => {
    const unit = data.units.find((candidate) => candidate.properties.codigo === codigo);
    if (unit) fitBbox(map, turfBbox(unit));
  };
  const card = mountProjectCard(container, {
    onClose: () => close(),
    onZoom: (bbox) => fitBbox(map, bbox),
    onZoomUnit: zoomToUnit,
  });

  const close = () => {
    store.update((state) => ({ ...state, selected: null }));
    const target = returnFocus;
    returnFocus = null;
    if (target?.isConnected) target.focus();
  };

  const refreshFeature = () => {
    const codigo = store.state.selected;
    view.project = codigo ? (data.projects.find((project) => project.properties.codigo === codigo) ?? null) : null;
  };

  const follow = async () => {
    const codigo = store.state.selected;
    refreshFeature();
    view.touchedUnits = [];
    view.card = null;
    onChange();
    if (!codigo) {
      card.hide();
      return;
    }
    const body = await card.show(codigo, focusCard);
    focusCard = false;
    if (!body || store.state.selected !== codigo) return;
    const touched = new Set(body.unidadesVecinales.map((unit) => unit.codigo));
    view.card = body;
    view.touchedUnits = data.units.filter((unit) => touched.has(unit.properties.codigo));
    onChange();
  };

  store.subscribe((state, previous) => {
    if (state.selected !== previous.selected) void follow();
  });

  return {
    view,
    /** Selects a project; `zoom` moves the map to it, `fromKeyboard` moves the focus into the card. */
    select(codigo: string, options: { zoom?: boolean; focus?: boolean } = {}) {
      if (options.focus) {
        returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        focusCard = true;
      }
      store.update((state) => (state.selected === codigo ? state : { ...state, selected: codigo }));
      if (store.state.selected === codigo && card.codigo !== codigo) void follow();
      const project = data.projects.find((candidate) => candidate.properties.codigo === codigo);
      if (options.zoom && project?.geometry) fitBbox(map, turfBbox(project as Feature));
    },
    close,
    get open() {
      return card.codigo !== null;
    },
    /** Re-reads the selection after the data or the URL changed. */
    refresh() {
      if (store.state.selected && card.codigo !== store.state.selected) void follow();
      else {
        refreshFeature();
        onChange();
      }
    },
  };
}
