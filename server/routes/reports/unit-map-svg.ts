import type { Geometry, Position } from 'geojson';
import { streetName } from '../../../client/src/map/street-name.ts';
import { escapeXml } from './bar-chart.ts';
import { lineLabelAnchor, placeLabels, textWidth, type Box, type LabelCandidate } from './map-labels.ts';
import { fontFamily, legendItems, legendSvg } from './map-legend.ts';
import { basePalette, dumpStatusColors, lineamientoColor } from '../../../client/src/map/colors.ts';

/** One feature of the sheet's map, in projected metres (UTM 19S). */
export interface MapFeature {
  capa: 'manzana' | 'vecina' | 'humedal' | 'canal' | 'rio' | 'calle' | 'unidad' | 'proyecto' | 'patrimonio' | 'microbasural' | 'lugar';
  /** Wetland version, project lineamiento code, heritage category or micro-dump status. */
  clase: string | null;
  /** The name to label (unit, street, river, place), or a project's lineamiento name (for the legend). */
  nombre?: string | null;
  /** Where a unit's name goes (a point on its surface inside the frame). */
  etiqueta?: Position | null;
  geometry: Geometry;
}

export interface MapExtent {
  xmin: number;
  ymin: number;
  xmax: number;
  ymax: number;
}

type Pixel = [number, number];

const halo = 'paint-order="stroke" stroke="#ffffff" stroke-width="3" stroke-linejoin="round"';

/** Lines of a geometry, in pixels. */
function linesOf(geometry: Geometry, toPixel: (position: Position) => Pixel): Pixel[][] {
  switch (geometry.type) {
    case 'LineString':
      return [geometry.coordinates.map(toPixel)];
    case 'MultiLineString':
      return geometry.coordinates.map((part) => part.map(toPixel));
    case 'GeometryCollection':
      return geometry.geometries.flatMap((part) => linesOf(part, toPixel));
    default:
      return [];
  }
}

/**
 * A self-contained SVG map of a neighbourhood unit in the workbench's style:
 * the features projected to a `width`×`height` frame (north up, the extent
 * fitted keeping the aspect), everything clipped to the frame, names placed
 * without overlapping, a north arrow, a scale bar, and below the frame a
 * legend of exactly the classes drawn. No external tiles, fonts or scripts.
 */
