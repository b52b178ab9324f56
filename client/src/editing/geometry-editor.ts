import type { Geometry, LineString, Point, Polygon } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { GeoJSONStoreFeatures, TerraDraw } from 'terra-draw';
import { terraDraw } from '../tools/terra-draw-loader.ts';

/** The shapes terra-draw draws and edits; multi-part layers take one part at a time. */
export type DrawnKind = 'Point' | 'LineString' | 'Polygon';
export type DrawnGeometry = Point | LineString | Polygon;

const modeOf: Record<DrawnKind, string> = { Point: 'point', LineString: 'linestring', Polygon: 'polygon' };

const editable = { draggable: true, coordinates: { draggable: true, midpoints: true, deletable: true } };

/** The single-part shape of a geometry terra-draw can edit, or null (several parts, or a type it does not draw). */
export function singlePart(geometry: Geometry | null): DrawnGeometry | null {
  if (!geometry) return null;
  switch (geometry.type) {
    case 'Point':
    case 'LineString':
    case 'Polygon':
      return geometry;
    case 'MultiPoint':
      return geometry.coordinates.length === 1 ? { type: 'Point', coordinates: geometry.coordinates[0]! } : null;
    case 'MultiLineString':
      return geometry.coordinates.length === 1 ? { type: 'LineString', coordinates: geometry.coordinates[0]! } : null;
    case 'MultiPolygon':
      return geometry.coordinates.length === 1 ? { type: 'Polygon', coordinates: geometry.coordinates[0]! } : null;
    default:
      return null;
  }
}

/**
 * Draws a new geometry or edits an existing one on the map with terra-draw
 * (its own MapLibre layers, prefixed `sit-edicion`, so it does not meet the
 * analysis panel's drawing). One shape at a time, EPSG:4326.
 */
export class GeometryEditor {
  private draw: TerraDraw | null = null;
  private featureId: string | number | null = null;
  private onFinish: ((geometry: DrawnGeometry) => void) | null = null;

  constructor(private readonly map: MapLibreMap) {}

  /** True while a new shape is being drawn (map clicks belong to the drawing). */
  get drawing(): boolean {
    const mode = this.draw?.getMode();
    return mode !== undefined && mode !== 'static' && mode !== 'select';
  }

  /** Starts drawing a new `kind`; `onFinish` gets the shape, which stays selected for adjusting. */
  start(kind: DrawnKind, onFinish: (geometry: DrawnGeometry) => void): void {
    const draw = this.instance();
    draw.clear();
    this.featureId = null;
    this.onFinish = onFinish;
    draw.setMode(modeOf[kind]);
  }

  /** Puts an existing geometry on the map, selected so its shape and vertices can be dragged; false if terra-draw refuses it. */
  edit(geometry: DrawnGeometry): boolean {
    const draw = this.instance();
    draw.clear();
    this.onFinish = null;
    draw.setMode('select');
    const id = draw.getFeatureId();
    const [result] = draw.addFeatures([{ id, type: 'Feature', geometry, properties: { mode: modeOf[geometry.type] } }]);
    if (!result?.valid) {
      this.featureId = null;
      return false;
    }
    this.featureId = id;
    draw.selectFeature(id);
    return true;
  }

  /** The shape as it is now (after any drags), or null when nothing was drawn. */
  current(): DrawnGeometry | null {
    if (!this.draw || this.featureId === null) return null;
    const feature = this.draw.getSnapshotFeature(this.featureId);
    return (feature?.geometry as DrawnGeometry | undefined) ?? null;
  }

  /** Removes the shape and leaves the map's clicks alone. */
  clear(): void {
    this.featureId = null;
    this.onFinish = null;
    if (!this.draw) return;
    this.draw.clear();
    this.draw.setMode('static');
  }

  private instance(): TerraDraw {
    if (this.draw) return this.draw;
    const {
      TerraDraw,
      TerraDrawMapLibreGLAdapter,
      TerraDrawLineStringMode,
      TerraDrawPointMode,
      TerraDrawPolygonMode,
      TerraDrawSelectMode,
    } = terraDraw();
    const draw = new TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map: this.map, prefixId: 'sit-edicion' }),
      modes: [
        new TerraDrawPointMode(),
        new TerraDrawLineStringMode(),
        new TerraDrawPolygonMode(),
        new TerraDrawSelectMode({
          flags: { point: { feature: { draggable: true } }, linestring: { feature: editable }, polygon: { feature: editable } },
          // The feature stays selected: clicking beside it must not drop the editing handles.
          allowManualDeselection: false,
          // Keys are for the form: Delete or Escape on the map must not drop the shape being edited.
          keyEvents: { deselect: null, delete: null, rotate: null, scale: null },
        }),
      ],
    });
    draw.start();
    draw.on('finish', (id, context) => {
      if (context.action !== 'draw') return;
      const feature: GeoJSONStoreFeatures | undefined = draw.getSnapshotFeature(id);
      if (!feature) return;
      this.featureId = id;
      const done = this.onFinish;
      this.onFinish = null;
      draw.setMode('select');
      draw.selectFeature(id);
      done?.(feature.geometry as DrawnGeometry);
    });
    this.draw = draw;
    return draw;
  }
}
