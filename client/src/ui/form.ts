import { h } from './dom.ts';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type Child = Node | string | null | undefined | false;

/** A label above its control (the control needs an id), in one block that fills the panel's width. */
export function field(label: string, control: Control, ...after: Child[]): HTMLDivElement {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, ...after);
}

/** A checkbox with its label to the right, wrapping under itself rather than under the box. */
export function checkField(label: string, control: HTMLInputElement): HTMLLabelElement {
  return h('label', { class: 'check', for: control.id }, control, h('span', {}, label));
}

/** Buttons and links side by side with a gap, wrapping onto a second row when the panel is narrow. */
export function buttonRow(...children: Child[]): HTMLDivElement {
  return h('div', { class: 'button-row' }, ...children);
}
