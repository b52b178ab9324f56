import './fields.css';
import { h, uniqueId } from './dom.ts';
import { openCalendar } from './date-calendar.ts';
import { addDays, formatDateText, readDateText, todayIso } from './date-text.ts';
import { fieldTexts as t } from './fields-texts-es.ts';

export interface DateFieldOptions {
  /** Id of the text input, for the form's `<label for>`. */
  id?: string;
  /** The API's field name: server errors naming it point at this input. */
  name?: string;
  required?: boolean;
  /** Initial value, ISO `YYYY-MM-DD`. */
  value?: string | null;
  /** Earliest and latest accepted dates, ISO. */
  min?: string;
  max?: string;
}

export interface DateField {
  /** What goes into the form: the text input, its calendar button and its message. */
  element: HTMLElement;
  /** The text input people type in (dd-mm-aaaa). */
  input: HTMLInputElement;
  /**
   * The date as the API takes it: ISO `YYYY-MM-DD`, '' when empty, and what
   * was typed when it is not a date (so a form that sends it anyway gets the
   * server's refusal for this field).
   */
  value(): string;
  /** Sets the date from ISO (null or '' empties it). */
  setValue(iso: string | null): void;
  /** Shows the Spanish message when what was typed is not an acceptable date; true when it is one (or empty and optional). */
  check(): boolean;
}

/**
 * A date field that reads and writes dd-mm-aaaa whatever the browser's
 * language (a native `<input type="date">` shows «mm/dd/yyyy» in an English
 * browser), with a small calendar in Spanish. Up and down arrows move a day.
 */
export function dateField(options: DateFieldOptions = {}): DateField {
  const id = options.id ?? uniqueId('fecha');
  const messageId = `${id}-mensaje`;
  const limits = { ...(options.min ? { min: options.min } : {}), ...(options.max ? { max: options.max } : {}) };
  const input = h('input', {
    id,
    name: options.name,
    type: 'text',
    class: 'sit-date-input',
    inputmode: 'numeric',
    autocomplete: 'off',
    placeholder: t.datePlaceholder,
    title: t.dateHint,
    // Checked with the `v` flag by current browsers: '-' and '/' escaped inside the classes.
    pattern: '\\s*(\\d{1,2}\\s*[\\-\\/.]\\s*\\d{1,2}\\s*[\\-\\/.]\\s*\\d{4}|\\d{8}|\\d{4}-\\d{1,2}-\\d{1,2})\\s*',
    maxlength: 14,
    required: options.required,
    'aria-describedby': messageId,
    'data-date-field': '',
  });
  const message = h('span', { id: messageId, class: 'sit-date-message', 'aria-live': 'polite', hidden: true });
  const calendarButton = h(
    'button',
    { type: 'button', class: 'sit-date-calendar-button', 'aria-label': t.calendar, title: t.calendar, 'aria-expanded': 'false' },
    h('span', { 'aria-hidden': 'true' }, '▦'),
  );
  const element = h('div', { class: 'sit-date-field' }, input, calendarButton, message);

  const reading = () => {
    const result = readDateText(input.value, limits);
    if ('empty' in result && options.required) return { problem: t.dateMissing };
    return result;
  };
  const showMessage = (text: string) => {
    message.textContent = text;
    message.hidden = text === '';
    input.setCustomValidity(text);
    if (text) input.setAttribute('aria-invalid', 'true');
    else input.removeAttribute('aria-invalid');
  };
  const field: DateField = {
    element,
    input,
    value() {
      const result = readDateText(input.value, limits);
      if ('iso' in result) return result.iso;
      return 'empty' in result ? '' : input.value.trim();
    },
    setValue(iso) {
      input.value = iso ? formatDateText(iso) : '';
      showMessage('');
    },
    check() {
      const result = reading();
      showMessage('problem' in result ? result.problem : '');
      return !('problem' in result);
    },
  };

  // What was typed is rewritten as dd-mm-aaaa once the person leaves the field.
  input.addEventListener('change', () => {
    const result = readDateText(input.value, limits);
    if ('iso' in result) input.value = formatDateText(result.iso);
    if ('problem' in result || message.textContent) field.check();
  });
  input.addEventListener('input', () => {
    if (!message.hidden && !('problem' in readDateText(input.value, limits))) showMessage('');
  });
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const current = readDateText(input.value);
    const next = 'iso' in current ? addDays(current.iso, event.key === 'ArrowUp' ? 1 : -1) : todayIso();
    field.setValue(next);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  let calendar: { close(returnFocus: boolean): void } | null = null;
  calendarButton.addEventListener('click', () => {
    if (calendar) {
      calendar.close(false);
      return;
    }
    const current = readDateText(input.value);
    calendar = openCalendar({
      anchor: element,
      button: calendarButton,
      value: 'iso' in current ? current.iso : null,
      ...limits,
      onPick(iso) {
        field.setValue(iso);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        input.focus();
      },
      onClose() {
        calendar = null;
      },
    });
  });
  if (options.value) field.setValue(options.value);
  return field;
}
