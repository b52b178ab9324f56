import type { Map as MapLibreMap } from 'maplibre-gl';

/** Padding around a fitted extent, pixels, leaving room for the project card on wide screens. */
function padding(map: MapLibreMap) {
  const container = map.getContainer();
  const card = container.parentElement?.querySelector<HTMLElement>('#project-card:not([hidden])');
  const wide = container.clientWidth >= 900;
  const right = card && wide ? card.offsetWidth + 32 : 48;
  const bottom = card && !wide ? Math.min(card.offsetHeight, container.clientHeight / 2) + 24 : 48;
  return { top: 64, left: 48, right, bottom };
}

/** Moves the camera to a bbox (west, south, east, north; lon/lat) without zooming in past a street scale. */
export function fitBbox(map: MapLibreMap, bbox: readonly number[], options: { animate?: boolean } = {}): void {
  const [west, south, east, north] = bbox as [number, number, number, number];
  map.fitBounds(
    [
      [west, south],
      [east, north],
    ],
    {
      padding: padding(map),
      maxZoom: 16.5,
      duration: options.animate === false ? 0 : 600,
      pitch: map.getPitch(),
      bearing: map.getBearing(),
    },
  );
}
