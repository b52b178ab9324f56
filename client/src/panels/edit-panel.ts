import type { MapboxOverlay } from '@deck.gl/mapbox';
import type { Feature } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { getAllFeatures } from '../api.ts';
import { onSessionChange, session } from '../auth/session.ts';
import { deleteFeature, fetchFeature, type EditableFeature } from '../editing/feature-api.ts';
import { pickFeatureId } from '../editing/feature-picker.ts';
import { GeometryEditor, type DrawnKind } from '../editing/geometry-editor.ts';
import { editableLayers, featureTitle, permissionsOf, type LayerSchema } from '../editing/layer-schema.ts';
import { MapRefresher } from '../editing/map-refresh.ts';
import { es } from '../i18n/es.ts';
import type { DumpFeature } from '../layers/microbasurales-layer.ts';
import type { WorkbenchData } from '../map/workbench-data.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { openBinDialog } from './edit-bin.ts';
import { mountFeatureForm } from './edit-feature-form.ts';
import { openHistoryDialog } from './history-panel.ts';
import { lifecycleSection } from './edit-lifecycle.ts';

const t = es.editing;

export interface EditPanelProps {
  map: MapLibreMap;
  overlay: MapboxOverlay;
  /** The workbench's data: micro-dumps are drawn by deck.gl from `data.dumps`, reloaded after an edit. */
  data: WorkbenchData;
  render: () => void;
}

/** The shapes a layer can be drawn as (a MultiPolygon layer is drawn one polygon at a time). */
function kindsOf(schema: LayerSchema): DrawnKind[] {
  const kinds = schema['x-sit-geometria'].map((type): DrawnKind | null =>
    /Point/.test(type) ? 'Point' : /LineString/.test(type) ? 'LineString' : /Polygon/.test(type) ? 'Polygon' : null,
  );
  return [...new Set(kinds.filter((kind): kind is DrawnKind => kind !== null))];
}

/**
 * «Edición»: for the people whose role edits some layer (x-sit-edicion of
 * its schema), choose the layer, draw a new feature, or click one on the
 * map to edit, delete or see its history; the layer's recycle bin. Every
 * control is shown only when the role may use it; the server checks again.
 */
