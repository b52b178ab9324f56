import { es } from '../i18n/es.ts';
import { lineamientoColor } from '../map/colors.ts';
import { facetCounts, type Facet } from '../plan/facet-counts.ts';
import type { PlanTreeBody } from '../plan/plan-tree.ts';
import { descendantsAt, nodesAt } from '../plan/plan-tree.ts';
import type { ProjectFeature } from '../plan/project.ts';
import { defaultFilters, planYears, type ProjectFilters } from '../state/app-state.ts';
import type { Store } from '../state/store.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';

const shorten = (text: string, length = 70) => (text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text);

interface Option {
  value: string;
  label: string;
  title?: string;
}

export interface FiltersPanelProps {
  store: Store;
  tree: PlanTreeBody;
  /** Every project of the plan (located or not). */
  projects: () => readonly ProjectFeature[];
  /** The projects passing the filters. */
  filtered: () => readonly ProjectFeature[];
  onChooseProject: (codigo: string) => void;
}

/** A labelled select whose options are refreshed in place (so focus and keyboard position survive). */
function selectField(label: string, onChange: (value: string | null) => void) {
  const id = uniqueId('filtro');
  const select = h('select', { id });
  select.addEventListener('change', () => onChange(select.value === '' ? null : select.value));
  const field = h('div', { class: 'field' }, h('label', { for: id }, label), select);
  const render = (anyLabel: string, options: Option[], value: string | null, emptyNote: string | null) => {
    select.replaceChildren(
      h('option', { value: '' }, anyLabel),
      ...options.map((option) => h('option', { value: option.value, title: option.title ?? option.label }, option.label)),
    );
    select.value = value ?? '';
    select.disabled = options.length === 0;
    select.title = emptyNote && options.length === 0 ? emptyNote : '';
    const first = select.options[0];
    if (first && emptyNote && options.length === 0) first.textContent = emptyNote;
  };
  return { field, select, render };
}

/**
 * What the PLADECO says of itself beyond the item names: each lineamiento's
 * definition and the ten ejes transversales that cross them all.
 */
function planTexts(tree: PlanTreeBody): HTMLElement {
  return h(
    'details',
    { class: 'plan-texts', 'data-textos-plan': '' },
    h('summary', {}, es.filters.planTexts),
    h('h3', {}, es.filters.definitions),
    h(
      'dl',
      { class: 'plan-definitions' },
      ...nodesAt(tree, 'lineamiento').flatMap((node) => [
        h('dt', {}, `${node.codigo} · ${node.nombre}`),
        h('dd', { 'data-definicion': node.codigo }, node.definicion ?? es.filters.noDefinition),
      ]),
    ),
    h('h3', {}, es.filters.crossCutting(tree.ejesTransversales.length)),
    h(
      'dl',
      { class: 'plan-axes', 'data-ejes-transversales': '' },
      ...tree.ejesTransversales.flatMap((eje) => [h('dt', {}, eje.nombre), h('dd', {}, eje.descripcion)]),
    ),
    h('p', { class: 'legend-note' }, tree.notas.tipo),
  );
}

/**
 * The filter panel: lineage (lineamiento → objetivo → plan → programa, each
 * narrowed by the one above), status, funding source, responsible unit and
 * a 2022–2029 year range, with counts that follow the filters and the list
 * of matching projects.
 */
