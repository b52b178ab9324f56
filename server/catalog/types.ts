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
}
