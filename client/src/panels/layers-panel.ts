import { es } from '../i18n/es.ts';
import type { LayerEntry, LegendItem } from '../map/layer-entry.ts';
import type { LayerSetting } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';

function swatch(item: LegendItem): HTMLElement {
  return h('span', {
    class: `swatch swatch-${item.symbol}`,
    style: `--swatch: ${item.color}; --swatch-alpha: ${item.alpha ?? 1}${item.outline ? `; --swatch-outline: ${item.outline}` : ''}`,
    'aria-hidden': 'true',
  });
}

/** True when the legend is one symbol and nothing else: it is shown beside the layer's name, not in a list. */
const inlineLegend = (entry: LayerEntry) => entry.legend.length === 1 && !entry.note && (entry.minZoom === undefined || entry.minZoom <= 8);

/** The symbol shown beside the name of a layer with a one-symbol legend (its label on hover). */
function inlineSwatch(entry: LayerEntry): HTMLElement | null {
  const item = entry.legend[0];
  if (!inlineLegend(entry) || !item) return null;
  const symbol = swatch(item);
  symbol.classList.add('legend-inline');
  symbol.title = item.label;
  return symbol;
}

/**
 * A legend of several symbols, or with notes, folded under «Leyenda» so a
 * long list of layers stays short; the projects' legend starts open.
 */
function legend(entry: LayerEntry): HTMLElement | null {
  if (inlineLegend(entry)) return null;
  if (entry.legend.length === 0 && !entry.note && (entry.minZoom === undefined || entry.minZoom <= 8)) return null;
  return h(
    'details',
    { class: 'legend', open: entry.group === 'plan' && entry.legend.length > 1 },
    h('summary', {}, entry.legend.length > 0 ? `${es.layers.legend} (${entry.legend.length})` : es.layers.legend),
    entry.legend.length > 0
      ? h(
          'ul',
          { class: 'legend-items', 'aria-label': `${es.layers.legend}: ${entry.title}` },
          ...entry.legend.map((item) => h('li', {}, swatch(item), item.label)),
        )
      : null,
    entry.note ? h('p', { class: 'legend-note' }, entry.note) : null,
    entry.minZoom !== undefined && entry.minZoom > 8 ? h('p', { class: 'legend-note' }, es.layers.fromZoom(entry.minZoom)) : null,
  );
}

function layerRow(entry: LayerEntry, store: Store): { row: HTMLElement; renderLegend: () => void } {
  const checkboxId = uniqueId(`capa-${entry.id}`);
  const sliderId = uniqueId(`opacidad-${entry.id}`);
  const setting = (): LayerSetting => store.state.layers[entry.id] ?? { visible: entry.defaultVisible, opacity: entry.defaultOpacity };
  const update = (change: Partial<LayerSetting>) =>
    store.update((state) => ({ ...state, layers: { ...state.layers, [entry.id]: { ...setting(), ...change } } }));
  const checkbox = h('input', { type: 'checkbox', id: checkboxId, 'data-layer': entry.id });
  checkbox.addEventListener('change', () => update({ visible: checkbox.checked }));
  const output = h('output', { for: sliderId, class: 'opacity-value' });
  const slider = h('input', {
    type: 'range',
    id: sliderId,
    min: 0,
    max: 100,
    step: 5,
    'aria-label': es.layers.opacity(entry.title),
    title: es.layers.opacity(entry.title),
    'data-opacity': entry.id,
  });
  slider.addEventListener('input', () => update({ opacity: Number(slider.value) / 100 }));
  const symbol = h('span', { class: 'legend-slot' }, inlineSwatch(entry));
  const row = h(
    'li',
    { class: 'layer', 'data-layer-row': entry.id },
    h(
      'div',
      { class: 'layer-head' },
      checkbox,
      symbol,
      h('label', { for: checkboxId }, entry.title),
      h('span', { class: 'layer-opacity' }, slider, output),
    ),
    legend(entry),
  );
  const render = () => {
    const { visible, opacity } = setting();
    checkbox.checked = visible;
    slider.value = String(Math.round(opacity * 100));
    slider.disabled = !visible;
    output.textContent = es.layers.opacityValue(Math.round(opacity * 100));
    row.classList.toggle('layer-off', !visible);
  };
  render();
  store.subscribe((state, previous) => {
    if (state.layers[entry.id] !== previous.layers[entry.id]) render();
  });
  const renderLegend = () => {
    replaceChildren(symbol, inlineSwatch(entry));
    const fresh = legend(entry);
    const current = row.querySelector(':scope > .legend');
    if (current && fresh) current.replaceWith(fresh);
    else if (current) current.remove();
    else if (fresh) row.append(fresh);
  };
  return { row, renderLegend };
}

/**
 * The layers panel: for each group (plan, territory, context, base) its
 * layers with a visibility checkbox, an opacity slider and the legend.
 * Returns a function that redraws one layer's legend (the projects' legend
 * is named from the plan once it loads).
 */
export function mountLayersPanel(container: HTMLElement, entries: readonly LayerEntry[], store: Store): (id: string) => void {
  const legends = new Map<string, () => void>();
  const groups = [...new Set(entries.map((entry) => entry.group))];
  const headingId = uniqueId('capas-titulo');
  replaceChildren(
    container,
    h('h2', { id: headingId }, es.layers.title),
    ...groups.map((group) =>
      h(
        'section',
        { class: 'layer-group', 'aria-label': es.layers.groups[group] ?? group },
        h('h3', {}, es.layers.groups[group] ?? group),
        h(
          'ul',
          { class: 'layer-list' },
          ...entries
            .filter((entry) => entry.group === group)
            .map((entry) => {
              const { row, renderLegend } = layerRow(entry, store);
              legends.set(entry.id, renderLegend);
              return row;
            }),
        ),
      ),
    ),
  );
  container.setAttribute('aria-labelledby', headingId);
  return (id) => legends.get(id)?.();
}
