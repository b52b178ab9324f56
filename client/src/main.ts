import type { Layer, PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { externalBasemap } from './config.ts';
import { es } from './i18n/es.ts';
import { projectsLayerId, projectsLegend } from './layers/proyectos-layer.ts';
import { baseStyle } from './map/base-style.ts';
import { createMap, currentView } from './map/create-map.ts';
import { deckLayers } from './map/deck-layers.ts';
import { Derived } from './map/derived.ts';
import { fitBbox } from './map/fit.ts';
import { firstViewBbox, mountOverview } from './map/overview.ts';
import { visibleLabels, type VisibleLabels } from './map/labels.ts';
import { basemapLayerId, layerDefaults, layerEntries } from './map/layer-registry.ts';
import type { Bounds } from './map/projects-in-view.ts';
import { syncStyleLayers } from './map/style-sync.ts';
import { tooltip } from './map/tooltip.ts';
import { emptyData, loadWorkbenchData } from './map/workbench-data.ts';
import { mountFiltersPanel } from './panels/filters-panel.ts';
import { mountInvestmentPanel } from './panels/investment-panel.ts';
import { mountLayersPanel } from './panels/layers-panel.ts';
import { mountAnalysisEquityPanel } from './panels/analysis-equity-panel.ts';
import { mountAnalysisIndicatorsPanel } from './panels/analysis-indicators-panel.ts';
import { mountAnalysisPrcPanel } from './panels/analysis-prc-panel.ts';
import { mountAnalysisProximityPanel } from './panels/analysis-proximity-panel.ts';
import { mountAccountMenu } from './panels/account-menu.ts';
import { mountEditPanel } from './panels/edit-panel.ts';
import { mountSearchPanel, type SearchHitFeature } from './panels/search-panel.ts';
import { mountToolbar } from './panels/toolbar.ts';
import { mountTrackingReportsPanel } from './panels/tracking-reports-panel.ts';
import { mountDashboardPanel } from './panels/dashboard-panel.ts';
import { mountMicrobasuralesPanel } from './panels/microbasurales-panel.ts';
import { nodesAt } from './plan/plan-tree.ts';
import type { ProjectFeature } from './plan/project.ts';
import { createSelection } from './selection.ts';
import { byId, detectBaseSource, keepCardClearOfSelection, mountSidebarTabs, setShellTexts, setupPanelsToggle } from './shell.ts';
import { defaultState, type ProjectFilters } from './state/app-state.ts';
import { Store } from './state/store.ts';
import { syncUrl } from './state/url-sync.ts';
import { decodeState } from './state/url-state.ts';
import { composeViewPng, download } from './tools/export-png.ts';
import { MeasureTool, type Measurement } from './tools/measure-tool.ts';
import { mapBusy } from './tools/map-busy.ts';
import { mountPointerCoordinates } from './tools/pointer-coordinates.ts';
import { terraDrawReady } from './tools/terra-draw-loader.ts';

const status = byId('status');

/**
 * The workbench: one store holds what a link restores; the map (MapLibre
 * style from the SIT's tiles + deck.gl overlay) and the panels read it and
 * change it; data comes from the API part by part.
 */
async function start() {
  setShellTexts();
  setupPanelsToggle();
  mountAccountMenu(byId('account-menu'));
  status.textContent = es.loadingTerritory;
  const entries = layerEntries(externalBasemap);
  const defaults = layerDefaults(entries);
  const store = new Store(decodeState(location.hash, defaultState(defaults)));
  const source = await detectBaseSource();
  const map = createMap(byId('map'), baseStyle(source, location.origin, externalBasemap), es.attribution, store.state.view);
  syncStyleLayers(map, store, externalBasemap);
  const data = emptyData();
  const derived = new Derived(data);
  let measurement: Measurement | null = null;
  let searchMarker: [number, number] | null = null;
  let labels: VisibleLabels = { places: [], units: [], streets: [] };
  // The view the projects layer culls to: replaced (a new array) only when the map stops.
  let viewBounds: Bounds = [-180, -85, 180, 85];
  const updateView = () => {
    const bounds = map.getBounds();
    viewBounds = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
    labels = visibleLabels(map, data, store.state);
  };

  const overlay = new MapboxOverlay({
    interleaved: false,
    layers: [],
    getTooltip: tooltip,
    onClick: (info: PickingInfo) => {
      if (measure.active || mapBusy() || info.layer?.id !== projectsLayerId || !info.object) return;
      choose((info.object as ProjectFeature).properties.codigo, { focus: true });
    },
  });
  map.addControl(overlay);

  // The geometry under Plan Regulador review, drawn above every deck.gl layer so a project never hides it.
  let reviewHighlight: Layer[] = [];
  let renderFilters: (() => void) | undefined;
  let filtersShown: { filters: ProjectFilters | null; projects: readonly ProjectFeature[] | null } = { filters: null, projects: null };
  const render = () => {
    const state = store.state;
    const drawn = derived.drawn(state.filters, viewBounds);
    overlay.setProps({
      layers: deckLayers({
        state,
        projects: drawn.points,
        projectDensity: drawn.density,
        selected: selection.view.project,
        touchedUnits: selection.view.touchedUnits,
        dumps: data.dumps,
        investment: derived.investment(state.filters),
        labels,
        measure: measurement,
        searchMarker,
      }).concat(reviewHighlight),
    });
    toolbar.render3d(Boolean(state.layers.inversion_3d?.visible));
    investmentPanel.render();
    // The filter panel's counts pass over every project: only when the filters or the projects change.
    if (renderFilters && (filtersShown.filters !== state.filters || filtersShown.projects !== data.projects)) {
      filtersShown = { filters: state.filters, projects: data.projects };
      renderFilters();
    }
  };

  const selection = createSelection(byId('project-card'), map, store, data, render);
  const cardClear = keepCardClearOfSelection(map, byId('project-card'), () => selection.view.project);
  /** A project a person chose (map, search, list): its card opens beside it, never over it. */
  const choose = (codigo: string, options: { zoom?: boolean; focus?: boolean }) => {
    cardClear.chosen(codigo);
    selection.select(codigo, options);
  };
  const renderLegend = mountLayersPanel(byId('layers-panel'), entries, store);
  const investmentPanel = mountInvestmentPanel(byId('investment-panel'), store, () => derived.investment(store.state.filters));
  const measure = new MeasureTool(map, (next) => {
    measurement = next;
    toolbar.renderMeasure(next);
    render();
  });
  const url = syncUrl(store, defaults, (next) => {
    store.update(() => next);
    if (next.view)
      map.jumpTo({
        center: [next.view.longitude, next.view.latitude],
        zoom: next.view.zoom,
        bearing: next.view.bearing,
        pitch: next.view.pitch,
      });
  });
  const toolbar = mountToolbar(byId('toolbar'), {
    onMeasure: (mode) => (measure.measurement?.active && measure.measurement.mode === mode ? measure.cancel() : measure.start(mode)),
    onAddCenter: () => measure.addPosition(map.getCenter().toArray()),
    onFinishMeasure: () => measure.finish(),
    onClearMeasure: () => measure.cancel(),
    on3d: (on) =>
      store.update((state) => ({
        ...state,
        layers: { ...state.layers, inversion_3d: { ...(state.layers.inversion_3d ?? { opacity: 0.8 }), visible: on } },
      })),
    onExport: async () => {
      const attributions = [
        es.attribution,
        ...(externalBasemap && store.state.layers[basemapLayerId]?.visible ? [externalBasemap.attribution] : []),
      ];
      download(
        await composeViewPng(map, overlay, attributions),
        `sit-vallenar-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.png`,
      );
    },
    shareUrl: () => url.shareUrl(),
  });

  // A search hit: projects open their card; anything else gets a ring; the map goes to the hit's extent.
  mountSearchPanel(byId('search-panel'), (hit: SearchHitFeature) => {
    const { capa, codigo } = hit.properties;
    const project = capa === 'proyectos' && codigo;
    if (project) choose(codigo, { focus: true });
    searchMarker = !project && hit.geometry ? (hit.geometry.coordinates.slice(0, 2) as [number, number]) : null;
    if (hit.bbox) fitBbox(map, hit.bbox);
    render();
  });
  mountPointerCoordinates(byId('coordinates'), map);
  mountAnalysisIndicatorsPanel(byId('tab-indicadores'), map);
  mountAnalysisEquityPanel(byId('tab-equidad'));
  mountAnalysisPrcPanel(byId('tab-prc'), map, overlay, (layers) => {
    reviewHighlight = layers;
    render();
  });
  mountAnalysisProximityPanel(byId('tab-proximidad'), map);
  mountEditPanel(byId('edit-panel'), { map, overlay, data, render });
  mountTrackingReportsPanel(byId('tab-informes'));
  mountDashboardPanel(byId('tab-tablero'), map, data);
  mountMicrobasuralesPanel(byId('tab-microbasurales'), render);
  mountSidebarTabs();

  store.subscribe((state, previous) => {
    const wasOn = previous.layers.inversion_3d?.visible;
    const isOn = state.layers.inversion_3d?.visible;
    if (isOn && !wasOn && map.getPitch() < 20) map.easeTo({ pitch: 50, duration: 600 });
    if (!isOn && wasOn && map.getPitch() > 0) map.easeTo({ pitch: 0, duration: 600 });
    if (state.layers !== previous.layers) labels = visibleLabels(map, data, state);
    render();
  });
  map.on('moveend', () => {
    updateView();
    store.update((state) => ({ ...state, view: currentView(map) }));
  });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      // Esc undoes the innermost thing: a measurement being drawn, then the card, then a finished measurement.
      if (measure.active) measure.cancel();
      else if (selection.open) selection.close();
      else if (measure.measurement) measure.cancel();
      return;
    }
    if (event.key === 'Enter' && measure.active && !(event.target instanceof HTMLButtonElement)) measure.finish();
  });

  const failures: string[] = [];
  const loaded = loadWorkbenchData(
    data,
    (part) => {
      if (part === 'projects' || part === 'units' || part === 'unitProjects') derived.invalidate();
      if (part === 'tree' && data.tree) {
        const projectsEntry = entries.find((entry) => entry.id === 'proyectos');
        if (projectsEntry) projectsEntry.legend = projectsLegend(nodesAt(data.tree, 'lineamiento'));
        renderLegend('proyectos');
        renderFilters = mountFiltersPanel(byId('filters-panel'), {
          store,
          tree: data.tree,
          projects: () => data.projects,
          filtered: () => derived.filtered(store.state.filters),
          onChooseProject: (codigo) => choose(codigo, { zoom: true, focus: true }),
        });
      }
      if (part === 'projects' || part === 'units') selection.refresh();
      labels = visibleLabels(map, data, store.state);
      render();
    },
    (part, error) => failures.push(es.partialLoadFailed(es.parts[part], error.message)),
  );
  const mapLoaded = new Promise<void>((resolve) => map.once('load', () => resolve()));

  // For the browser tests and the benchmark, which check what is drawn rather than the DOM.
  (window as unknown as { sit: unknown }).sit = {
    map,
    overlay,
    store,
    data,
    baseSource: source.kind,
    /** Codes of the projects passing the filters (located or not). */
    filteredProjects: () => derived.filtered(store.state.filters).map((project) => project.properties.codigo),
    /** Codes of the projects handed to the deck.gl projects layer. */
    drawnProjects: () => derived.drawn(store.state.filters, viewBounds).points.map((project) => project.properties.codigo),
    /** How many projects are drawn as a density instead (thousands in view). */
    projectsAsDensity: () => derived.drawn(store.state.filters, viewBounds).density.length,
    selection: selection.view,
  };

  // Drawing and editing need terra-draw, fetched in its own chunk meanwhile: ready means they work at once.
  await Promise.all([loaded, mapLoaded, terraDrawReady]);
  // The first view frames the town; the comuna stays in sight in the inset.
  const firstView = firstViewBbox(data.comuna, data.town);
  if (!store.state.view && firstView) fitBbox(map, firstView, { animate: false });
  if (data.comuna) mountOverview(byId('map-area'), map, data.comuna, data.town);
  updateView();
  render();
  map.once('idle', () => {
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        status.textContent = failures.join(' ');
        // First complete render: data loaded, tiles drawn, overlay painted. The benchmark reads this mark.
        performance.mark('sit:listo');
        document.body.dataset.ready = failures.length === 0 ? 'true' : 'partial';
      }),
    );
  });
}

start().catch((error: Error) => {
  status.textContent = es.loadFailed(error.message);
  document.body.dataset.ready = 'error';
});
