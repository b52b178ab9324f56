import { h, replaceChildren, uniqueId } from './dom.ts';
import { addDays, formatDateText, todayIso } from './date-text.ts';
import { fieldTexts as t } from './fields-texts-es.ts';

interface CalendarOptions {
  /** The date field's wrapper: the calendar opens under it. */
  anchor: HTMLElement;
  /** The button that opened it: focus returns there on Escape. */
  button: HTMLButtonElement;
  value: string | null;
  min?: string;
  max?: string;
  onPick(iso: string): void;
  /** Called however it closes (a pick, Escape, a click elsewhere). */
  onClose(): void;
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The ISO date of the Monday on or before the first day of `month` (YYYY-MM). */
function gridStart(month: string): string {
  const first = `${month}-01`;
  const weekday = (new Date(`${first}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(first, -weekday);
}

function shiftMonth(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (number - 1) + by;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

/**
 * A month calendar in Spanish (weeks from Monday) under a date field.
 * Arrow keys move a day or a week, Page Up/Down a month, Enter picks,
 * Escape closes; a click outside closes it too.
 */
export function openCalendar(options: CalendarOptions): { close(returnFocus: boolean): void } {
  const today = todayIso();
  let focused = options.value ?? (options.max && today > options.max ? options.max : today);
  const titleId = uniqueId('calendario');
  const title = h('span', { id: titleId, class: 'sit-calendar-title', 'aria-live': 'polite' });
  const grid = h('div', { role: 'grid', 'aria-labelledby': titleId, class: 'sit-calendar-grid' });
  const outOfRange = (iso: string) => Boolean((options.min && iso < options.min) || (options.max && iso > options.max));

  const close = (returnFocus: boolean) => {
    panel.remove();
    options.button.setAttribute('aria-expanded', 'false');
    document.removeEventListener('pointerdown', outside, true);
    if (returnFocus) options.button.focus();
    options.onClose();
  };
  // The button's own click toggles the calendar, so a press on it is not "outside".
  const outside = (event: Event) => {
    if (!panel.contains(event.target as Node) && !options.button.contains(event.target as Node)) close(false);
  };
  const pick = (iso: string) => {
    if (outOfRange(iso)) return;
    close(false);
    options.onPick(iso);
  };

  const render = (focus: boolean) => {
    const month = focused.slice(0, 7);
    const [year, number] = month.split('-').map(Number) as [number, number];
    title.textContent = `${t.months[number - 1]} de ${year}`;
    const head = h('div', { role: 'row', class: 'sit-calendar-row' }, ...t.weekdays.map((day) => h('span', { role: 'columnheader' }, day)));
    const rows: HTMLElement[] = [];
    let day = gridStart(month);
    for (let week = 0; week < 6; week += 1) {
      const cells: HTMLElement[] = [];
      for (let weekday = 0; weekday < 7; weekday += 1) {
        const iso = day;
        const button = h(
          'button',
          {
            type: 'button',
            tabindex: iso === focused ? 0 : -1,
            class: `sit-calendar-day${iso.slice(0, 7) === month ? '' : ' sit-calendar-other'}${iso === today ? ' sit-calendar-today' : ''}`,
            'aria-label': formatDateText(iso),
            'aria-pressed': iso === options.value ? 'true' : 'false',
            disabled: outOfRange(iso),
            'data-fecha': iso,
            onclick: () => pick(iso),
          },
          String(Number(iso.slice(8))),
        );
        cells.push(h('span', { role: 'gridcell' }, button));
        day = addDays(day, 1);
      }
      rows.push(h('div', { role: 'row', class: 'sit-calendar-row' }, ...cells));
    }
    replaceChildren(grid, head, ...rows);
    if (focus) grid.querySelector<HTMLButtonElement>(`[data-fecha="${focused}"]`)?.focus();
  };

  const move = (iso: string) => {
    focused = iso;
    render(true);
  };
  const monthButton = (label: string, by: number, text: string) =>
    h(
      'button',
      {
        type: 'button',
        class: 'sit-calendar-nav',
        'aria-label': label,
        title: label,
        onclick: () => move(`${shiftMonth(focused.slice(0, 7), by)}-01`),
      },
      text,
    );
  const panel = h(
    'div',
    { class: 'sit-calendar', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': titleId },
    h('div', { class: 'sit-calendar-head' }, monthButton(t.previousMonth, -1, '‹'), title, monthButton(t.nextMonth, 1, '›')),
    grid,
    h('button', { type: 'button', class: 'sit-calendar-today-button', disabled: outOfRange(today), onclick: () => pick(today) }, t.today),
  );
  panel.addEventListener('keydown', (event) => {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close(true);
    } else if (event.key in steps && (event.target as HTMLElement).dataset.fecha) {
      event.preventDefault();
      move(addDays(focused, steps[event.key]!));
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      event.preventDefault();
      const target = `${shiftMonth(focused.slice(0, 7), event.key === 'PageUp' ? -1 : 1)}-${focused.slice(8)}`;
      move(target.endsWith('-31') || target.endsWith('-30') || target.endsWith('-29') ? `${target.slice(0, 7)}-28` : target);
    }
  });
  options.anchor.append(panel);
  options.button.setAttribute('aria-expanded', 'true');
  document.addEventListener('pointerdown', outside, true);
  render(true);
  return { close };
}
