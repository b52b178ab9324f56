import type { ProjectCardBody } from '../../../server/routes/plan/schemas.ts';
import { getJson } from '../api.ts';
import { can, onSessionChange, refreshSession } from '../auth/session.ts';
import { es } from '../i18n/es.ts';
import { formatClp } from '../i18n/format.ts';
import { lineamientoColor } from '../map/colors.ts';
import { precisionLabel, precisionMark, precisionSentence } from '../map/precision-label.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { trackingForms } from './tracking-forms.ts';

export type { ProjectCardBody };

export interface ProjectCardProps {
  onClose: () => void;
  onZoom: (bbox: [number, number, number, number]) => void;
  onZoomUnit: (codigo: string) => void;
}

const money = (value: number | null) => (value === null ? '—' : formatClp(value));

/**
 * The note on where the project is drawn: one paragraph, or a list with one
 * item per location when the note has one line per location (a project
 * placed at several spots, such as the four bridges).
 */
function locationNotes(note: string | null): HTMLElement | null {
  const lines = (note ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return null;
  if (lines.length === 1) return h('span', { class: 'legend-note block' }, lines[0]);
  return h('ul', { class: 'legend-note location-notes', 'data-notas-ubicacion': '' }, ...lines.map((line) => h('li', {}, line)));
}

function row(term: string, ...description: (Node | string | null)[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...description)];
}

function lineage(card: ProjectCardBody): HTMLElement {
  return h(
    'ol',
    { class: 'lineage', 'aria-label': es.card.lineage },
    ...card.linaje.map((step) =>
      h(
        'li',
        { class: `lineage-${step.nivel}`, 'data-nivel': step.nivel, 'data-codigo': step.codigo },
        h('span', { class: 'lineage-level' }, `${es.card.levels[step.nivel] ?? step.nivel} ${step.codigo}`),
        h('span', { class: 'lineage-name' }, step.nombre),
        // What the Tomo II says of the step beyond its name: a lineamiento's definition, an objective's
        // second paragraph, a programme's note.
        ...[step.definicion, step.descripcion, step.nota]
          .filter((text): text is string => Boolean(text))
          .map((text) => h('span', { class: 'lineage-text legend-note block', 'data-texto-pladeco': '' }, text)),
      ),
    ),
  );
}

function budget(card: ProjectCardBody): (Node | string)[] {
  const { presupuesto } = card;
  if (
    presupuesto.estimado === null &&
    presupuesto.aprobado === null &&
    presupuesto.ejecutado === null &&
    presupuesto.porAnio.length === 0
  ) {
    return [h('span', { class: 'missing', 'data-sin-presupuesto': '' }, es.card.noBudget)];
  }
  const totals = h(
    'ul',
    { class: 'budget-totals' },
    h('li', {}, `${es.card.estimated}: ${money(presupuesto.estimado)}`),
    h('li', {}, `${es.card.approved}: ${money(presupuesto.aprobado)}`),
    h('li', {}, `${es.card.executed}: ${money(presupuesto.ejecutado)}`),
  );
  if (presupuesto.porAnio.length === 0) return [totals];
  const table = h(
    'table',
    { class: 'budget-years' },
    h('caption', {}, es.card.byYear),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        ...[es.card.year, es.card.source, es.card.estimated, es.card.approved, es.card.executed].map((title) =>
          h('th', { scope: 'col' }, title),
        ),
      ),
    ),
    h(
      'tbody',
      {},
      ...presupuesto.porAnio.map((line) =>
        h(
          'tr',
          {},
          h('td', {}, String(line.anio)),
          h('td', {}, line.fuente),
          h('td', {}, money(line.estimado)),
          h('td', {}, money(line.aprobado)),
          h('td', {}, money(line.ejecutado)),
        ),
      ),
    ),
  );
  return [totals, table];
}

/**
 * How exact the drawn location is: the level's name and what it means; an
 * illustrative or demonstration position carries a visible warning.
 */
