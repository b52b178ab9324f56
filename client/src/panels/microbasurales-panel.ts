import { getJson } from '../api.ts';
import { dumpStatusColors, setDumpsFilter } from '../layers/microbasurales-layer.ts';
import { dateField } from '../ui/date-field.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { buttonRow, field } from '../ui/form.ts';
import { demoBanner } from './demo-banner.ts';
import { figuresTexts } from './figures-texts-es.ts';
import { monthlyChart } from './microbasurales-chart.ts';
import type { MonthCounts } from './microbasurales-series.ts';
import { microbasuralesTexts as t } from './microbasurales-texts-es.ts';

/** The body of GET /microbasurales/resumen (server/routes/microbasurales). */
interface SummaryBody {
  incluye_demo: boolean;
  datos_demo: Record<string, number>;
  por_estado: Record<string, number>;
  serie_mensual: MonthCounts[];
  por_unidad: { codigo: string; nombre: string | null; activos: number; total: number }[];
  programa: {
    sitios_activos: number;
    m3_limpiados: number;
    sitios_cerrados: number;
    tasa_reincidencia: number | null;
    limpiados_sin_fecha: number;
    cerrados_sin_fecha: number;
  };
}

/** The marked banner of figures that include demo sites, or nothing. */
function demoNote(body: SummaryBody): HTMLElement | null {
  return body.incluye_demo ? demoBanner(body.datos_demo, 'data-microbasurales-demo') : null;
}

/** How many cleaned or closed sites the monthly series cannot show for lack of a date, or nothing. */
function undatedNote(body: SummaryBody): HTMLElement | null {
  const undated = Math.max(body.programa.limpiados_sin_fecha, body.programa.cerrados_sin_fecha);
  if (undated === 0) return null;
  return h('p', { class: 'legend-note', 'data-sin-fecha': String(undated) }, figuresTexts.dumpsWithoutDate(undated));
}

const number = (value: number) => value.toLocaleString('es-CL', { maximumFractionDigits: 1 });
const percent = (rate: number) => `${(rate * 100).toLocaleString('es-CL', { maximumFractionDigits: 1 })} %`;

function figures(body: SummaryBody): HTMLElement {
  const { programa } = body;
  const item = (key: string, label: string, value: string) =>
    h('div', { 'data-cifra': key }, h('dt', {}, label), h('dd', { style: 'margin:0;font-size:1.3em;font-weight:600' }, value));
  return h(
    'dl',
    { 'data-programa': '', style: 'display:grid;grid-template-columns:1fr 1fr;gap:4px 10px;margin:4px 0' },
    item('sitios_activos', t.activeSites, number(programa.sitios_activos)),
    item('m3_limpiados', t.cleanedVolume, number(programa.m3_limpiados)),
    item('sitios_cerrados', t.closedSites, number(programa.sitios_cerrados)),
    item('tasa_reincidencia', t.reincidence, programa.tasa_reincidencia === null ? t.noRate : percent(programa.tasa_reincidencia)),
  );
}

function statusCounts(body: SummaryBody): HTMLElement {
  return h(
    'ul',
    { 'data-por-estado': '', style: 'list-style:none;padding:0;margin:0;display:grid;grid-template-columns:1fr 1fr;gap:2px 10px' },
    ...Object.keys(dumpStatusColors).map((estado) =>
      h(
        'li',
        { 'data-estado': estado, 'data-conteo': String(body.por_estado[estado] ?? 0) },
        h('i', {
          style: `display:inline-block;width:9px;height:9px;transform:rotate(45deg);margin-right:6px;background:${dumpStatusColors[estado]};border:1px solid #333`,
        }),
        `${t.statuses[estado] ?? estado}: `,
        h('strong', {}, String(body.por_estado[estado] ?? 0)),
      ),
    ),
  );
}

