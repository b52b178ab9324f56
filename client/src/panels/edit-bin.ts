import { openDialog } from '../editing/dialog.ts';
import { binEntries, restoreFeature, type EditableFeature } from '../editing/feature-api.ts';
import { formatTimestamp } from '../editing/format-time.ts';
import { featureTitle, type LayerSchema } from '../editing/layer-schema.ts';
import { es } from '../i18n/es.ts';
import { h, replaceChildren } from '../ui/dom.ts';

const t = es.editing;

/** The layer's «Papelera»: deleted features, who deleted them and when, each with «Restaurar». */
export async function openBinDialog(schema: LayerSchema, onRestored: (feature: EditableFeature) => void): Promise<void> {
  const dialog = openDialog(t.binTitle(schema.title), t.close, { 'data-papelera': schema.id });
  const status = h('p', { class: 'edit-status', role: 'status' });
  const list = h('ul', { class: 'bin-list' });
  dialog.body.append(status, list);
  const render = async () => {
    try {
      const entries = await binEntries(schema.id);
      const items = entries.map((entry) => {
        const title = featureTitle(entry.fila.properties, entry.objeto_id);
        return h(
          'li',
          { 'data-eliminado': entry.objeto_id },
          h('span', {}, t.binLine(title, entry.eliminado_por, formatTimestamp(entry.eliminado_en))),
          h(
            'button',
            {
              type: 'button',
              class: 'secondary',
              onclick: async () => {
                try {
                  const feature = await restoreFeature(schema.id, entry.objeto_id);
                  status.textContent = t.restored(entry.objeto_id);
                  onRestored(feature);
                  await render();
                } catch (error) {
                  status.textContent = t.failed((error as Error).message);
                }
              },
            },
            t.restore,
          ),
        );
      });
      replaceChildren(list, ...(items.length > 0 ? items : [h('li', {}, t.binEmpty)]));
    } catch (error) {
      replaceChildren(list, h('li', { class: 'form-error', role: 'alert' }, t.loadFailed((error as Error).message)));
    }
  };
  await render();
}