function precisionFacts(level: string): (Node | string)[] {
  const label = precisionLabel(level);
  return [
    label.marked
      ? h('span', { class: 'badge', 'data-precision': label.level }, `${precisionMark} ${label.etiqueta}`)
      : h('strong', { 'data-precision': label.level }, label.etiqueta),
    h('span', { class: 'legend-note block' }, label.descripcion),
  ];
}

/** A note under the units when their boundaries are not to be measured (the census stand-ins). */
function unitsPrecision(card: ProjectCardBody): HTMLElement[] {
  const levels = [...new Set(card.unidadesVecinales.map((unit) => unit.precision))];
  return levels
    .filter((level) => precisionLabel(level).marked)
    .map((level) =>
      h('span', { class: 'legend-note block', 'data-precision-unidades': level }, `${es.card.unitsBoundary}: ${precisionSentence(level)}`),
    );
}

function units(card: ProjectCardBody, onZoomUnit: (codigo: string) => void): (Node | string)[] {
  if (!card.ubicado) return [h('span', { class: 'missing' }, card.notaUnidadesVecinales ?? es.card.unlocated)];
  if (card.unidadesVecinales.length === 0) return [es.card.noUnits];
  return [
    h(
      'ul',
      { class: 'card-units', 'data-unidades': '' },
      ...card.unidadesVecinales.map((unit) =>
        h(
          'li',
          {},
          h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              'data-unidad': unit.codigo,
              'aria-label': es.card.zoomToUnit(unit.nombre),
              onclick: () => onZoomUnit(unit.codigo),
            },
            `${unit.nombre} (${unit.codigo}, ${unit.area})`,
          ),
        ),
      ),
    ),
    ...unitsPrecision(card),
  ];
}

/** Funding and years the plan's own text names, apart from what SECPLA records, with the note saying so. */
function mentioned(card: ProjectCardBody): HTMLElement[] {
  const { fuentes, anios, nota } = card.mencionadoEnPladeco;
  if (fuentes.length === 0 && anios.length === 0) return [];
  const parts = [...fuentes, ...(anios.length > 0 ? [es.card.mentionedYears(anios)] : [])];
  return row(
    es.card.mentioned,
    h('span', { 'data-mencionado-pladeco': '' }, parts.join('; ')),
    h('span', { class: 'legend-note block' }, nota),
  );
}

function years(card: ProjectCardBody): string {
  if (card.anioInicio === null && card.anioFin === null) return es.card.noYears;
  return `${card.anioInicio ?? '…'}–${card.anioFin ?? '…'}`;
}

/**
 * The project card: the whole lineage (Lineamiento → Objetivo → Plan →
 * Programa → Proyecto), status, budget, funding, the neighbourhood units it
 * touches and a link to its item in the API. A dialog-like region that Esc
 * and the close button dismiss.
 */
