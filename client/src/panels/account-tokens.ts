import { createToken, listTokens, revokeToken, type TokenInfo } from '../auth/account.ts';
import { clearErrors, field, openDialog, showError } from '../editing/dialog.ts';
import { es } from '../i18n/es.ts';
import { formatTimestamp } from '../editing/format-time.ts';
import { h, replaceChildren } from '../ui/dom.ts';

const t = es.account;

/**
 * «Tokens personales»: how to use a token from QGIS and GDAL, a form to
 * create one (its secret shown once, with a copy button) and the list of
 * live tokens, each revocable.
 */
export async function openTokensDialog(): Promise<void> {
  const dialog = openDialog(t.tokens, t.close, { 'data-dialogo-tokens': '' });
  const list = h('ul', { class: 'token-list', 'data-lista-tokens': '' });
  const general = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const created = h('div', { 'data-token-nuevo': '', hidden: true });
  const name = h('input', { type: 'text', maxlength: 80 });
  const days = h('input', { type: 'number', min: 1, max: 3650, step: 1 });

  const renderList = async () => {
    try {
      const tokens = await listTokens();
      replaceChildren(list, ...(tokens.length === 0 ? [h('li', {}, t.noTokens)] : tokens.map(tokenItem)));
    } catch (error) {
      showError(list, general, error);
    }
  };
  const tokenItem = (token: TokenInfo) =>
    h(
      'li',
      { 'data-token': token.id },
      h(
        'span',
        {},
        t.tokenLine(
          token.nombre,
          token.prefijo,
          formatTimestamp(token.creado_en),
          token.expira_en && formatTimestamp(token.expira_en),
          token.ultimo_uso && formatTimestamp(token.ultimo_uso),
        ),
      ),
      h(
        'button',
        {
          type: 'button',
          class: 'secondary',
          onclick: async () => {
            if (!window.confirm(t.revokeConfirm(token.nombre))) return;
            try {
              await revokeToken(token.id);
              await renderList();
            } catch (error) {
              showError(list, general, error);
            }
          },
        },
        t.revoke,
      ),
    );

  const showSecret = (secret: string) => {
    const input = h('input', { type: 'text', readonly: true, value: secret, 'data-token-secreto': '', 'aria-label': t.newToken });
    const copyStatus = h('span', { role: 'status' });
    const copy = h(
      'button',
      {
        type: 'button',
        onclick: async () => {
          input.select();
          try {
            await navigator.clipboard.writeText(secret);
            copyStatus.textContent = t.copied;
          } catch {
            copyStatus.textContent = t.copyManually;
          }
        },
      },
      t.copy,
    );
    replaceChildren(created, h('p', {}, t.newToken), h('div', { class: 'token-secret' }, input, copy), copyStatus);
    created.hidden = false;
    input.select();
  };

  const form = h(
    'form',
    { novalidate: true },
    general,
    field(t.tokenName, name, 'nombre', true),
    field(t.tokenDays, days, 'dias'),
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t.createToken)),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    general.hidden = true;
    try {
      const { token } = await createToken(name.value.trim(), days.value ? Number(days.value) : null);
      showSecret(token);
      name.value = '';
      days.value = '';
      await renderList();
    } catch (error) {
      showError(form, general, error);
    }
  });

  const origin = location.origin;
  dialog.body.append(
    h('p', {}, t.tokensIntro),
    h(
      'div',
      { class: 'howto' },
      h('strong', {}, t.tokensHowTo),
      h('ul', {}, h('li', {}, h('code', {}, t.tokensBearer)), h('li', {}, t.tokensBasic), h('li', {}, h('code', {}, t.tokensGdal(origin)))),
    ),
    form,
    created,
    list,
  );
  name.focus();
  await renderList();
}
