import type { Geometry } from 'geojson';
import { ApiRequestError } from '../api.ts';
import { clearErrors, showError } from '../editing/dialog.ts';
import { createFeature, replaceFeature, type EditableFeature } from '../editing/feature-api.ts';
import { singlePart, type DrawnKind, type GeometryEditor } from '../editing/geometry-editor.ts';
import type { LayerSchema } from '../editing/layer-schema.ts';
import { es } from '../i18n/es.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { attributeForm, formFieldOf } from './edit-form.ts';

const t = es.editing;

export interface FeatureFormOptions {
  schema: LayerSchema;
  editor: GeometryEditor;
  /** The feature being edited and the ETag it was read with; null for a new feature. */
  existing: { feature: EditableFeature; etag: string } | null;
  /** The shape to draw for a new feature. */
  kind: DrawnKind;
  onSaved(feature: EditableFeature, created: boolean): void;
  onCancel(): void;
  /** After a 412: read the feature again and reopen the form. */
  onReload(): void;
}

/** A drawn single-part shape as the layer stores it: a Polygon goes as MultiPolygon to a MultiPolygon layer. */
function asLayerType(schema: LayerSchema, geometry: Geometry): Geometry {
  const accepted = schema['x-sit-geometria'];
  if (accepted.includes(geometry.type)) return geometry;
  if (geometry.type === 'Polygon' && accepted.includes('MultiPolygon'))
    return { type: 'MultiPolygon', coordinates: [geometry.coordinates] };
  if (geometry.type === 'LineString' && accepted.includes('MultiLineString'))
    return { type: 'MultiLineString', coordinates: [geometry.coordinates] };
  if (geometry.type === 'Point' && accepted.includes('MultiPoint')) return { type: 'MultiPoint', coordinates: [geometry.coordinates] };
  return geometry;
}

/**
 * What a new feature starts with: where the data came from and how precise it
 * is (both required on every layer). The source names the office, not the
 * person: features are public, and who drew it is in the audit trail.
 */
function newValues(schema: LayerSchema): Record<string, unknown> {
  return {
    ...(schema.properties.fuente ? { fuente: 'Digitalizado en el SIT Vallenar (SECPLA)' } : {}),
    ...(schema.properties.precision?.enum?.includes('aproximada') ? { precision: 'aproximada' } : {}),
  };
}

/**
 * The form of one feature: the geometry on the map (drawn anew, or the
 * existing one with drag handles) and the attributes from the layer's
 * schema. Saves with POST, or PUT + If-Match; the server's messages go next
 * to the field they name, geometry problems above the form, and a 412 offers
 * to reload the feature.
 */
export function mountFeatureForm(container: HTMLElement, options: FeatureFormOptions): void {
  const { schema, editor, existing } = options;
  const attributes = attributeForm(schema, existing ? existing.feature.properties : newValues(schema));
  const general = h('div', { class: 'form-error', role: 'alert', 'data-error-general': '', hidden: true });
  const hint = h('p', { class: 'edit-status', 'data-geometria': '' });
  const submit = h('button', { type: 'submit', 'data-guardar': '' }, t.save);

  if (existing) {
    const single = singlePart(existing.feature.geometry);
    hint.textContent = !single ? t.multipartNote : editor.edit(single) ? t.geometryEditHint : t.geometryNotEditable;
  } else {
    hint.textContent = t.drawHint[options.kind] ?? '';
    editor.start(options.kind, () => {
      hint.textContent = t.geometryEditHint;
    });
  }

  const form = h(
    'form',
    { novalidate: true, 'data-formulario-edicion': existing ? String(existing.feature.id) : 'nuevo' },
    h('h3', {}, existing ? t.editTitle(schema.title, existing.feature.id) : t.newTitle(schema.title)),
    hint,
    general,
    ...attributes.fields,
    h(
      'div',
      { class: 'form-actions' },
      submit,
      h('button', { type: 'button', class: 'secondary', onclick: () => options.onCancel() }, t.cancel),
    ),
  );

  const showStale = () => {
    replaceChildren(
      general,
      h('p', { 'data-conflicto': '' }, t.stale),
      h('button', { type: 'button', class: 'secondary', onclick: () => options.onReload() }, t.reload),
    );
    general.hidden = false;
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    general.hidden = true;
    if (!attributes.checkDates()) return;
    const drawn = editor.current();
    const geometry = drawn ? asLayerType(schema, drawn) : (existing?.feature.geometry ?? null);
    if (!geometry) {
      replaceChildren(general, t.noGeometry);
      general.hidden = false;
      return;
    }
    submit.disabled = true;
    submit.textContent = t.saving;
    try {
      const saved = existing
        ? await replaceFeature(schema.id, existing.feature.id, geometry, attributes.values(), existing.etag)
        : await createFeature(schema.id, geometry, attributes.values());
      options.onSaved(saved, !existing);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 412) showStale();
      else showError(form, general, error, formFieldOf);
    } finally {
      submit.disabled = false;
      submit.textContent = t.save;
    }
  });
  replaceChildren(container, form);
}