export function mountProjectCard(container: HTMLElement, props: ProjectCardProps) {
  const titleId = uniqueId('ficha-titulo');
  container.setAttribute('role', 'region');
  container.setAttribute('aria-labelledby', titleId);
  container.hidden = true;
  let request = 0;
  let shown: string | null = null;
  let lastCard: ProjectCardBody | null = null;
  // The result of the last tracking write, shown once after the card reloads.
  let flash: string | null = null;

  const close = h(
    'button',
    { type: 'button', class: 'card-close', 'aria-label': es.card.close, title: es.card.closeHint, onclick: () => props.onClose() },
    '×',
  );

  const render = (card: ProjectCardBody) => {
    const bbox = card.bbox;
    lastCard = card;
    const saved = flash;
    flash = null;
    replaceChildren(
      container,
      h(
        'header',
        { class: 'card-header', style: `--lineamiento: ${lineamientoColor(card.linaje[0]?.codigo ?? '')}` },
        h('p', { class: 'card-kind', title: card.notaTipo }, `${es.card.tipo[card.tipo ?? ''] ?? es.card.label} · ${card.codigo}`),
        h('h2', { id: titleId, tabindex: '-1' }, card.nombre),
        close,
      ),
      card.descripcion ? h('p', { class: 'card-description' }, card.descripcion) : null,
      h('h3', {}, es.card.lineage),
      lineage(card),
      card.notaLinaje ? h('p', { class: 'legend-note' }, card.notaLinaje) : null,
      h(
        'dl',
        { class: 'card-facts' },
        ...row(
          es.card.kind,
          es.card.tipo[card.tipo ?? ''] ?? '—',
          h('span', { class: 'legend-note block', 'data-nota-tipo': '' }, card.notaTipo),
        ),
        ...row(es.card.status, card.estado ?? h('span', { class: 'missing' }, es.card.noStatus)),
        ...row(es.card.budget, ...budget(card)),
        ...row(
          es.card.funding,
          card.fuentesFinanciamiento.length > 0
            ? card.fuentesFinanciamiento.join(', ')
            : h('span', { class: 'missing' }, es.card.noFunding),
        ),
        ...mentioned(card),
        ...row(es.card.unit, card.unidadResponsable ?? h('span', { class: 'missing' }, es.card.noUnit)),
        ...row(es.card.years, years(card)),
        ...(card.avanceFisico !== null
          ? row(es.card.progress, `${card.avanceFisico.toLocaleString('es-CL', { maximumFractionDigits: 1 })} %`)
          : []),
        ...row(es.card.units, ...units(card, props.onZoomUnit)),
        ...row(
          es.card.location,
          ...(card.ubicado ? precisionFacts(card.precision) : [h('span', { class: 'missing' }, es.card.unlocated)]),
          locationNotes(card.ubicacionNota),
        ),
        ...row(es.card.provenance, card.fuente),
      ),
      h(
        'div',
        { class: 'card-actions' },
        bbox
          ? h('button', { type: 'button', onclick: () => props.onZoom(bbox as [number, number, number, number]) }, es.card.zoomTo)
          : null,
        h('a', { href: card.enlaces.elemento, class: 'api-link', 'data-api-link': '', target: '_blank', rel: 'noopener' }, es.card.apiLink),
      ),
      saved ? h('p', { role: 'status', class: 'legend-note', 'data-tracking-saved': '' }, saved) : null,
      can('planificador')
        ? trackingForms(card.codigo, (message) => {
            flash = message;
            void api.show(card.codigo);
          })
        : null,
    );
  };

  // Signing in or out shows or hides the tracking forms of the open card.
  onSessionChange(() => {
    if (lastCard && shown === lastCard.codigo && container.dataset.loaded) render(lastCard);
  });
  void refreshSession().catch(() => undefined);

  const api = {
    /** Opens the card of a project and resolves with its data (null if it failed or another was asked for meanwhile). */
    async show(codigo: string, focus = false): Promise<ProjectCardBody | null> {
      const current = ++request;
      shown = codigo;
      container.hidden = false;
      container.dataset.codigo = codigo;
      delete container.dataset.loaded;
      replaceChildren(container, h('p', { class: 'card-loading', role: 'status' }, es.card.loading));
      try {
        const card = await getJson<ProjectCardBody>(`/plan/proyectos/${encodeURIComponent(codigo)}`);
        if (current !== request) return null;
        render(card);
        container.dataset.loaded = 'true';
        if (focus) container.querySelector<HTMLElement>(`#${titleId}`)?.focus();
        return card;
      } catch (error) {
        if (current !== request) return null;
        replaceChildren(container, h('p', { role: 'alert' }, es.card.failed((error as Error).message)), close);
        return null;
      }
    },
    hide() {
      request += 1;
      shown = null;
      lastCard = null;
      container.hidden = true;
      delete container.dataset.codigo;
      delete container.dataset.loaded;
      container.replaceChildren();
    },
    get codigo() {
      return shown;
    },
  };
  return api;
}
