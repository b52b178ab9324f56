import { login, type Role, type SessionPerson } from '../auth/session.ts';
import { h, uniqueId } from '../ui/dom.ts';
import { campoTexts } from './texts-es.ts';

const t = campoTexts.signIn;

/** Roles that may report micro-dumps from the field. */
export const reportingRoles: readonly Role[] = ['terreno', 'planificador', 'admin'];

export const mayReport = (person: SessionPerson | null): person is SessionPerson => person !== null && reportingRoles.includes(person.rol);

/** The sign-in screen; calls `onSignedIn` with a person who may report. */
export function mountSignIn(onSignedIn: (person: SessionPerson) => void): HTMLElement {
  const ids = { heading: uniqueId('ingreso'), usuario: uniqueId('usuario'), clave: uniqueId('clave') };
  const usuario = h('input', { id: ids.usuario, name: 'usuario', autocomplete: 'username', autocapitalize: 'none', required: true });
  const clave = h('input', { id: ids.clave, name: 'clave', type: 'password', autocomplete: 'current-password', required: true });
  const message = h('p', { class: 'campo-message', role: 'status', 'data-ingreso-mensaje': '' });
  const submit = h('button', { type: 'submit', class: 'campo-primary' }, t.submit);

  const signIn = async (event: Event) => {
    event.preventDefault();
    if (!navigator.onLine) {
      message.textContent = t.needsConnection;
      return;
    }
    submit.disabled = true;
    message.textContent = t.checking;
    try {
      const session = await login(usuario.value.trim(), clave.value);
      clave.value = '';
      if (!mayReport(session.usuario)) {
        message.textContent = t.notAllowed;
        return;
      }
      message.textContent = '';
      onSignedIn(session.usuario);
    } catch (error) {
      message.textContent = error instanceof TypeError ? t.needsConnection : t.failed((error as Error).message);
    } finally {
      submit.disabled = false;
    }
  };

  return h(
    'form',
    {
      class: 'campo-section campo-signin',
      'aria-labelledby': ids.heading,
      'data-ingreso': '',
      onsubmit: (event: Event) => void signIn(event),
    },
    h('h2', { id: ids.heading }, t.title),
    h('p', {}, t.intro),
    h('label', { for: ids.usuario }, t.usuario),
    usuario,
    h('label', { for: ids.clave }, t.clave),
    clave,
    message,
    submit,
  );
}
