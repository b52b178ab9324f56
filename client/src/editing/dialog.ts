import { ApiRequestError } from '../api.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import './editing.css';

export interface Dialog {
  element: HTMLDialogElement;
  body: HTMLElement;
  close(): void;
}

/**
 * A modal dialog (native <dialog>) with a title and a close button; it is
 * removed from the page when closed (Esc, the button or `close()`).
 */
export function openDialog(title: string, closeLabel: string, attributes: Record<string, string> = {}): Dialog {
  const headingId = uniqueId('dialogo');
  const body = h('div', { class: 'sit-dialog-body' });
  const element = h(
    'dialog',
    { class: 'sit-dialog', 'aria-labelledby': headingId, ...attributes },
    h(
      'div',
      { class: 'sit-dialog-head' },
      h('h2', { id: headingId }, title),
      h('button', { type: 'button', class: 'secondary', 'aria-label': closeLabel, onclick: () => element.close() }, '×'),
    ),
    body,
  );
  element.addEventListener('close', () => element.remove());
  document.body.append(element);
  element.showModal();
  return { element, body, close: () => element.close() };
}

/**
 * A labelled input whose error line (filled by `showFieldErrors`) sits under it.
 * `control` is what is shown when the input lives inside a larger control (the date field).
 */
export function field(
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  name: string,
  required = false,
  control: HTMLElement = input,
) {
  const id = uniqueId('campo');
  input.id = id;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name, hidden: true });
  input.setAttribute('aria-describedby', [input.getAttribute('aria-describedby'), error.id].filter(Boolean).join(' '));
  return h(
    'div',
    { class: 'sit-field', 'data-field': name },
    h('label', { for: id }, label, required ? h('span', { class: 'required-mark', 'aria-hidden': 'true' }, ' *') : null),
    control,
    error,
  );
}

/** Clears the errors of a form. */
export function clearErrors(form: HTMLElement): void {
  for (const error of form.querySelectorAll<HTMLElement>('[data-error-for]')) {
    error.hidden = true;
    error.textContent = '';
  }
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
}

/**
 * Shows an error next to the field it names (`properties.nombre` → the
 * field `nombre`), or in `general` when no field of the form matches.
 */
export function showError(form: HTMLElement, general: HTMLElement, error: unknown, fieldName?: (field: string) => string): void {
  const message = error instanceof Error ? error.message : String(error);
  const named = error instanceof ApiRequestError && error.field ? (fieldName ? fieldName(error.field) : error.field) : null;
  const target = named ? form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(named)}"]`) : null;
  if (target) {
    target.textContent = message;
    target.hidden = false;
    target.parentElement?.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    return;
  }
  replaceChildren(general, message);
  general.hidden = false;
}
