import { h } from './dom.ts';

/** One tab: its id (used in element ids and remembered across reloads), its label and its panel. */
export interface TabSpec {
  id: string;
  label: string;
  panel: HTMLElement;
}

export interface Tabs {
  /** Shows a tab by id; `focus` moves the keyboard focus to its button. */
  select(id: string, options?: { focus?: boolean }): void;
  /** Shows the tab whose panel holds `element` (and, through `onShow`, its parents). */
  reveal(element: Element): boolean;
  readonly selected: string;
}

/**
 * An accessible tab list (WAI-ARIA tabs pattern, automatic activation):
 * role=tablist/tab/tabpanel, arrow keys, Home/End, one tab in the Tab order.
 * The chosen tab is remembered in localStorage under `storageKey`, so a
 * reload opens it again.
 */
export function mountTabs(tablist: HTMLElement, specs: readonly TabSpec[], options: { label: string; storageKey?: string }): Tabs {
  tablist.setAttribute('role', 'tablist');
  tablist.setAttribute('aria-label', options.label);
  const buttons = specs.map((spec) => {
    const button = h(
      'button',
      { type: 'button', role: 'tab', id: `pestana-${spec.id}`, 'aria-controls': spec.panel.id || `panel-${spec.id}`, 'data-tab': spec.id },
      spec.label,
    );
    spec.panel.id ||= `panel-${spec.id}`;
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', button.id);
    spec.panel.tabIndex = -1;
    button.addEventListener('click', () => select(spec.id));
    return button;
  });
  tablist.replaceChildren(...buttons);

  const stored = options.storageKey ? readStored(options.storageKey) : null;
  let selected = specs.some((spec) => spec.id === stored) ? stored! : (specs[0]?.id ?? '');

  function select(id: string, selectOptions: { focus?: boolean } = {}) {
    if (!specs.some((spec) => spec.id === id)) return;
    selected = id;
    specs.forEach((spec, index) => {
      const on = spec.id === id;
      const button = buttons[index]!;
      button.setAttribute('aria-selected', String(on));
      button.tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
      if (on && selectOptions.focus) button.focus();
    });
    if (options.storageKey) writeStored(options.storageKey, id);
  }

  tablist.addEventListener('keydown', (event) => {
    const index = specs.findIndex((spec) => spec.id === selected);
    const last = specs.length - 1;
    const next = { ArrowRight: index + 1, ArrowDown: index + 1, ArrowLeft: index - 1, ArrowUp: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const wrapped = next < 0 ? last : next > last ? 0 : next;
    select(specs[wrapped]!.id, { focus: true });
  });

  select(selected);
  return {
    select,
    reveal(element: Element) {
      const spec = specs.find((candidate) => candidate.panel.contains(element));
      if (!spec) return false;
      select(spec.id);
      return true;
    },
    get selected() {
      return selected;
    },
  };
}

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private windows may refuse storage: the tab is simply not remembered.
  }
}
