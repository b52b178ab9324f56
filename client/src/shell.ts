import { bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { es } from './i18n/es.ts';
import type { BaseSource } from './map/base-style.ts';
import { fitBbox } from './map/fit.ts';
import type { ProjectFeature } from './plan/project.ts';
import { mountTabs, type Tabs } from './ui/tabs.ts';

export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The page's fixed texts, from the dictionary. */
export function setShellTexts(): void {
  const subtitle = byId('app-subtitle');
  subtitle.textContent = es.appSubtitle;
  // Cut with an ellipsis on narrow screens: the whole text stays on hover.
  subtitle.title = es.appSubtitle;
  byId('api-link').textContent = es.apiLink;
  byId('skip-link').textContent = es.skipToMap;
  const toggle = byId('panels-toggle');
  toggle.textContent = es.togglePanels;
  toggle.setAttribute('aria-label', es.togglePanelsLabel);
  byId('sidebar').setAttribute('aria-label', es.panelsLabel);
  byId('map').setAttribute('aria-label', es.mapLabel);
}

/** The panels button: the sidebar is a drawer on narrow screens (closed at first) and a column on wide ones. */
export function setupPanelsToggle(): void {
  const toggle = byId('panels-toggle');
  const narrow = window.matchMedia('(max-width: 899px)');
  const apply = (open: boolean) => {
    document.body.classList.toggle('panels-closed', !open);
    toggle.setAttribute('aria-expanded', String(open));
  };
  apply(!narrow.matches);
  narrow.addEventListener('change', () => apply(!narrow.matches));
  toggle.addEventListener('click', () => apply(document.body.classList.contains('panels-closed')));
}

/** The SIT's tileset when the tile service answers; otherwise the same layers as GeoJSON. */
export async function detectBaseSource(): Promise<BaseSource> {
  const tileJsonUrl = `${location.origin}/tiles/tilejson.json`;
  try {
    const response = await fetch(tileJsonUrl, { headers: { Accept: 'application/json' } });
    if (response.ok) return { kind: 'tiles', tileJsonUrl };
  } catch {
    // Falls through to GeoJSON.
  }
  return { kind: 'geojson' };
}

/** The sidebar's tabs, by the id of their tab panel (tab-<id> in index.html). */
const sidebarTabs = ['buscar', 'filtros', 'capas', 'analisis', 'tablero', 'informes', 'microbasurales'] as const;
const analysisTabs = ['indicadores', 'equidad', 'prc', 'proximidad'] as const;

/**
 * The sidebar as tabs (Buscar · Filtros · Capas · Análisis · Tablero ·
 * Informes · Microbasurales), the analysis tools as sub-tabs, each
 * remembered across reloads. A panel that takes the focus (a search hit
 * from the keyboard, a link into a panel) opens its tab.
 */
export function mountSidebarTabs(): { main: Tabs; analysis: Tabs } {
  const t = es.tabs;
  const main = mountTabs(
    byId('sidebar-tabs'),
    sidebarTabs.map((id) => ({ id, label: t[id], panel: byId(`tab-${id}`) })),
    { label: t.label, storageKey: 'sit.pestana' },
  );
  const analysis = mountTabs(
    byId('analysis-tabs'),
    analysisTabs.map((id) => ({ id, label: t[id], panel: byId(`tab-${id}`) })),
    { label: t.analysisLabel, storageKey: 'sit.pestana-analisis' },
  );
  byId('sidebar').addEventListener('focusin', (event) => {
    const target = event.target as Element;
    if (target.closest('[role="tablist"]')) return;
    analysis.reveal(target);
    main.reveal(target);
  });
  return { main, analysis };
}

/**
 * Keeps the project card off the project it describes: once the card of a
 * project a person chose (`chosen`) is open, a project whose extent lies
 * under the card, or off screen, is brought into the part of the map the
 * card leaves free.
 */
export function keepCardClearOfSelection(
  map: MapLibreMap,
  card: HTMLElement,
  project: () => ProjectFeature | null,
): { chosen(codigo: string): void } {
  // Only a project a person just chose: a link restores its own view untouched.
  let expected: string | null = null;
  const check = () => {
    const selected = project();
    if (card.hidden || !selected?.geometry || card.dataset.loaded !== 'true' || expected !== selected.properties.codigo) return;
    expected = null;
    const [west, south, east, north] = turfBbox(selected as Feature) as [number, number, number, number];
    const mapBox = map.getContainer().getBoundingClientRect();
    const cardBox = card.getBoundingClientRect();
    const corners = [map.project([west, north]), map.project([east, south])];
    const left = Math.min(...corners.map((point) => point.x)) + mapBox.left;
    const right = Math.max(...corners.map((point) => point.x)) + mapBox.left;
    const top = Math.min(...corners.map((point) => point.y)) + mapBox.top;
    const bottom = Math.max(...corners.map((point) => point.y)) + mapBox.top;
    const covered = right > cardBox.left && left < cardBox.right && bottom > cardBox.top && top < cardBox.bottom;
    const outside = right < mapBox.left || left > mapBox.right || bottom < mapBox.top || top > mapBox.bottom;
    if (!covered && !outside) return;
    const wide = cardBox.width < mapBox.width * 0.6;
    const free = wide ? mapBox.width - cardBox.width : mapBox.height - cardBox.height;
    const size = wide ? right - left : bottom - top;
    // Small enough for the free part of the map: a pan keeps the planner's zoom; otherwise fit to it.
    if (size < free - 96) {
      const offset: [number, number] = wide ? [-cardBox.width / 2, 0] : [0, -cardBox.height / 2];
      map.easeTo({ center: [(west + east) / 2, (south + north) / 2], offset, duration: 600 });
    } else fitBbox(map, [west, south, east, north]);
  };
  new MutationObserver(check).observe(card, { attributes: true, attributeFilter: ['hidden', 'data-loaded'] });
  return {
    chosen(codigo: string) {
      expected = codigo;
      check();
    },
  };
}
