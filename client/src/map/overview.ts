import { bbox as turfBbox } from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { es } from '../i18n/es.ts';
import { basePalette } from './colors.ts';

const svgNs = 'http://www.w3.org/2000/svg';
/** Side of the inset, CSS pixels. */
const size = 132;
const inset = 6;

/** A lon/lat → inset pixel projection fitted to a bbox (equirectangular at the bbox's latitude, north up). */
export function insetProjection(bbox: readonly number[], width: number, height: number, margin: number) {
  const [west, south, east, north] = bbox as [number, number, number, number];
  const cos = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const scale = Math.min((width - 2 * margin) / ((east - west) * cos), (height - 2 * margin) / (north - south));
  const offsetX = (width - (east - west) * cos * scale) / 2;
  const offsetY = (height - (north - south) * scale) / 2;
  const project = ([lon, lat]: Position): [number, number] => [
    offsetX + ((lon as number) - west) * cos * scale,
    offsetY + (north - (lat as number)) * scale,
  ];
  const unproject = (x: number, y: number): [number, number] => [west + (x - offsetX) / (cos * scale), north - (y - offsetY) / scale];
  return { project, unproject };
}

/** SVG path data of the polygons of a collection, projected. */
function pathOf(collection: FeatureCollection, project: (position: Position) => [number, number]): string {
  const ring = (positions: Position[]) =>
    `M${positions
      .map((position) =>
        project(position)
          .map((value) => value.toFixed(1))
          .join(' '),
      )
      .join('L')}Z`;
  return collection.features
    .flatMap((feature) => {
      const geometry = feature.geometry;
      if (geometry?.type === 'Polygon') return geometry.coordinates.map(ring);
      if (geometry?.type === 'MultiPolygon') return geometry.coordinates.flatMap((polygon) => polygon.map(ring));
      return [];
    })
    .join('');
}

function svgElement<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string>): SVGElementTagNameMap[K] {
  const element = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/**
 * The comuna in a small inset over the map, as in QGIS's overview panel: the
 * comuna, the town, and a rectangle for what the map shows; a click moves
 * the map there. The first view is framed on the town, so this keeps the
 * rest of the comuna (Domeyko, Cachiyuyo, the valley) in sight.
 */
export function mountOverview(parent: HTMLElement, map: MapLibreMap, comuna: FeatureCollection, town: FeatureCollection | null) {
  const extent = turfBbox(comuna);
  const { project, unproject } = insetProjection(extent, size, size, inset);
  const svg = svgElement('svg', {
    viewBox: `0 0 ${size} ${size}`,
    width: String(size),
    height: String(size),
    role: 'img',
    'aria-label': es.overview.label,
    class: 'overview',
  });
  svg.append(svgElement('path', { d: pathOf(comuna, project), fill: '#e3e8dc', stroke: basePalette.comunaOutline, 'stroke-width': '1' }));
  if (town)
    svg.append(
      svgElement('path', {
        d: pathOf(town, project),
        fill: basePalette.blockOutline,
        stroke: basePalette.urbanLimit,
        'stroke-width': '0.8',
        'data-capa': 'limite_urbano',
      }),
    );
  const view = svgElement('rect', { fill: 'rgba(200, 30, 30, 0.12)', stroke: '#c81e1e', 'stroke-width': '1.5', class: 'overview-view' });
  const viewDot = svgElement('circle', { r: '3', fill: '#c81e1e', class: 'overview-view-dot' });
  svg.append(view, viewDot);

  const update = () => {
    const bounds = map.getBounds();
    const [left, top] = project([bounds.getWest(), bounds.getNorth()]);
    const [right, bottom] = project([bounds.getEast(), bounds.getSouth()]);
    const width = right - left;
    const height = bottom - top;
    // A view smaller than a few pixels is shown as a dot instead of a rectangle no one can see.
    const tiny = width < 4 && height < 4;
    view.setAttribute('x', left.toFixed(1));
    view.setAttribute('y', top.toFixed(1));
    view.setAttribute('width', Math.max(width, 0).toFixed(1));
    view.setAttribute('height', Math.max(height, 0).toFixed(1));
    view.style.display = tiny ? 'none' : '';
    viewDot.setAttribute('cx', ((left + right) / 2).toFixed(1));
    viewDot.setAttribute('cy', ((top + bottom) / 2).toFixed(1));
    viewDot.style.display = tiny ? '' : 'none';
  };
  svg.addEventListener('click', (event) => {
    const box = svg.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * size;
    const y = ((event.clientY - box.top) / box.height) * size;
    map.easeTo({ center: unproject(x, y), duration: 500 });
  });
  map.on('move', update);
  update();
  const container = document.createElement('div');
  container.className = 'overview-inset';
  container.id = 'overview';
  container.append(svg);
  parent.append(container);
}

/** The first view: the town's urban limits, or the comuna if they did not load. */
export function firstViewBbox(comuna: FeatureCollection | null, town: FeatureCollection | null): number[] | null {
  if (town && town.features.length > 0) return turfBbox(town);
  if (comuna && comuna.features.length > 0) return turfBbox(comuna);
  return null;
}
