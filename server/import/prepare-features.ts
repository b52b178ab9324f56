import type { Geometry } from 'geojson';
import { writableProperties, type LayerDefinition } from '../catalog/index.ts';
import type { AttributeMapping } from './attribute-mapping.ts';
import { coerceValue } from './attribute-values.ts';
import { coordinateProblem, type RegionBox } from './coordinates.ts';
import type { AssignedValue } from './field-flags.ts';
import { fitToLayer, force2d, positions, structureProblem } from './geometry-shape.ts';
import type { RejectedFeature, SourceFeature } from './types.ts';

/** A feature that passed the checks done in the application, ready for PostGIS. */
export interface PreparedFeature {
  number: number;
  label?: string;
  /** 2D geometry in the source CRS, fitted to the layer's kind. */
  geometry: Geometry;
  /** Dimension to keep after ST_MakeValid: 1 points, 2 lines, 3 polygons. */
  dimension: 1 | 2 | 3;
  /** Column values by catalogue field name, already typed. */
  values: Record<string, string | number | boolean | null>;
}

export interface PrepareContext {
  layer: LayerDefinition;
  srid: number;
  region: RegionBox;
  mapping: AttributeMapping;
  /** Values for fields the file leaves blank (`--fuente`, `--precision`). */
  fallbacks: Record<string, string>;
  /** Values for fields in every feature (`--asignar`), already typed. */
  assigned?: Record<string, AssignedValue>;
}

export interface PreparedSet {
  features: PreparedFeature[];
  rejected: RejectedFeature[];
  /** Features whose z/m coordinates were dropped. */
  flattened: number;
  /** How many features took each fallback value. */
  fallbackCounts: Record<string, number>;
}

/** A name or code of the feature, so that a person can find it in the source file. */
function labelOf(feature: SourceFeature, mapping: AttributeMapping): string | undefined {
  for (const field of ['nombre', 'codigo', 'geocodigo', 'manzent', 'sector']) {
    const source = mapping.sourceOf.get(field);
    const value = source ? feature.properties[source] : undefined;
    if (value !== null && value !== undefined && String(value).trim() !== '') return String(value).trim();
  }
  return undefined;
}

function geometryOf(
  feature: SourceFeature,
  context: PrepareContext,
): Omit<PreparedFeature, 'number' | 'label' | 'values'> | Omit<RejectedFeature, 'feature' | 'label'> {
  if (!feature.geometry) return { code: 'no_geometry', reason: feature.geometryProblem ?? 'no tiene geometría' };
  const structure = structureProblem(feature.geometry);
  if (structure) return { code: 'malformed_geometry', reason: `geometría mal formada: ${structure}` };
  if (positions(feature.geometry).length === 0) return { code: 'no_geometry', reason: 'tiene una geometría vacía' };
  const problem = coordinateProblem(feature.geometry, context.srid, context.region);
  if (problem) return problem;
  return fitToLayer(force2d(feature.geometry), context.layer.geometryType);
}

/**
 * Runs every check that needs no database on each feature: geometry
 * structure, coordinates, geometry kind, attribute types, enums and required
 * values. Returns the features that passed and the reasons for the others.
 */
export function prepareFeatures(features: readonly SourceFeature[], context: PrepareContext): PreparedSet {
  const properties = writableProperties(context.layer);
  const result: PreparedSet = { features: [], rejected: [], flattened: 0, fallbackCounts: {} };
  for (const feature of features) {
    const label = labelOf(feature, context.mapping);
    const reject = (rejection: Omit<RejectedFeature, 'feature' | 'label'>) =>
      result.rejected.push({ feature: feature.number, ...(label ? { label } : {}), ...rejection });
    const geometry = geometryOf(feature, context);
    if ('code' in geometry) {
      reject(geometry);
      continue;
    }
    const values: PreparedFeature['values'] = {};
    const problems: string[] = [];
    const missing: string[] = [];
    const fallbacksUsed: string[] = [];
    for (const property of properties) {
      const constant = context.assigned?.[property.name];
      if (constant !== undefined) {
        values[property.name] = constant;
        continue;
      }
      const source = context.mapping.sourceOf.get(property.name);
      const coerced = coerceValue(property, source === undefined ? null : feature.properties[source]);
      if ('error' in coerced) {
        problems.push(`${property.name}: ${coerced.error}`);
        continue;
      }
      let value = coerced.value;
      const fallback = context.fallbacks[property.name];
      if (value === null && fallback !== undefined) {
        value = fallback;
        fallbacksUsed.push(property.name);
      }
      if (value === null && property.required) missing.push(property.name);
      values[property.name] = value;
    }
    if (problems.length > 0) {
      reject({ code: 'invalid_value', reason: `valores no válidos: ${problems.join('; ')}` });
      continue;
    }
    if (missing.length > 0) {
      reject({ code: 'missing_value', reason: `le falta el valor obligatorio de ${missing.map((name) => `«${name}»`).join(', ')}` });
      continue;
    }
    for (const name of fallbacksUsed) result.fallbackCounts[name] = (result.fallbackCounts[name] ?? 0) + 1;
    if (positions(feature.geometry as Geometry).some((point) => point.length > 2)) result.flattened += 1;
    result.features.push({ number: feature.number, ...(label ? { label } : {}), ...geometry, values });
  }
  return result;
}
