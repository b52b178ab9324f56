import { openDialog } from '../editing/dialog.ts';
import { featureHistory, type HistoryChange } from '../editing/feature-api.ts';
import { formatTimestamp } from '../editing/format-time.ts';
import type { LayerSchema } from '../editing/layer-schema.ts';
import { es } from '../i18n/es.ts';
import { h, replaceChildren } from '../ui/dom.ts';

const t = es.editing;

const shown = (value: unknown) => (value === null || value === undefined || value === '' ? t.empty : String(value));

/** The properties a change altered, before → after, titled as the schema names them; and whether the geometry moved. */
function differences(change: HistoryChange, schema: LayerSchema): HTMLElement[] {
  const before = change.antes?.properties ?? {};
  const after = change.despues?.properties ?? {};
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const items = names
    .filter((name) => JSON.stringify(before[name] ?? null) !== JSON.stringify(after[name] ?? null))
    .map((name) =>
      h(
        'li',
        { 'data-cambio': name },
        `${schema.properties[name]?.title ?? name}: `,
        change.antes ? h('del', {}, shown(before[name])) : null,
        change.antes ? ' → ' : null,
        change.despues ? h('ins', {}, shown(after[name])) : null,
      ),
    );
  if (change.antes && change.despues && JSON.stringify(change.antes.geometry) !== JSON.stringify(change.despues.geometry)) {
    items.push(h('li', { 'data-cambio': 'geometry' }, t.geometryChanged));
  }
  return items;
}

/** «Historial» of a feature: who changed it, when, how, and which properties went from what to what. */
export async function openHistoryDialog(schema: LayerSchema, id: number, title: string): Promise<void> {
  const dialog = openDialog(t.historyTitle(title), t.close, { 'data-historial': String(id) });
  const list = h('ol', { class: 'history-list', 'aria-busy': 'true' });
  dialog.body.append(list);
  try {
    const changes = await featureHistory(schema.id, id);
    // Newest first: what a person looks for is the last change.
    const items = [...changes]
      .reverse()
      .map((change) =>
        h(
          'li',
          { 'data-accion': change.accion },
          h('strong', {}, t.historyLine(change.usuario, t.actions[change.accion] ?? change.accion, formatTimestamp(change.ocurrido_en))),
          h('ul', { class: 'history-changes' }, ...differences(change, schema)),
        ),
      );
    replaceChildren(list, ...(items.length > 0 ? items : [h('li', {}, t.historyEmpty)]));
  } catch (error) {
    replaceChildren(list, h('li', { class: 'form-error', role: 'alert' }, t.loadFailed((error as Error).message)));
  } finally {
    list.removeAttribute('aria-busy');
  }
}