export function unitMapSvg(features: MapFeature[], extent: MapExtent, options: { width: number; height: number; title: string }): string {
  const { width, height } = options;
  const spanX = Math.max(extent.xmax - extent.xmin, 1);
  const spanY = Math.max(extent.ymax - extent.ymin, 1);
  const scale = Math.min(width / spanX, height / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const toPixel = ([x = 0, y = 0]: Position): Pixel => [offsetX + (x - extent.xmin) * scale, offsetY + (extent.ymax - y) * scale];
  const xy = (position: Position) =>
    toPixel(position)
      .map((value) => value.toFixed(1))
      .join(' ');
  const ring = (positions: Position[]) => `M${positions.map(xy).join('L')}Z`;
  const line = (positions: Position[]) => `M${positions.map(xy).join('L')}`;
  const pathData = (geometry: Geometry): string => {
    switch (geometry.type) {
      case 'LineString':
        return line(geometry.coordinates);
      case 'MultiLineString':
        return geometry.coordinates.map(line).join('');
      case 'Polygon':
        return geometry.coordinates.map(ring).join('');
      case 'MultiPolygon':
        return geometry.coordinates.flatMap((polygon) => polygon.map(ring)).join('');
      case 'GeometryCollection':
        return geometry.geometries.map(pathData).join('');
      default:
        return '';
    }
  };
  const pointsOf = (geometry: Geometry): Position[] =>
    geometry.type === 'Point'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPoint'
        ? geometry.coordinates
        : geometry.type === 'GeometryCollection'
          ? geometry.geometries.flatMap(pointsOf)
          : [];
  const isPoint = (geometry: Geometry) => pointsOf(geometry).length > 0 && pathData(geometry) === '';
  const isLine = (geometry: Geometry) => /LineString/.test(geometry.type);

  const draw = (feature: MapFeature): string => {
    const d = pathData(feature.geometry);
    const path = (attributes: string) =>
      d ? `<path d="${d}" ${attributes} fill-rule="evenodd" stroke-linejoin="round" stroke-linecap="round"/>` : '';
    const circles = (radius: number, fill: string, stroke: string, strokeWidth: number) =>
      pointsOf(feature.geometry)
        .map((position) => {
          const [cx, cy] = toPixel(position);
          return `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${radius}" fill="${fill}" stroke="${stroke}" stroke-width="${strokeWidth}"/>`;
        })
        .join('');
    switch (feature.capa) {
      case 'manzana':
        return path(`fill="${basePalette.blockFill}" stroke="${basePalette.blockOutline}" stroke-width="0.5"`);
      case 'vecina':
        return path(`fill="none" stroke="#8c8c8c" stroke-width="1" stroke-dasharray="4 2"`);
      case 'humedal':
        return feature.clase === 'ampliacion_propuesta'
          ? path(`fill="none" stroke="${basePalette.wetland}" stroke-width="1.5" stroke-dasharray="5 3"`)
          : path(`fill="${basePalette.wetland}" fill-opacity="0.3" stroke="${basePalette.wetland}" stroke-width="0.8"`);
      case 'canal':
        return path(`fill="none" stroke="${basePalette.canal}" stroke-width="1.4"`);
      case 'rio':
        return path(`fill="none" stroke="${basePalette.river}" stroke-width="3"`);
      case 'calle':
        return path(`fill="none" stroke="${basePalette.streetCasing}" stroke-width="4.5"`);
      case 'unidad':
        return path(`fill="none" stroke="${basePalette.unitOutline}" stroke-width="2.4"`);
      case 'proyecto': {
        const color = lineamientoColor(feature.clase);
        if (isPoint(feature.geometry)) return circles(5, color, '#ffffff', 1.2);
        if (isLine(feature.geometry))
          return `${path(`fill="none" stroke="#ffffff" stroke-width="6"`)}${path(`fill="none" stroke="${color}" stroke-width="3.5" stroke-dasharray="7 4"`)}`;
        return path(`fill="${color}" fill-opacity="0.18" stroke="${color}" stroke-width="1.8"`);
      }
      case 'patrimonio':
        if (!isPoint(feature.geometry))
          return path(`fill="none" stroke="${basePalette.heritage}" stroke-width="1.2" stroke-dasharray="1 2.5"`);
        return pointsOf(feature.geometry)
          .map((position) => {
            const [cx, cy] = toPixel(position);
            return `<rect x="${(cx - 4).toFixed(1)}" y="${(cy - 4).toFixed(1)}" width="8" height="8" transform="rotate(45 ${cx.toFixed(1)} ${cy.toFixed(1)})" fill="${basePalette.heritage}" stroke="#ffffff" stroke-width="0.8"/>`;
          })
          .join('');
      case 'microbasural':
        return circles(3.8, dumpStatusColors[feature.clase ?? ''] ?? '#9e9e9e', '#333333', 0.6);
      case 'lugar':
        return circles(2.5, basePalette.placeLabel, '#ffffff', 0.8);
    }
  };

  // Street fills over all casings, so crossings join.
  const streetFill = features
    .filter((feature) => feature.capa === 'calle')
    .map(
      (feature) =>
        `<path d="${pathData(feature.geometry)}" fill="none" stroke="${basePalette.street}" stroke-width="2.8" stroke-linecap="round" stroke-linejoin="round"/>`,
    );
  // A white veil outside the unit keeps the base legible and the unit in front.
  const unit = features.find((feature) => feature.capa === 'unidad');
  const veil = unit
    ? `<path d="M0 0H${width}V${height}H0Z${pathData(unit.geometry)}" fill="#ffffff" fill-opacity="0.45" fill-rule="evenodd"/>`
    : '';
  const isArea = (feature: MapFeature) => /Polygon/.test(feature.geometry.type);
  const some = (capa: MapFeature['capa'], area?: boolean) =>
    features.filter((feature) => feature.capa === capa && (area === undefined || isArea(feature) === area)).map(draw);
  // Water over the thematic areas (a project corridor or the heritage riverbank never hides the river); names on top.
  const body = [
    ...['manzana', 'vecina', 'humedal', 'calle'].flatMap((capa) => some(capa as MapFeature['capa'])),
    ...streetFill,
    veil,
    ...some('patrimonio', true),
    ...some('proyecto', true),
    ...some('canal'),
    ...some('rio'),
    ...some('unidad'),
    ...some('proyecto', false),
    ...some('patrimonio', false),
    ...some('microbasural'),
    ...some('lugar'),
  ];

  const bar = scaleBar(scale, height);
  const arrow = { x0: width - 30, y0: 2, x1: width, y1: 44 };
  const labels = placeLabels(labelCandidates(features, toPixel), { x0: 0, y0: 0, x1: width, y1: height }, [bar.box, arrow]);
  const legend = legendSvg(legendItems(features), width, height + 4);
  const total = height + 4 + legend.height;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${total.toFixed(0)}" width="100%" role="img" aria-label="${escapeXml(options.title)}">
<title>${escapeXml(options.title)}</title>
<defs><clipPath id="marco-mapa"><rect width="${width}" height="${height}"/></clipPath></defs>
<rect width="${width}" height="${height}" fill="${basePalette.background}"/>
<g clip-path="url(#marco-mapa)">
${body.filter(Boolean).join('\n')}
<g class="nombres" font-family="${fontFamily}" text-anchor="middle" dominant-baseline="central" ${halo}>
${labels.map(labelSvg).join('\n')}
</g>
</g>
${bar.svg}
<g font-family="${fontFamily}"><text x="${width - 15}" y="18" font-size="12" font-weight="bold" text-anchor="middle" ${halo}>N</text>
<path d="M${width - 15} 22 l-6 16 l6 -4 l6 4 z" fill="#1b1b1b" stroke="#ffffff" stroke-width="1"/></g>
<rect width="${width}" height="${height}" fill="none" stroke="#777" stroke-width="1"/>
${legend.svg}
</svg>`;
}

/** Label styles by kind: size, colour, weight or slant; lower priority is placed first. */
const labelKinds = {
  unidad: { fontSize: 12, priority: 0, fill: basePalette.unitLabel, extra: 'font-weight="bold"' },
  lugar: { fontSize: 11, priority: 1, fill: basePalette.placeLabel, extra: '' },
  rio: { fontSize: 10, priority: 2, fill: '#1f5f99', extra: 'font-style="italic"' },
  vecina: { fontSize: 9, priority: 3, fill: '#6b6b6b', extra: 'font-style="italic"' },
  calle: { fontSize: 8.5, priority: 4, fill: basePalette.streetLabel, extra: '' },
} as const;
type LabelKind = keyof typeof labelKinds;

/** Every name that could go on the map, in pixels: units at their inner point, places beside their dot, streets and the river along their line. */
function labelCandidates(
  features: readonly MapFeature[],
  toPixel: (position: Position) => Pixel,
): Array<LabelCandidate & { kind: LabelKind }> {
  const candidates: Array<LabelCandidate & { kind: LabelKind }> = [];
  for (const feature of features) {
    const name = feature.nombre?.trim();
    if (!name) continue;
    const kind = feature.capa;
    if ((kind === 'unidad' || kind === 'vecina') && feature.etiqueta) {
      const [x, y] = toPixel(feature.etiqueta);
      candidates.push({ kind, text: name, x, y, angle: 0, ...labelKinds[kind] });
    } else if (kind === 'lugar' && feature.geometry.type === 'Point') {
      const [x, y] = toPixel(feature.geometry.coordinates);
      const { fontSize, priority } = labelKinds.lugar;
      candidates.push({ kind, text: name, x: x + 5 + textWidth(name, fontSize) / 2, y, angle: 0, fontSize, priority });
    } else if (kind === 'calle' || kind === 'rio') {
      const text = kind === 'calle' ? streetName(name) : name;
      const { fontSize, priority } = labelKinds[kind];
      const parts = linesOf(feature.geometry, toPixel);
      for (const part of parts) {
        const anchor = lineLabelAnchor(part, textWidth(text, fontSize));
        if (anchor) candidates.push({ kind, text, ...anchor, fontSize, priority, key: `${kind}:${text}` });
      }
    }
  }
  return candidates;
}

function labelSvg(label: LabelCandidate & { kind: LabelKind }): string {
  const style = labelKinds[label.kind];
  const x = label.x.toFixed(1);
  const y = label.y.toFixed(1);
  const rotate = Math.abs(label.angle) > 0.5 ? ` transform="rotate(${label.angle.toFixed(1)} ${x} ${y})"` : '';
  return `<text x="${x}" y="${y}"${rotate} font-size="${style.fontSize}" fill="${style.fill}" ${style.extra}>${escapeXml(label.text)}</text>`;
}

/** A scale bar of a round length near a fifth of the map's width, and the box it takes (kept free of names). */
function scaleBar(pixelsPerMetre: number, height: number): { svg: string; box: Box } {
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
  const box = { x0: 10, y0: y - 12, x1: length + 58, y1: y + 8 };
  return {
    box,
    svg: `<g font-family="${fontFamily}" font-size="10"><rect x="10" y="${y - 12}" width="${(length + 48).toFixed(1)}" height="20" fill="#ffffff" fill-opacity="0.8"/>
<path d="M14 ${y} h${length.toFixed(1)}" stroke="#1b1b1b" stroke-width="3"/><text x="${(18 + length).toFixed(1)}" y="${y + 4}">${label}</text></g>`,
  };
}