function unitsTable(body: SummaryBody): HTMLElement {
  const units = body.por_unidad.filter((unit) => unit.total > 0);
  if (units.length === 0) return h('p', { class: 'legend-note' }, t.noUnits);
  return h(
    'table',
    { 'data-por-unidad': '', class: 'data-table' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, t.unit),
        h('th', { scope: 'col', class: 'cell-number' }, t.active),
        h('th', { scope: 'col', class: 'cell-number' }, t.total),
      ),
    ),
    h(
      'tbody',
      {},
      ...units.map((unit) =>
        h(
          'tr',
          { 'data-unidad': unit.codigo },
          h('td', { class: 'cell-name', title: unit.nombre ?? unit.codigo }, unit.nombre ?? unit.codigo),
          h('td', { class: 'cell-number' }, String(unit.activos)),
          h('td', { class: 'cell-number' }, String(unit.total)),
        ),
      ),
    ),
  );
}

/**
 * The micro-dumps panel of the workbench (GET /microbasurales/resumen):
 * the programme's progress (active sites, m³ cleaned, closed sites,
 * reincidence), sites by status, a monthly series and counts per
 * neighbourhood unit, filtered by status and by date of first report. The
 * map's micro-dumps layer (coloured by status) follows the same filter;
 * `redraw` repaints the map after a change.
 */
export function mountMicrobasuralesPanel(sidebar: HTMLElement, redraw: () => void): { refresh(): Promise<void> } {
  const ids = { heading: uniqueId('microbasurales'), status: uniqueId('mb-estado'), from: uniqueId('mb-desde'), to: uniqueId('mb-hasta') };
  const status = h(
    'select',
    { id: ids.status },
    h('option', { value: '' }, t.all),
    ...Object.keys(dumpStatusColors).map((estado) => h('option', { value: estado }, t.statuses[estado] ?? estado)),
  );
  const from = dateField({ id: ids.from, name: 'desde' });
  const to = dateField({ id: ids.to, name: 'hasta' });
  const message = h('p', { role: 'status' });
  const result = h('div', { 'data-microbasurales-resumen': '' });

  const refresh = async () => {
    if (!from.check() || !to.check()) return;
    const desde = from.value();
    const hasta = to.value();
    if (desde && hasta && desde > hasta) {
      message.textContent = t.badRange;
      return;
    }
    const query = new URLSearchParams();
    if (status.value) query.set('estado', status.value);
    if (desde) query.set('desde', desde);
    if (hasta) query.set('hasta', hasta);
    message.textContent = t.loading;
    try {
      const body = await getJson<SummaryBody>(`/microbasurales/resumen${query.size > 0 ? `?${query.toString()}` : ''}`);
      message.textContent = '';
      setDumpsFilter({ estado: status.value || null, desde: desde || null, hasta: hasta || null });
      redraw();
      replaceChildren(
        result,
        demoNote(body),
        h('h3', {}, t.programme),
        figures(body),
        h('h3', {}, t.byStatus),
        statusCounts(body),
        h('h3', {}, t.monthly),
        body.serie_mensual.length > 0
          ? monthlyChart(body.serie_mensual, { title: t.monthlyTitle, labels: t.series })
          : h('p', { class: 'legend-note' }, t.noMonths),
        undatedNote(body),
        h('h3', {}, t.byUnit),
        unitsTable(body),
      );
      result.dataset.cargado = query.toString() || 'todo';
    } catch (error) {
      message.textContent = t.failed((error as Error).message);
    }
  };

  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': ids.heading, 'data-panel-microbasurales': '' },
    h('h2', { id: ids.heading }, t.title),
    h('p', { class: 'legend-note' }, t.intro, ' ', t.mapFollows, ' ', h('a', { href: '/campo' }, t.fieldApp)),
    field(t.status, status),
    h(
      'div',
      { class: 'field-grid' },
      h('div', { class: 'field' }, h('label', { for: ids.from }, t.from), from.element),
      h('div', { class: 'field' }, h('label', { for: ids.to }, t.to), to.element),
    ),
    buttonRow(h('button', { type: 'button', onclick: () => void refresh() }, t.apply)),
    message,
    result,
  );
  sidebar.append(section);
  void refresh();
  return { refresh };
}
