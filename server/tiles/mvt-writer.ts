import { PbfWriter } from 'pbf';

/**
 * A small Mapbox Vector Tile 2.1 encoder over `pbf`, for the embedded
 * database (no ST_AsMVT there). It writes values with the same wire types
 * ST_AsMVT uses for the same SQL types (text → string, float8 → double even
 * when integral, integers → uint or sint, boolean → bool), so GDAL and QGIS
 * see the same field types whichever database made the tile. vt-pbf infers
 * types from JavaScript values and would write 12.0 as an integer.
 */

export type MvtGeometryType = 1 | 2 | 3;

/** A property value and how to write it: `double` for numbers of a float column. */
export interface MvtProperty {
  key: string;
  value: string | number | boolean;
  double?: boolean;
}

export interface MvtFeature {
  /** Non-negative integer; omitted for aggregated points. */
  id?: number;
  /** 1 point, 2 line, 3 polygon. */
  type: MvtGeometryType;
  /**
   * Tile units, integers. Points: one array with every point. Lines: one
   * array per line. Polygons: one closed ring per array, exterior rings
   * first in each polygon and oriented as the MVT specification requires.
   */
  geometry: [number, number][][];
  properties: MvtProperty[];
}

export interface MvtLayer {
  name: string;
  extent: number;
  features: MvtFeature[];
}

const command = (id: number, count: number) => (id & 0x7) | (count << 3);
const zigzag = (value: number) => (value << 1) ^ (value >> 31);

/** The command and parameter integers of a feature's geometry (MVT 2.1, section 4.3). */
export function geometryCommands(type: MvtGeometryType, parts: [number, number][][]): number[] {
  const out: number[] = [];
  let cursorX = 0;
  let cursorY = 0;
  const moveTo = ([x, y]: [number, number]) => {
    out.push(zigzag(x - cursorX), zigzag(y - cursorY));
    cursorX = x;
    cursorY = y;
  };
  if (type === 1) {
    const points = parts.flat();
    if (points.length === 0) return out;
    out.push(command(1, points.length));
    points.forEach(moveTo);
    return out;
  }
  for (const part of parts) {
    // A ring's closing point is not written: ClosePath returns to the start.
    const points = type === 3 ? part.slice(0, -1) : part;
    if (points.length < (type === 3 ? 3 : 2)) continue;
    out.push(command(1, 1));
    moveTo(points[0] as [number, number]);
    out.push(command(2, points.length - 1));
    points.slice(1).forEach(moveTo);
    if (type === 3) out.push(command(7, 1));
  }
  return out;
}

function valueTag(property: MvtProperty): number {
  if (typeof property.value === 'string') return 1;
  if (typeof property.value === 'boolean') return 7;
  if (property.double || !Number.isInteger(property.value)) return 3;
  return property.value < 0 ? 6 : 5;
}

function writeValue(entry: { tag: number; value: string | number | boolean }, pbf: PbfWriter) {
  if (entry.tag === 1) pbf.writeStringField(1, entry.value as string);
  else if (entry.tag === 7) pbf.writeBooleanField(7, entry.value as boolean);
  else if (entry.tag === 3) pbf.writeDoubleField(3, entry.value as number);
  else if (entry.tag === 6) pbf.writeSVarintField(6, entry.value as number);
  else pbf.writeVarintField(5, entry.value as number);
}

interface EncodedFeature {
  feature: MvtFeature;
  geometry: number[];
}

function writeLayer(layer: { name: string; extent: number; features: EncodedFeature[] }, pbf: PbfWriter) {
  const keys = new Map<string, number>();
  const values = new Map<string, { index: number; tag: number; value: string | number | boolean }>();
  const indexOfKey = (key: string) => {
    let index = keys.get(key);
    if (index === undefined) keys.set(key, (index = keys.size));
    return index;
  };
  const indexOfValue = (property: MvtProperty) => {
    const tag = valueTag(property);
    const id = `${tag}:${String(property.value)}`;
    let entry = values.get(id);
    if (!entry) values.set(id, (entry = { index: values.size, tag, value: property.value }));
    return entry.index;
  };

  pbf.writeVarintField(15, 2);
  pbf.writeStringField(1, layer.name);
  for (const { feature, geometry } of layer.features) {
    const tags = feature.properties.flatMap((property) => [indexOfKey(property.key), indexOfValue(property)]);
    pbf.writeMessage(
      2,
      (_: null, message: PbfWriter) => {
        if (feature.id !== undefined && feature.id >= 0) message.writeVarintField(1, feature.id);
        if (tags.length > 0) message.writePackedVarint(2, tags);
        message.writeVarintField(3, feature.type);
        message.writePackedVarint(4, geometry);
      },
      null,
    );
  }
  for (const key of keys.keys()) pbf.writeStringField(3, key);
  for (const entry of values.values()) pbf.writeMessage(4, writeValue, entry);
  pbf.writeVarintField(5, layer.extent);
}

/** Encodes layers into one tile; features without geometry and layers without features are left out. */
export function encodeTile(layers: readonly MvtLayer[]): Uint8Array {
  const pbf = new PbfWriter();
  for (const layer of layers) {
    const features = layer.features
      .map((feature) => ({ feature, geometry: geometryCommands(feature.type, feature.geometry) }))
      .filter((encoded) => encoded.geometry.length > 0);
    if (features.length > 0) pbf.writeMessage(3, writeLayer, { name: layer.name, extent: layer.extent, features });
  }
  return pbf.finish();
}
