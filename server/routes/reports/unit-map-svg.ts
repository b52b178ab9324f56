import type { Geometry, Position } from 'geojson';
import { escapeXml } from './bar-chart.ts';

/** One feature of the sheet's map, in projected metres (UTM 19S). */
export interface MapFeature {
  capa: 'vecina' | 'humedal' | 'unidad' | 'proyecto' | 'patrimonio' | 'microbasural';
  clase: string | null;
  geometry: Geometry;
}

export interface MapExtent {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

const eradicated = new Set(['limpiado', 'cerrado']);

/** Fill, stroke and marker of each layer; drawn in this order (later on top). */
const layerStyle: Record<MapFeature['capa'], { fill: string; stroke: string; width: number; dash?: string }> = {
  vecina: { fill: '#f2f2f2', stroke: '#9a9a9a', width: 0.8 },
  humedal: { fill: 'rgba(38, 139, 168, 0.35)', stroke: '#1c6f88', width: 0.8 },
  unidad: { fill: 'none', stroke: '#1b1b1b', width: 2.2 },
  proyecto: { fill: 'rgba(214, 96, 26, 0.35)', stroke: '#c0501a', width: 2.4 },
  patrimonio: { fill: '#7b3f98', stroke: '#ffffff', width: 0.8 },
  microbasural: { fill: '#b5121b', stroke: '#ffffff', width: 0.8 },
};
const drawOrder: MapFeature['capa'][] = ['vecina', 'humedal', 'unidad', 'proyecto', 'patrimonio', 'microbasural'];

/**
 * A self-contained SVG map of a neighbourhood unit: the features projected
 * to a `width`×`height` box keeping the aspect (north up), a scale bar and no
 * external tiles, fonts or scripts.
 */
export function unitMapSvg(features: MapFeature[], extent: MapExtent, options: { width: number; height: number; title: string }): string {
  const { width, height } = options;
  const spanX = Math.max(extent.xmax - extent.xmin, 1);
  const spanY = Math.max(extent.ymax - extent.ymin, 1);
  const scale = Math.min(width / spanX, height / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const project = ([x = 0, y = 0]: Position) =>
    `${(offsetX + (x - extent.xmin) * scale).toFixed(1)} ${(offsetY + (extent.ymax - y) * scale).toFixed(1)}`;
  const ring = (positions: Position[]) => `M${positions.map(project).join('L')}Z`;
  const line = (positions: Position[]) => `M${positions.map(project).join('L')}`;

  const draw = (geometry: Geometry, feature: MapFeature): string[] => {
    const style = layerStyle[feature.capa];
    const pointFill = feature.capa === 'microbasural' && eradicated.has(feature.clase ?? '') ? '#2e8540' : style.fill;
    const point = (position: Position) => {
      const [cx, cy] = project(position).split(' ');
      return feature.capa === 'patrimonio'
        ? `<rect x="${Number(cx) - 4}" y="${Number(cy) - 4}" width="8" height="8" transform="rotate(45 ${cx} ${cy})" fill="${pointFill}" stroke="${style.stroke}" stroke-width="${style.width}"/>`
        : `<circle cx="${cx}" cy="${cy}" r="${feature.capa === 'proyecto' ? 5 : 3.5}" fill="${feature.capa === 'proyecto' ? style.stroke : pointFill}" stroke="#ffffff" stroke-width="0.8"/>`;
    };
    const polygonFill = feature.capa === 'patrimonio' ? 'rgba(123, 63, 152, 0.25)' : style.fill;
    const path = (d: string, filled: boolean) =>
      `<path d="${d}" fill="${filled ? polygonFill : 'none'}" stroke="${feature.capa === 'patrimonio' ? '#7b3f98' : style.stroke}" stroke-width="${style.width}" fill-rule="evenodd" stroke-linejoin="round"/>`;
    switch (geometry.type) {
      case 'Point':
        return [point(geometry.coordinates)];
      case 'MultiPoint':
        return geometry.coordinates.map(point);
      case 'LineString':
        return [path(line(geometry.coordinates), false)];
      case 'MultiLineString':
        return [path(geometry.coordinates.map(line).join(''), false)];
      case 'Polygon':
        return [path(geometry.coordinates.map(ring).join(''), true)];
      case 'MultiPolygon':
        return [path(geometry.coordinates.flatMap((polygon) => polygon.map(ring)).join(''), true)];
      case 'GeometryCollection':
        return geometry.geometries.flatMap((part) => draw(part, feature));
    }
  };

  const body = drawOrder.flatMap((capa) =>
    features.filter((feature) => feature.capa === capa).flatMap((feature) => draw(feature.geometry, feature)),
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="img" aria-label="${escapeXml(options.title)}">
<title>${escapeXml(options.title)}</title>
<defs><clipPath id="marco-mapa"><rect width="${width}" height="${height}"/></clipPath></defs>
<rect width="${width}" height="${height}" fill="#ffffff"/>
<g clip-path="url(#marco-mapa)">
${body.join('\n')}
</g>
${scaleBar(scale, height)}
<text x="${width - 14}" y="22" font-size="13" text-anchor="middle" font-family="DejaVu Sans, Arial, sans-serif">N</text>
<path d="M${width - 14} 26 l-5 12 l5 -3 l5 3 z" fill="#1b1b1b"/>
<rect width="${width}" height="${height}" fill="none" stroke="#999" stroke-width="1"/>
</svg>`;
}

/** A scale bar of a round length near a fifth of the map's width. */
function scaleBar(pixelsPerMetre: number, height: number): string {
  const target = 120 / pixelsPerMetre;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const metres =
    [1, 2, 5, 10]
      .map((step) => step * magnitude)
      .filter((length) => length <= target)
      .pop() ?? magnitude;
  const length = metres * pixelsPerMetre;
  const label = metres >= 1000 ? `${(metres / 1000).toLocaleString('es-CL')} km` : `${metres} m`;
  const y = height - 14;
  return `<g font-family="DejaVu Sans, Arial, sans-serif" font-size="10"><rect x="10" y="${y - 12}" width="${length + 48}" height="20" fill="rgba(255,255,255,0.8)"/>
<path d="M14 ${y} h${length.toFixed(1)}" stroke="#1b1b1b" stroke-width="3"/><text x="${(18 + length).toFixed(1)}" y="${y + 4}">${label}</text></g>`;
}
