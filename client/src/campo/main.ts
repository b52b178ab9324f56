import './campo.css';
import { logout, refreshSession, type SessionPerson } from '../auth/session.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { knownPerson } from './known-person.ts';
import { QueueSender } from './queue-sender.ts';
import { queueStore } from './queue-store.ts';
import { mountQueueView } from './queue-view.ts';
import { mountReportForm } from './report-form.ts';
import { mayReport, mountSignIn } from './sign-in.ts';
import { campoTexts as t } from './texts-es.ts';

const root = document.getElementById('campo') as HTMLElement;

/** The service worker that keeps the app shell and the map tiles seen for use offline (built as /campo-sw.js). */
function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('/campo-sw.js', { scope: '/campo' })
    .catch((error: Error) => console.warn('service worker:', error.message));
}

/** A badge that says whether the phone is online. */
function connectionBadge(): HTMLElement {
  const badge = h('span', { class: 'campo-connection', role: 'status', 'data-conexion': '' });
  const update = () => {
    badge.dataset.conexion = navigator.onLine ? 'en-linea' : 'sin-conexion';
    badge.textContent = navigator.onLine ? t.online : t.offline;
  };
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  update();
  return badge;
}

/** Who is signed in: the server's answer when it can be reached, else the person last seen on this phone. */
async function resolvePerson(): Promise<SessionPerson | null> {
  try {
    const session = await refreshSession();
    if (mayReport(session.usuario)) {
      knownPerson.write(session.usuario);
      return session.usuario;
    }
    knownPerson.clear();
    return null;
  } catch {
    return knownPerson.read();
  }
}

function showApp(main: HTMLElement, nav: HTMLElement, personSlot: HTMLElement, person: SessionPerson): void {
  const queueTab = h('button', { type: 'button', 'data-tab': 'cola' }, t.nav.queue(0));
  const formTab = h('button', { type: 'button', 'data-tab': 'reporte' }, t.nav.newReport);
  const sender = new QueueSender(() => void queue.refresh());
  const form = mountReportForm(() => {
    show('cola');
    void queue.refresh();
    void sender.send({ force: true });
  });
  const queue = mountQueueView(
    sender,
    (item) => {
      form.edit(item);
      show('reporte');
    },
    (count) => (queueTab.textContent = t.nav.queue(count)),
  );
  const formSection = h('section', { class: 'campo-section', 'data-seccion-reporte': '' }, form.element);
  const show = (tab: 'reporte' | 'cola') => {
    formSection.hidden = tab !== 'reporte';
    queue.element.hidden = tab !== 'cola';
    formTab.setAttribute('aria-pressed', String(tab === 'reporte'));
    queueTab.setAttribute('aria-pressed', String(tab === 'cola'));
    if (tab === 'reporte') form.shown();
  };
  formTab.addEventListener('click', () => show('reporte'));
  queueTab.addEventListener('click', () => show('cola'));
  replaceChildren(nav, formTab, queueTab);
  replaceChildren(main, formSection, queue.element);
  replaceChildren(
    personSlot,
    h('span', { 'data-persona': person.usuario }, person.nombre),
    h(
      'button',
      {
        type: 'button',
        class: 'campo-link',
        onclick: async () => {
          const unsent = (await queueStore.all()).filter((item) => item.status !== 'enviado').length;
          if (unsent > 0 && !window.confirm(t.signOutUnsent(unsent))) return;
          await logout().catch(() => undefined);
          knownPerson.clear();
          location.reload();
        },
      },
      t.signOut,
    ),
  );
  show('reporte');
  void queue.refresh().then(() => sender.start());
}

async function start(): Promise<void> {
  registerServiceWorker();
  const personSlot = h('span', { class: 'campo-person' });
  const nav = h('nav', { class: 'campo-nav', 'aria-label': t.nav.label });
  const main = h('main', { class: 'campo-main' }, h('p', { role: 'status' }, t.loading));
  replaceChildren(root, h('header', { class: 'campo-header' }, h('h1', {}, t.shortTitle), connectionBadge(), personSlot), nav, main);
  const person = await resolvePerson();
  if (person) showApp(main, nav, personSlot, person);
  else
    replaceChildren(
      main,
      mountSignIn((signedIn) => {
        knownPerson.write(signedIn);
        showApp(main, nav, personSlot, signedIn);
      }),
    );
  document.body.dataset.ready = 'true';
}

start().catch((error: Error) => {
  root.textContent = error.message;
  document.body.dataset.ready = 'error';
});
