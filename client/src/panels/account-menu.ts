import { login, logout, onSessionChange, refreshSession, session } from '../auth/session.ts';
import { changePassword } from '../auth/account.ts';
import { clearErrors, field, openDialog, showError } from '../editing/dialog.ts';
import { es } from '../i18n/es.ts';
import { h, replaceChildren } from '../ui/dom.ts';
import { openTokensDialog } from './account-tokens.ts';

const t = es.account;

/** The sign-in dialog: usuario and contraseña; the server's message (wrong password, too many attempts) above the form. */
export function openSignInDialog(notice?: string): void {
  const dialog = openDialog(t.signInTitle, t.close, { 'data-dialogo-sesion': '' });
  const usuario = h('input', { type: 'text', name: 'usuario', autocomplete: 'username', required: true });
  const clave = h('input', { type: 'password', name: 'clave', autocomplete: 'current-password', required: true });
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit' }, t.submit);
  const form = h(
    'form',
    { novalidate: true },
    notice ? h('p', { class: 'form-notices', role: 'status' }, notice) : null,
    general,
    field(t.usuario, usuario, 'usuario', true),
    field(t.clave, clave, 'clave', true),
    h(
      'div',
      { class: 'form-actions' },
      submit,
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t.cancel),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    general.hidden = true;
    submit.disabled = true;
    submit.textContent = t.signingIn;
    try {
      await login(usuario.value.trim(), clave.value);
      dialog.close();
    } catch (error) {
      showError(form, general, error);
      clave.select();
    } finally {
      submit.disabled = false;
      submit.textContent = t.submit;
    }
  });
  dialog.body.append(form);
  usuario.focus();
}

/** Change of one's own password; the server ends every session and revokes every personal token, so the person signs in again. */
function openPasswordDialog(): void {
  const dialog = openDialog(t.changePassword, t.close, { 'data-dialogo-clave': '' });
  const current = h('input', { type: 'password', autocomplete: 'current-password' });
  const next = h('input', { type: 'password', autocomplete: 'new-password' });
  const repeat = h('input', { type: 'password', autocomplete: 'new-password' });
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const form = h(
    'form',
    { novalidate: true },
    general,
    field(t.currentPassword, current, 'clave_actual', true),
    field(t.newPassword, next, 'clave_nueva', true),
    field(t.repeatPassword, repeat, 'repetir', true),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit' }, t.save),
      h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, t.cancel),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    general.hidden = true;
    if (next.value !== repeat.value) {
      showError(form, general, Object.assign(new Error(t.passwordsDiffer), { field: 'repetir' }), () => 'repetir');
      return;
    }
    try {
      const revoked = await changePassword(current.value, next.value);
      dialog.close();
      openSignInDialog(revoked > 0 ? `${t.passwordChanged} ${t.tokensRevoked(revoked)}` : t.passwordChanged);
    } catch (error) {
      // The server names the new password `clave` (its account rules) and the current one `clave_actual`.
      showError(form, general, error, (name) => (name === 'clave' ? 'clave_nueva' : name));
    }
  });
  dialog.body.append(form);
  current.focus();
}

const signOut = () => void logout().catch(() => refreshSession());

/** «Mi cuenta»: who is signed in, with what role; password, personal tokens and signing out. */
function openAccountDialog(): void {
  const person = session().usuario;
  if (!person) return;
  const dialog = openDialog(t.menuLabel(person.nombre), t.close, { 'data-dialogo-cuenta': '' });
  const then = (action: () => void) => () => {
    dialog.close();
    action();
  };
  dialog.body.append(
    h('p', {}, `${personLabel(person.nombre, t.roles[person.rol] ?? person.rol)} (${person.usuario})`),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'button', 'data-cambiar-clave': '', onclick: then(openPasswordDialog) }, t.changePassword),
      h('button', { type: 'button', 'data-tokens': '', onclick: then(() => void openTokensDialog()) }, t.tokens),
      h('button', { type: 'button', class: 'secondary', onclick: then(signOut) }, t.signOut),
    ),
  );
}

/**
 * «Nombre · Rol», with the role once: a name that already says it (the demo
 * accounts are called «Demo Planificación (SECPLA)») is not followed by it again.
 */
export function personLabel(nombre: string, role: string): string {
  const fold = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
  return fold(nombre).includes(fold(role)) ? nombre : `${nombre} · ${role}`;
}

/**
 * The account corner of the header: «Iniciar sesión» for the public; the
 * person's name and role, password change, personal tokens and «Cerrar
 * sesión» once signed in. Asks the server who is signed in at start.
 */
export function mountAccountMenu(container: HTMLElement): void {
  container.classList.add('account-menu');
  const render = () => {
    const person = session().usuario;
    if (!person) {
      replaceChildren(container, h('button', { type: 'button', 'data-iniciar-sesion': '', onclick: () => openSignInDialog() }, t.signIn));
      return;
    }
    const label = personLabel(person.nombre, t.roles[person.rol] ?? person.rol);
    replaceChildren(
      container,
      h(
        'button',
        {
          type: 'button',
          'data-persona': person.usuario,
          'data-rol': person.rol,
          title: t.menuLabel(person.nombre),
          onclick: openAccountDialog,
        },
        label,
      ),
      h('button', { type: 'button', 'data-cerrar-sesion': '', onclick: signOut }, t.signOut),
    );
  };
  onSessionChange(render);
  render();
  void refreshSession().catch(() => undefined);
}