export function mountEditPanel(container: HTMLElement, props: EditPanelProps): void {
  const { map, overlay, data } = props;
  const editor = new GeometryEditor(map);
  const refresher = new MapRefresher(map);
  const headingId = uniqueId('edicion');
  const layerSelect = h('select', { id: uniqueId('capa-edicion'), 'data-capa-edicion': '' });
  const kindSelect = h('select', { id: uniqueId('forma'), 'data-forma': '' });
  const kindField = h('span', { class: 'edit-kind' }, h('label', { for: kindSelect.id }, ` ${t.drawAs} `), kindSelect);
  const newButton = h('button', { type: 'button', 'data-nuevo': '' }, t.newFeature);
  const binButton = h('button', { type: 'button', class: 'secondary', 'data-ver-papelera': '' }, t.bin);
  const selectedLine = h('p', { class: 'edit-status', 'data-seleccion': '' });
  const editButton = h('button', { type: 'button', 'data-editar': '' }, t.edit);
  const deleteButton = h('button', { type: 'button', class: 'secondary', 'data-eliminar': '' }, t.delete);
  const historyButton = h('button', { type: 'button', class: 'secondary', 'data-ver-historial': '' }, t.history);
  const selectionActions = h('div', { class: 'edit-actions' }, editButton, deleteButton, historyButton);
  const formBox = h('div', { 'data-edicion-formulario': '' });
  // A micro-dump's status moves only through the lifecycle, never through the attribute form.
  const lifecycleBox = h('div', { 'data-ciclo-caja': '' });
  const status = h('div', { class: 'edit-status', role: 'status', 'aria-live': 'polite', 'data-edicion-estado': '' });

  let schemas: LayerSchema[] = [];
  let selected: { id: number; title: string } | null = null;
  let formOpen = false;
  const current = () => schemas.find((schema) => schema.id === layerSelect.value) ?? null;

  const closeForm = () => {
    formOpen = false;
    editor.clear();
    replaceChildren(formBox);
    renderControls();
  };

  const renderControls = () => {
    const schema = current();
    const allowed = schema ? permissionsOf(schema) : { create: false, update: false, remove: false };
    const kinds = schema ? kindsOf(schema) : [];
    replaceChildren(kindSelect, ...kinds.map((kind) => h('option', { value: kind }, t.geometryNames[kind] ?? kind)));
    newButton.hidden = !allowed.create || formOpen;
    kindField.hidden = !allowed.create || formOpen || kinds.length < 2;
    binButton.hidden = !allowed.remove;
    selectedLine.textContent = !schema ? '' : selected ? t.selected(selected.title) : `${t.noneSelected} ${t.pickHint}`;
    selectionActions.hidden = !selected || formOpen;
    lifecycleBox.hidden = !selected || formOpen;
    editButton.hidden = !allowed.update;
    deleteButton.hidden = !allowed.remove;
  };

  const select = async (id: number | null) => {
    const schema = current();
    if (!schema || id === null) {
      selected = null;
      renderControls();
      return;
    }
    replaceChildren(lifecycleBox);
    try {
      const { feature } = await fetchFeature(schema.id, id);
      selected = { id, title: featureTitle(feature.properties, id) };
      const estado = feature.properties.estado;
      if (schema.id === 'microbasurales' && typeof estado === 'string') {
        replaceChildren(
          lifecycleBox,
          lifecycleSection({ id, estado }, async (message) => {
            await showChange('microbasurales', id, null);
            await select(id);
            status.textContent = message;
          }),
        );
      }
    } catch (error) {
      selected = null;
      status.textContent = t.loadFailed((error as Error).message);
    }
    renderControls();
  };

  /** The map shows the change at once; micro-dumps (deck.gl) are read again from the API. */
  const showChange = async (layerId: string, id: number, feature: EditableFeature | null) => {
    refresher.changed(layerId, id, feature as Feature | null);
    if (layerId !== 'microbasurales') return;
    data.dumps = (await getAllFeatures<DumpFeature>('/collections/microbasurales/items?limit=10000', { cache: 'no-store' })).filter(
      (dump) => dump.geometry,
    );
    props.render();
  };

  const report = (message: string, notices: string[] = []) => {
    replaceChildren(
      status,
      h('p', {}, message),
      notices.length > 0
        ? h(
            'div',
            { class: 'form-notices', 'data-avisos': '' },
            h('strong', {}, t.notices),
            h('ul', {}, ...notices.map((notice) => h('li', {}, notice))),
          )
        : null,
    );
  };

  const openForm = async (mode: 'new' | 'edit') => {
    const schema = current();
    if (!schema) return;
    let existing: { feature: EditableFeature; etag: string } | null = null;
    if (mode === 'edit') {
      if (!selected) return;
      try {
        existing = await fetchFeature(schema.id, selected.id);
      } catch (error) {
        status.textContent = t.loadFailed((error as Error).message);
        return;
      }
    }
    formOpen = true;
    replaceChildren(status);
    renderControls();
    mountFeatureForm(formBox, {
      schema,
      editor,
      existing,
      kind: (kindSelect.value || kindsOf(schema)[0] || 'Point') as DrawnKind,
      onCancel: closeForm,
      onReload: () => void openForm('edit'),
      onSaved: (feature, created) => {
        closeForm();
        selected = { id: feature.id, title: featureTitle(feature.properties, feature.id) };
        renderControls();
        report(created ? t.created(feature.id) : t.saved(feature.id), feature.avisos ?? []);
        void showChange(schema.id, feature.id, feature);
      },
    });
  };

  const remove = async () => {
    const schema = current();
    if (!schema || !selected) return;
    if (!window.confirm(t.deleteConfirm(selected.title))) return;
    const { id } = selected;
    try {
      const { etag } = await fetchFeature(schema.id, id);
      await deleteFeature(schema.id, id, etag);
      selected = null;
      renderControls();
      report(t.deleted(id));
      void showChange(schema.id, id, null);
    } catch (error) {
      status.textContent = t.failed((error as Error).message);
    }
  };

  newButton.addEventListener('click', () => void openForm('new'));
  editButton.addEventListener('click', () => void openForm('edit'));
  deleteButton.addEventListener('click', () => void remove());
  historyButton.addEventListener('click', () => {
    const schema = current();
    if (schema && selected) void openHistoryDialog(schema, selected.id, selected.title);
  });
  binButton.addEventListener('click', () => {
    const schema = current();
    if (schema)
      void openBinDialog(schema, (feature) => {
        selected = { id: feature.id, title: featureTitle(feature.properties, feature.id) };
        renderControls();
        void showChange(schema.id, feature.id, feature);
      });
  });
  layerSelect.addEventListener('change', () => {
    closeForm();
    selected = null;
    replaceChildren(status);
    renderControls();
  });
  map.on('click', (event) => {
    const schema = current();
    if (!schema || formOpen || editor.drawing || container.hidden) return;
    const id = pickFeatureId(map, overlay, schema.id, event.point.x, event.point.y);
    if (id !== null) void select(id);
  });

  const onSession = async () => {
    closeForm();
    selected = null;
    replaceChildren(status);
    if (!session().usuario) {
      schemas = [];
      container.hidden = true;
      return;
    }
    try {
      const all = await editableLayers();
      schemas = all.filter((schema) => Object.values(permissionsOf(schema)).some(Boolean));
    } catch {
      schemas = [];
    }
    container.hidden = schemas.length === 0;
    const previous = layerSelect.value;
    replaceChildren(
      layerSelect,
      h('option', { value: '' }, t.chooseLayer),
      ...schemas.map((schema) => h('option', { value: schema.id }, schema.title)),
    );
    layerSelect.value = schemas.some((schema) => schema.id === previous) ? previous : '';
    renderControls();
  };

  container.setAttribute('aria-labelledby', headingId);
  container.dataset.edicion = '';
  container.hidden = true;
  replaceChildren(
    container,
    h('h2', { id: headingId }, t.title),
    h('label', { for: layerSelect.id }, t.layer),
    layerSelect,
    h('div', { class: 'edit-actions' }, newButton, kindField, binButton),
    selectedLine,
    selectionActions,
    lifecycleBox,
    formBox,
    status,
  );
  onSessionChange(() => void onSession());
  void onSession();
}