export function mountFiltersPanel(container: HTMLElement, props: FiltersPanelProps): () => void {
  const { store, tree } = props;
  const setFilters = (change: Partial<ProjectFilters>) => store.update((state) => ({ ...state, filters: { ...state.filters, ...change } }));

  // Choosing a level clears the levels below it that no longer belong to it.
  const lineage = (level: 'lineamiento' | 'objetivo' | 'plan' | 'programa', value: string | null) => {
    const below = { lineamiento: ['objetivo', 'plan', 'programa'], objetivo: ['plan', 'programa'], plan: ['programa'], programa: [] }[
      level
    ];
    const change: Partial<ProjectFilters> = { [level]: value };
    for (const key of below as ('objetivo' | 'plan' | 'programa')[]) {
      const current = store.state.filters[key];
      if (current && value && !current.startsWith(`${value}.`)) change[key] = null;
    }
    setFilters(change);
  };

  const fields: Record<Facet, ReturnType<typeof selectField>> = {
    lineamiento: selectField(es.filters.lineamiento, (value) => lineage('lineamiento', value)),
    objetivo: selectField(es.filters.objetivo, (value) => lineage('objetivo', value)),
    plan: selectField(es.filters.plan, (value) => lineage('plan', value)),
    programa: selectField(es.filters.programa, (value) => lineage('programa', value)),
    estado: selectField(es.filters.estado, (value) => setFilters({ estado: value })),
    fuente: selectField(es.filters.fuente, (value) => setFilters({ fuente: value })),
    unidad: selectField(es.filters.unidad, (value) => setFilters({ unidad: value })),
  };

  const yearInput = (label: string, key: 'desde' | 'hasta') => {
    const id = uniqueId(`anio-${key}`);
    const input = h('input', { id, type: 'number', min: planYears.desde, max: planYears.hasta, step: 1, inputmode: 'numeric' });
    input.addEventListener('change', () => {
      const value = Math.min(Math.max(Math.round(Number(input.value) || planYears[key]), planYears.desde), planYears.hasta);
      const { desde, hasta } = store.state.filters;
      const [first, last] = key === 'desde' ? [value, hasta] : [desde, value];
      setFilters({ desde: Math.min(first, last), hasta: Math.max(first, last) });
    });
    return { input, field: h('div', { class: 'field field-year' }, h('label', { for: id }, label), input) };
  };
  const from = yearInput(es.filters.from, 'desde');
  const to = yearInput(es.filters.to, 'hasta');
  const withoutYearsId = uniqueId('sin-anio');
  const withoutYears = h('input', { type: 'checkbox', id: withoutYearsId });
  withoutYears.addEventListener('change', () => setFilters({ sinAnio: withoutYears.checked }));
  const clear = h('button', { type: 'button', class: 'secondary', 'data-action': 'limpiar-filtros' }, es.filters.clear);
  clear.addEventListener('click', () => setFilters({ ...defaultFilters }));

  const counts = h('p', { class: 'counts', role: 'status', 'aria-live': 'polite', 'data-counts': '' });
  const byLineamiento = h('ul', { class: 'by-lineamiento', 'aria-label': es.filters.byLineamiento });
  const listSummary = h('summary', {});
  const list = h('ul', { class: 'project-list' });
  const headingId = uniqueId('filtros-titulo');
  replaceChildren(
    container,
    h('h2', { id: headingId }, es.filters.title),
    counts,
    ...(['lineamiento', 'objetivo', 'plan', 'programa', 'estado', 'fuente', 'unidad'] as Facet[]).map((facet) => fields[facet].field),
    h(
      'fieldset',
      { class: 'years' },
      h('legend', {}, es.filters.years),
      h('div', { class: 'year-row' }, from.field, to.field),
      h('div', { class: 'check' }, withoutYears, h('label', { for: withoutYearsId }, es.filters.withoutYears)),
    ),
    clear,
    byLineamiento,
    h('details', { class: 'project-details' }, listSummary, h('p', { class: 'legend-note' }, es.filters.unlocatedHint), list),
    planTexts(tree),
  );
  container.setAttribute('aria-labelledby', headingId);

  const render = () => {
    const filters = store.state.filters;
    const all = props.projects();
    const shown = props.filtered();
    const facetsCount = facetCounts(all, filters);
    const option = (facet: Facet, codigo: string, nombre: string): Option => ({
      value: codigo,
      label: es.filters.optionCount(shorten(`${codigo} · ${nombre}`), facetsCount[facet].get(codigo) ?? 0),
      title: `${codigo} · ${nombre}`,
    });
    fields.lineamiento.render(
      es.filters.any,
      nodesAt(tree, 'lineamiento').map((node) => option('lineamiento', node.codigo, node.nombre)),
      filters.lineamiento,
      null,
    );
    const scope = (level: 'objetivo' | 'plan' | 'programa', parent: string | null) =>
      descendantsAt(tree, level, parent).map((node) => option(level, node.codigo, node.nombre));
    fields.objetivo.render(es.filters.any, scope('objetivo', filters.lineamiento), filters.objetivo, null);
    fields.plan.render(es.filters.any, scope('plan', filters.objetivo ?? filters.lineamiento), filters.plan, null);
    fields.programa.render(
      es.filters.any,
      scope('programa', filters.plan ?? filters.objetivo ?? filters.lineamiento),
      filters.programa,
      null,
    );
    const plain = (facet: Facet, values: readonly string[]): Option[] =>
      values.map((value) => ({ value, label: es.filters.optionCount(value, facetsCount[facet].get(value) ?? 0) }));
    fields.estado.render(es.filters.any, plain('estado', tree.filtros.estados), filters.estado, es.filters.noneRecorded);
    fields.fuente.render(
      es.filters.anyFemale,
      plain('fuente', tree.filtros.fuentesFinanciamiento),
      filters.fuente,
      es.filters.noneRecorded,
    );
    fields.unidad.render(es.filters.anyFemale, plain('unidad', tree.filtros.unidadesResponsables), filters.unidad, es.filters.noneRecorded);
    from.input.value = String(filters.desde);
    to.input.value = String(filters.hasta);
    withoutYears.checked = filters.sinAnio;

    const located = shown.filter((project) => project.geometry !== null).length;
    counts.textContent = `${es.filters.count(shown.length, all.length)} · ${es.filters.located(located)}`;
    counts.dataset.shown = String(shown.length);
    counts.dataset.located = String(located);
    replaceChildren(
      byLineamiento,
      ...nodesAt(tree, 'lineamiento').map((node) => {
        const count = shown.filter((project) => project.properties.lineamiento_codigo === node.codigo).length;
        return h(
          'li',
          { title: node.nombre },
          h('span', { class: 'swatch swatch-point', style: `--swatch: ${lineamientoColor(node.codigo)}`, 'aria-hidden': 'true' }),
          h('span', { class: 'lineamiento-code' }, node.codigo),
          h('span', { class: 'bar', style: `--share: ${all.length ? count / all.length : 0}`, 'aria-hidden': 'true' }),
          h('span', { class: 'lineamiento-count' }, String(count)),
        );
      }),
    );
    listSummary.textContent = es.filters.showList(shown.length);
    replaceChildren(
      list,
      ...shown.slice(0, 500).map((project) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-project': project.properties.codigo,
              onclick: () => props.onChooseProject(project.properties.codigo),
            },
            h('span', { class: 'code' }, project.properties.codigo),
            ` ${shorten(project.properties.nombre, 90)}`,
            project.geometry === null ? h('span', { class: 'badge' }, es.search.unlocated) : null,
          ),
        ),
      ),
    );
  };
  render();
  return render;
}
