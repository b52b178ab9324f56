import './fields.css';
import { h, uniqueId } from './dom.ts';
import { accepts, formatFileSize } from './file-checks.ts';
import { fieldTexts as t } from './fields-texts-es.ts';

export interface FilePickerOptions {
  /** Id of the native input, for the form's `<label for>`. */
  id?: string;
  /** As the native attribute: extensions and media types, comma-separated. */
  accept?: string;
  multiple?: boolean;
  /** As the native attribute (`environment`: the phone's rear camera). */
  capture?: string;
  /** The button's text; «Elegir archivo…» by default. */
  buttonText?: string;
  /** Extra class of the button (the field app styles its own). */
  buttonClass?: string;
  /** Shows the chosen file's name and size beside the button (off where the caller lists the files itself). */
  showChosen?: boolean;
}

export interface FilePicker {
  /** What goes into the form: the hidden native input, its button and what was chosen. */
  element: HTMLElement;
  /** The native input: listen to its `change` event and read `files` as usual. */
  input: HTMLInputElement;
}

/**
 * A file picker in Spanish: a button «Elegir archivo…» and the chosen
 * file's name and size, instead of the browser's «Choose File / No file
 * chosen». The native input stays underneath, visually hidden but
 * focusable (Enter or Space opens the system dialog; the button is its
 * label), so labels, keyboard and `setInputFiles` work as before. Files
 * dropped on it go into the input and fire its `change` event.
 */
export function filePicker(options: FilePickerOptions = {}): FilePicker {
  const id = options.id ?? uniqueId('archivo');
  const input = h('input', {
    id,
    type: 'file',
    class: 'sit-visually-hidden',
    accept: options.accept,
    multiple: options.multiple,
    capture: options.capture,
  });
  const button = h(
    'label',
    { for: id, class: `sit-file-button${options.buttonClass ? ` ${options.buttonClass}` : ''}` },
    options.buttonText ?? (options.multiple ? t.chooseFiles : t.chooseFile),
  );
  const chosen = h('span', { class: 'sit-file-chosen', 'aria-live': 'polite', 'data-archivo-elegido': '' }, t.noFile, ' · ', t.dropHint);
  const plain = options.showChosen === false;
  const element = h(
    'div',
    { class: `sit-file-picker${plain ? ' sit-file-picker-plain' : ''}`, 'data-file-picker': '' },
    input,
    button,
    plain ? null : chosen,
  );

  const describe = (files: File[]) => {
    const size = formatFileSize(files.reduce((sum, file) => sum + file.size, 0));
    if (files.length === 0) chosen.replaceChildren(t.noFile, ' · ', t.dropHint);
    else chosen.textContent = files.length === 1 ? t.chosen(files[0]!.name, size) : t.chosenMany(files.length, size);
  };
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    // A caller that empties the input after reading it (to allow the same file again) keeps the last name shown.
    if (files.length > 0) describe(files);
  });

  element.addEventListener('dragover', (event) => {
    if (input.disabled || !event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    element.classList.add('sit-file-over');
  });
  element.addEventListener('dragleave', () => element.classList.remove('sit-file-over'));
  element.addEventListener('drop', (event) => {
    element.classList.remove('sit-file-over');
    const dropped = [...(event.dataTransfer?.files ?? [])];
    if (input.disabled || dropped.length === 0) return;
    event.preventDefault();
    const wrong = dropped.find((file) => !accepts(input.accept, file));
    if (wrong) {
      chosen.textContent = t.wrongType(wrong.name, input.accept.replace(/,/g, ', '));
      return;
    }
    const transfer = new DataTransfer();
    for (const file of options.multiple ? dropped : dropped.slice(0, 1)) transfer.items.add(file);
    input.files = transfer.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  return { element, input };
}
