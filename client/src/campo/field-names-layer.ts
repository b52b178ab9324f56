import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { keepApart, placeNames, streetFits, streetNames, type FieldName } from './field-names.ts';

/** Place names from this zoom; street names from this one (and only where the street is long enough). */
const placeMinZoom = 10;
const streetMinZoom = 13.5;

const styles: Record<FieldName['kind'], Partial<CSSStyleDeclaration>> = {
  lugar: { font: '700 14px system-ui, sans-serif', color: '#1e1e1e' },
  calle: { font: '500 12px system-ui, sans-serif', color: '#4a4a4a' },
};

/**
 * Names on the field map without a glyph server: each name is an HTML
 * marker (white halo), shown where its zoom allows and dropped where it would
 * cover another (places first, then the longest streets). The streets and
 * places come from the SIT's own collections; the service worker keeps the
 * last answer for use offline, and without it the map simply has no names.
 */
export class FieldNamesLayer {
  private names: Array<{ name: FieldName; marker: Marker; element: HTMLElement }> = [];

  constructor(
    private readonly map: MapLibreMap,
    origin: string,
  ) {
    void this.load(origin);
    map.on('moveend', () => this.update());
  }

  private async load(origin: string): Promise<void> {
    const get = async (collection: string) => {
      try {
        const response = await fetch(`${origin}/collections/${collection}/items?limit=2000`, {
          headers: { accept: 'application/geo+json' },
        });
        return response.ok ? ((await response.json()) as FeatureCollection).features : [];
      } catch {
        return [];
      }
    };
    const [places, streets] = await Promise.all([get('toponimia'), get('calles')]);
    const names = [...placeNames(places), ...streetNames(streets).sort((a, b) => b.metres - a.metres)];
    this.names = names.map((name) => {
      const element = document.createElement('span');
      element.textContent = name.text;
      element.dataset.nombreMapa = name.kind;
      Object.assign(element.style, styles[name.kind], {
        whiteSpace: 'nowrap',
        pointerEvents: 'none',
        textShadow: '0 0 2px #fff, 0 0 2px #fff, 0 0 3px #fff, 0 0 4px #fff',
        visibility: 'hidden',
      });
      const marker = new Marker({
        element,
        anchor: name.kind === 'lugar' ? 'left' : 'center',
        offset: name.kind === 'lugar' ? [4, 0] : [0, 0],
        rotation: name.angle,
        rotationAlignment: 'viewport',
      })
        .setLngLat([name.lon, name.lat])
        .addTo(this.map);
      return { name, marker, element };
    });
    this.update();
  }

  /** Shows the names the zoom allows that do not overlap, in priority order. */
  private update(): void {
    const zoom = this.map.getZoom();
    const bounds = this.map.getContainer().getBoundingClientRect();
    const candidates = this.names.map(({ name, element }) => {
      const allowed = name.kind === 'lugar' ? zoom >= placeMinZoom : zoom >= streetMinZoom && streetFits(name, zoom);
      element.style.visibility = 'hidden';
      if (!allowed) return null;
      const box = element.getBoundingClientRect();
      const inside = box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top && box.bottom <= bounds.bottom;
      return inside ? box : null;
    });
    // One name per street: the first of its places that fits.
    const keys = this.names.map(({ name }) => (name.kind === 'calle' ? name.text : null));
    keepApart(candidates, keys).forEach((visible, index) => {
      const entry = this.names[index];
      if (entry && visible) entry.element.style.visibility = 'visible';
    });
  }
}
