import type { Role } from '../auth/roles.ts';

/** JSON type of a public property, and the SQL cast used when a value is written. */
export type PropertyType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

export interface LayerProperty {
  /** Column name, also the GeoJSON property name. */
  name: string;
  type: PropertyType;
  /** Label for the interface (es-CL). */
  title: string;
  /** Allowed values, when the column has a check constraint. */
  enum?: readonly string[];
  /** May be used as an equality filter in `/items?name=value`. */
  filterable?: boolean;
  /** Computed by the database (not writable, not in seeds). */
  generated?: boolean;
  /** Not null in the table. */
  required?: boolean;
  /**
   * Changed only by a lifecycle (micro-dump transitions), seeds and imports:
   * an edit through the API may repeat the stored value but not change it.
   * `initial` is the only value a new feature may bring.
   */
  lifecycle?: { initial: string | null };
  /** Longest text accepted on a write (default 2000 characters). */
  maxLength?: number;
  /** Smallest and largest number accepted on a write. */
  minimum?: number;
  maximum?: number;
}

/** Which roles may create, modify and delete features through the API (admin always may). */
export interface LayerEditing {
  create: readonly Role[];
  update: readonly Role[];
  delete: readonly Role[];
}

export type GeometryType = 'Point' | 'MultiLineString' | 'MultiPolygon' | 'Geometry';

export type LayerGroup = 'contexto' | 'territorio' | 'plan';

/**
 * One entry of the layer catalogue: everything the server may say in SQL about
 * a collection. Requests name collections and properties; those names are
 * looked up here and never pasted into SQL.
 */
export interface LayerDefinition {
  /** Collection id in URLs. */
  id: string;
  /** Table or view name in the public schema. */
  table: string;
  title: string;
  description: string;
  group: LayerGroup;
  geometryType: GeometryType;
  geometryColumn: string;
  idColumn: string;
  /** Public properties, in display order; `fuente` and `precision` are always among them. */
  properties: readonly LayerProperty[];
  /** Temporal extent columns for `datetime` filters. */
  temporal?: { start: string; end?: string };
  /** File under data/seed/ loaded into an empty layer on first start. */
  seedFile?: string;
  /** Smallest zoom at which the layer appears in the map tiles. */
  minZoom: number;
  /** Served from a view: read-only through the layer API and imports. */
  readOnly?: boolean;
  /** For a `Geometry` layer, the GeoJSON types its table accepts. */
  acceptedGeometries?: readonly ('Point' | 'Polygon' | 'MultiPolygon' | 'LineString' | 'MultiLineString' | 'MultiPoint')[];
  /** Editable through OGC API – Features Part 4 by these roles; absent: changed only by import. */
  editing?: LayerEditing;
  /**
   * A point layer that may hold many points: its tiles are drawn from the
   * counts of `point_grid`, kept by the triggers of migration 0013 (which
   * must name this table), so a tile's cost follows what it shows.
   */
  pointGrid?: boolean;
}
