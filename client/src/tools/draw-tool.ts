import type { Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import { setMapBusy } from './map-busy.ts';
import { terraDraw } from './terra-draw-loader.ts';

/** What can be drawn: an intervention or a proximity origin. */
export type DrawMode = 'polygon' | 'linestring' | 'point';

export interface DrawToolEvents {
  /** The shape being drawn changed (every vertex and pointer move); null when it is not yet a valid shape. */
  onDrawing?: (geometry: Geometry | null) => void;
  /** The shape was finished (Enter, a click on the first vertex, or one click for a point). */
  onFinish: (geometry: Geometry) => void;
}

/** A shape still being drawn, as a geometry the preview can use: a polygon needs 3 vertices, a line 2. */
function usable(feature: GeoJSONStoreFeatures | undefined): Geometry | null {
  const geometry = feature?.geometry as Geometry | undefined;
  if (!geometry) return null;
  if (geometry.type === 'Polygon') return (geometry.coordinates[0]?.length ?? 0) >= 4 ? geometry : null;
  if (geometry.type === 'LineString') return geometry.coordinates.length >= 2 ? geometry : null;
  return geometry;
}

/**
 * Drawing on the map with terra-draw (MapLibre adapter): one shape at a
 * time, in EPSG:4326. Started lazily on the first `draw`, so the map style
 * is loaded; `clear` removes the shape and stops listening to the map.
 */
export class DrawTool {
  private draw: TerraDraw | null = null;
  private scheduled = false;
  private drawingId: string | number | null = null;

  /** `prefix` names the tool's MapLibre layers; each tool on the map needs its own. */
  constructor(
    private readonly map: MapLibreMap,
    private readonly events: DrawToolEvents,
    private readonly prefix: string,
  ) {}

  /** True while a shape is being drawn (clicks belong to the drawing). */
  get active(): boolean {
    return this.draw !== null && this.draw.getMode() !== 'static';
  }

  /** Starts drawing a new shape in `mode`, discarding the previous one. */
  start(mode: DrawMode): void {
    const draw = this.draw ?? this.create();
    draw.clear();
    draw.setMode(mode);
    setMapBusy(this.prefix, true);
  }

  /** Removes the shape and leaves drawing mode. */
  clear(): void {
    if (!this.draw) return;
    this.draw.clear();
    this.draw.setMode('static');
    setMapBusy(this.prefix, false);
  }

  private create(): TerraDraw {
    const { TerraDraw, TerraDrawMapLibreGLAdapter, TerraDrawLineStringMode, TerraDrawPointMode, TerraDrawPolygonMode } = terraDraw();
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, prefixId: this.prefix }),
      modes: [new TerraDrawPolygonMode(), new TerraDrawLineStringMode(), new TerraDrawPointMode()],
    });
    draw.start();
    draw.on('change', (ids) => {
      this.drawingId = ids[0] ?? this.drawingId;
      if (this.scheduled || !this.events.onDrawing) return;
      // Pointer moves change the shape many times a frame: the preview runs once per frame.
      this.scheduled = true;
      requestAnimationFrame(() => {
        this.scheduled = false;
        const feature = this.drawingId === null ? undefined : draw.getSnapshotFeature(this.drawingId);
        this.events.onDrawing?.(usable(feature));
      });
    });
    draw.on('finish', (id) => {
      const geometry = usable(draw.getSnapshotFeature(id));
      // The finished shape stays on the map until the next drawing or clear.
      draw.setMode('static');
      // The finishing click (or Enter) is the drawing's; later clicks are the map's again.
      requestAnimationFrame(() => setMapBusy(this.prefix, false));
      if (geometry) this.events.onFinish(geometry);
    });
    this.draw = draw;
    return draw;
  }
}
