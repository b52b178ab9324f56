import { IconLayer } from '@deck.gl/layers';
import type { Feature, Point } from 'geojson';
import { es } from '../i18n/es.ts';
import { dumpStatusColors } from '../map/colors.ts';
import type { LayerEntry } from '../map/layer-entry.ts';
import { filterDumps, noDumpsFilter, type DumpsFilter } from './microbasurales-filter.ts';

export const dumpsLayerId = 'microbasurales';

/** Properties of a micro-dump the map reads. */
export interface DumpProperties {
  codigo: string;
  estado: string;
  precision: string;
  /** Date of the first report, 'YYYY-MM-DD'. */
  primer_reporte?: string | null;
}
export type DumpFeature = Feature<Point, DumpProperties>;

export { dumpStatusColors };

export interface DumpsLayerProps {
  dumps: readonly DumpFeature[];
  visible: boolean;
  opacity: number;
}

/** What the micro-dumps panel filters the map by (set through setDumpsFilter, read on every render). */
let shownFilter: DumpsFilter = noDumpsFilter;
let shown: { from: readonly DumpFeature[]; filter: DumpsFilter; dumps: readonly DumpFeature[] } | null = null;

/** Filters the map's micro-dumps like the panel's summary (status, first-report dates); redraw afterwards. */
export function setDumpsFilter(filter: DumpsFilter): void {
  shownFilter = filter;
}

/** The filtered sites, the same array until the sites or the filter change (deck.gl keeps its buffers). */
function shownDumps(dumps: readonly DumpFeature[]): readonly DumpFeature[] {
  if (!shown || shown.from !== dumps || shown.filter !== shownFilter)
    shown = { from: dumps, filter: shownFilter, dumps: filterDumps(dumps, shownFilter) };
  return shown.dumps;
}

/** Side of one icon in the atlas, pixels. */
const iconSize = 48;

/**
 * A small atlas drawn once in the browser: one diamond per status, filled
 * with its colour and outlined in dark grey. Diamonds keep micro-dumps apart
 * from the round project points; nothing is downloaded.
 */
function diamondAtlas(): {
  atlas: HTMLCanvasElement;
  mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean }>;
} {
  const statuses = Object.keys(dumpStatusColors);
  const atlas = document.createElement('canvas');
  atlas.width = iconSize * statuses.length;
  atlas.height = iconSize;
  const context = atlas.getContext('2d') as CanvasRenderingContext2D;
  const mapping: Record<string, { x: number; y: number; width: number; height: number; mask: boolean }> = {};
  statuses.forEach((status, index) => {
    const x = index * iconSize;
    const half = iconSize / 2;
    context.beginPath();
    context.moveTo(x + half, 4);
    context.lineTo(x + iconSize - 4, half);
    context.lineTo(x + half, iconSize - 4);
    context.lineTo(x + 4, half);
    context.closePath();
    context.fillStyle = dumpStatusColors[status] as string;
    context.fill();
    context.lineWidth = 5;
    context.strokeStyle = '#333333';
    context.stroke();
    mapping[status] = { x, y: 0, width: iconSize, height: iconSize, mask: false };
  });
  return { atlas, mapping };
}

let icons: ReturnType<typeof diamondAtlas> | null = null;

/** Micro-dumps as diamonds coloured by status (the shipped ones are demonstration data). */
export function dumpsLayer({ dumps, visible, opacity }: DumpsLayerProps) {
  icons ??= diamondAtlas();
  return new IconLayer<DumpFeature>({
    id: dumpsLayerId,
    data: shownDumps(dumps) as DumpFeature[],
    visible,
    opacity,
    pickable: true,
    iconAtlas: icons.atlas as never,
    iconMapping: icons.mapping,
    getIcon: (dump) => (dump.properties.estado in dumpStatusColors ? dump.properties.estado : 'descartado'),
    getPosition: (dump) => dump.geometry.coordinates as [number, number],
    getSize: 15,
    sizeUnits: 'pixels',
  });
}

export const dumpsEntry: LayerEntry = {
  id: 'microbasurales',
  title: es.layer.microbasurales,
  group: 'territorio',
  defaultVisible: true,
  defaultOpacity: 1,
  legend: Object.entries(dumpStatusColors).map(([estado, color]) => ({ label: estado, color, symbol: 'diamond' as const })),
  note: es.legend.microbasuralesDemo,
};
