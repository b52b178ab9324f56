import { es } from './i18n/es.ts';
import type { BaseSource } from './map/base-style.ts';

export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** The page's fixed texts, from the dictionary. */
export function setShellTexts(): void {
  byId('app-subtitle').textContent = es.appSubtitle;
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
