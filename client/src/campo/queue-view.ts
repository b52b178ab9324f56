import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { fieldLabel } from './field-label.ts';
import type { QueueSender } from './queue-sender.ts';
import { countByStatus, retryNow, type QueueItem } from './queue-state.ts';
import { queueStore } from './queue-store.ts';
import { campoTexts } from './texts-es.ts';

const t = campoTexts.queue;

const when = (iso: string) => new Date(iso).toLocaleString('es-CL', { dateStyle: 'short', timeStyle: 'short' });

export interface QueueView {
  element: HTMLElement;
  /** Reads the queue again from IndexedDB and redraws it. */
  refresh(): Promise<void>;
}

/**
 * "Mis reportes": every report on the phone with its status (pendiente,
 * enviado with its site's current status, fallido with the server's
 * reason), "Enviar ahora", and per report retry, correct and discard.
 */
export function mountQueueView(sender: QueueSender, onEdit: (item: QueueItem) => void, onCount: (count: number) => void): QueueView {
  const headingId = uniqueId('cola');
  const summary = h('p', { class: 'campo-summary', 'data-cola-resumen': '', role: 'status' });
  const sendNow = h('button', { type: 'button', class: 'campo-primary', 'data-enviar-ahora': '' }, t.sendNow);
  const list = h('ul', { class: 'campo-queue', 'data-cola': '' });
  let thumbnails: string[] = [];

  sendNow.addEventListener('click', () => void sender.send({ force: true }));

  const act = async (uuid: string, action: 'retry' | 'discard') => {
    const item = await queueStore.get(uuid);
    if (!item) return;
    if (action === 'discard') {
      if (!window.confirm(t.confirmDiscard)) return;
      await queueStore.delete(uuid);
    } else {
      await queueStore.put(retryNow(item, new Date()));
      void sender.send({ force: true });
    }
    await refresh();
  };

  const row = (item: QueueItem, thumbnail: string | undefined) =>
    h(
      'li',
      {
        'data-cola-item': '',
        'data-uuid': item.uuid,
        'data-estado': item.status,
        'data-sitio': item.site?.codigo,
        'data-sitio-id': item.site?.id,
        'data-sitio-estado': item.site?.estado,
      },
      thumbnail ? h('img', { src: thumbnail, alt: '', width: 56, height: 56 }) : null,
      h(
        'div',
        { class: 'campo-queue-text' },
        h('span', { class: `campo-badge campo-badge-${item.status}` }, t.status[item.status] ?? item.status),
        h('strong', {}, campoTexts.categories[item.body.categoria_residuo] ?? item.body.categoria_residuo),
        h('span', { class: 'campo-muted' }, `${t.savedAt(when(item.savedAt))} · ${t.photos(item.photos.length)}`),
        item.site
          ? h('span', { 'data-sitio-texto': '' }, t.site(item.site.codigo, campoTexts.siteStatus[item.site.estado] ?? item.site.estado))
          : null,
        item.reason
          ? h('span', { class: item.status === 'fallido' ? 'campo-error' : 'campo-muted', 'data-motivo': '' }, item.reason)
          : null,
        item.field ? h('span', { class: 'campo-muted', 'data-campo': item.field }, t.field(fieldLabel(item.field))) : null,
        item.status === 'enviado'
          ? null
          : h(
              'span',
              { class: 'campo-row-actions' },
              item.status === 'fallido' ? h('button', { type: 'button', onclick: () => void act(item.uuid, 'retry') }, t.retry) : null,
              item.status === 'fallido' ? h('button', { type: 'button', onclick: () => onEdit(item) }, t.edit) : null,
              h('button', { type: 'button', class: 'campo-danger', onclick: () => void act(item.uuid, 'discard') }, t.discard),
            ),
      ),
    );

  const refresh = async () => {
    const items = await queueStore.all();
    const counts = countByStatus(items);
    summary.textContent = items.length === 0 ? t.empty : t.summary(counts.pendiente, counts.enviado, counts.fallido);
    summary.dataset.pendientes = String(counts.pendiente);
    summary.dataset.enviados = String(counts.enviado);
    summary.dataset.fallidos = String(counts.fallido);
    sendNow.disabled = counts.pendiente === 0 || sender.busy;
    sendNow.textContent = sender.busy ? t.sending : t.sendNow;
    for (const url of thumbnails) URL.revokeObjectURL(url);
    thumbnails = items.map((item) => (item.photos[0] ? URL.createObjectURL(item.photos[0].blob) : ''));
    replaceChildren(list, ...items.map((item, index) => row(item, thumbnails[index] || undefined)));
    onCount(items.length);
  };

  const element = h(
    'section',
    { class: 'campo-section', 'aria-labelledby': headingId, 'data-seccion-cola': '' },
    h('h2', { id: headingId }, t.title),
    summary,
    sendNow,
    list,
  );
  return { element, refresh };
}
