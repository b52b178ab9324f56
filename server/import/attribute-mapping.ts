import { writableProperties, type LayerDefinition, type LayerProperty } from '../catalog/index.ts';
import { normaliseName } from './names.ts';
import type { ImportFormat, SourceFeature } from './types.ts';

/** How source attributes feed the layer's catalogue fields. */
export interface AttributeMapping {
  /** Source attribute name for each catalogue field that has one. */
  sourceOf: Map<string, string>;
  /** `explicit`: asked for with `--mapear`, not found by name. */
  mapped: { source: string; field: string; explicit?: true }[];
  unmapped: string[];
  /** Writable catalogue fields the file does not carry (fields given by `--asignar` are not missing). */
  missing: LayerProperty[];
  notes: string[];
}

/** Names that mean a catalogue field in KML and GPX, whose schemas are fixed. */
const formatAliases: Partial<Record<ImportFormat, Record<string, string>>> = {
  kml: { name: 'nombre', description: 'descripcion' },
  kmz: { name: 'nombre', description: 'descripcion' },
  gpx: { name: 'nombre', desc: 'descripcion', type: 'tipo' },
};

/** Attribute names in order of first appearance across the features. */
export function sourceAttributeNames(features: readonly SourceFeature[]): string[] {
  const names = new Set<string>();
  for (const feature of features) for (const name of Object.keys(feature.properties)) names.add(name);
  return [...names];
}

/** What the person said about fields: `--mapear` (field → source attribute) and the fields `--asignar` fills. */
export interface ExplicitFields {
  sourceOf: ReadonlyMap<string, string>;
  assigned: ReadonlySet<string>;
}

const noExplicitFields: ExplicitFields = { sourceOf: new Map(), assigned: new Set() };

/**
 * Maps source attribute names to the layer's writable fields. `--mapear`
 * comes first; then by name, without regard to case, accents, spaces or
 * underscores (`Población` → `poblacion`). dBASE cuts names at 10
 * characters, so for shapefiles a 10-character name that begins exactly one
 * field name maps to it (`ESTADO_CON` → `estado_conservacion`). KML/GPX
 * `name` maps to `nombre`. A field given by `--asignar` takes no column.
 */
export function mapAttributes(
  layer: LayerDefinition,
  names: readonly string[],
  format: ImportFormat,
  truncatedNames: boolean,
  explicit: ExplicitFields = noExplicitFields,
): AttributeMapping {
  const properties = writableProperties(layer).filter((property) => !explicit.assigned.has(property.name));
  const sourceOf = new Map<string, string>();
  const notes: string[] = [];
  const taken = new Set<string>();
  const claim = (property: LayerProperty, source: string) => {
    sourceOf.set(property.name, source);
    taken.add(source);
  };
  for (const property of properties) {
    const source = explicit.sourceOf.get(property.name);
    if (source !== undefined) claim(property, source);
  }
  for (const property of properties.filter((candidate) => !sourceOf.has(candidate.name))) {
    const matches = names.filter((name) => !taken.has(name) && normaliseName(name) === normaliseName(property.name));
    const chosen = matches.find((name) => name === property.name) ?? matches[0];
    if (chosen) claim(property, chosen);
    if (matches.length > 1) {
      notes.push(`Varios atributos corresponden al campo «${property.name}» (${matches.join(', ')}); se usó «${chosen}».`);
    }
  }
  if (truncatedNames) {
    for (const name of names) {
      if (taken.has(name) || name.length !== 10) continue;
      const candidates = properties.filter(
        (property) => !sourceOf.has(property.name) && normaliseName(property.name).startsWith(normaliseName(name)),
      );
      const [only] = candidates;
      if (only && candidates.length === 1) {
        claim(only, name);
        notes.push(`«${name}» se asoció a «${only.name}»: el .dbf acorta los nombres a 10 caracteres.`);
      }
    }
  }
  for (const [alias, field] of Object.entries(formatAliases[format] ?? {})) {
    const property = properties.find((candidate) => candidate.name === field);
    const source = names.find((name) => name === alias);
    if (property && source && !sourceOf.has(field) && !taken.has(source)) claim(property, source);
  }
  for (const property of layer.properties.filter((candidate) => candidate.generated)) {
    const source = names.find((name) => !taken.has(name) && normaliseName(name) === normaliseName(property.name));
    if (source) notes.push(`«${source}» no se importa: la base de datos calcula «${property.name}» a partir de la geometría.`);
  }
  for (const field of explicit.assigned) {
    const source = names.find((name) => !taken.has(name) && normaliseName(name) === normaliseName(field));
    if (source) notes.push(`«${source}» no se importa: --asignar da el valor de «${field}» a todos los elementos.`);
  }
  return {
    sourceOf,
    mapped: properties
      .filter((property) => sourceOf.has(property.name))
      .map((property) => ({
        source: sourceOf.get(property.name) ?? '',
        field: property.name,
        ...(explicit.sourceOf.has(property.name) ? { explicit: true as const } : {}),
      })),
    unmapped: names.filter((name) => !taken.has(name)),
    missing: properties.filter((property) => !sourceOf.has(property.name)),
    notes,
  };
}
