import { getJson } from '../api.ts';
import { es } from '../i18n/es.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';

type UnitKind = 'unidades_vecinales' | 'zonas_censales';

/** The part of /analysis/indicadores this panel shows. */
interface UnitIndicators {
  codigo: string;
  nombre: string | null;
  densidad_microbasurales_km2: number;
  proporcion_cerca_ciclovia: number | null;
  inversion_por_habitante: number | null;
  inversion_sin_dato: boolean;
  proyectos: number;
}

const percent = (share: number | null) =>
  share === null ? '—' : `${(share * 100).toLocaleString('es-CL', { maximumFractionDigits: 1 })} %`;
const number = (value: number) => value.toLocaleString('es-CL', { maximumFractionDigits: 1 });

/**
 * A sidebar panel with the indicators per unit computed by the server
 * (GET /analysis/indicadores) as a table, and their CSV export. It appends
 * its own section to `sidebar` and reads nothing from the map.
 */
export function mountAnalysisIndicatorsPanel(sidebar: HTMLElement): void {
  const headingId = uniqueId('analisis');
  const unitId = uniqueId('analisis-unidad');
  const distanceId = uniqueId('analisis-distancia');
  const unit = h(
    'select',
    { id: unitId },
    h('option', { value: 'unidades_vecinales' }, es.analysis.unidadesVecinales),
    h('option', { value: 'zonas_censales' }, es.analysis.zonasCensales),
  );
  const distance = h('input', { id: distanceId, type: 'number', min: 1, max: 5000, step: 50, value: 300 });
  const csv = h('a', { download: '', 'data-analisis-csv': '' }, es.analysis.downloadCsv);
  const status = h('p', { role: 'status' });
  // Inline style: the sidebar is narrow and styles.css belongs to the workbench; the table scrolls sideways.
  const table = h('div', { 'data-analisis-tabla': '', style: 'overflow-x: auto; font-size: 0.85em; max-height: 24rem' });
  const query = () => `unidad=${unit.value as UnitKind}&distancia_ciclovia=${encodeURIComponent(distance.value || '300')}`;
  const compute = async () => {
    csv.setAttribute('href', `/analysis/indicadores?${query()}&f=csv`);
    status.textContent = es.analysis.computing;
    try {
      const body = await getJson<{ unidades: UnitIndicators[] }>(`/analysis/indicadores?${query()}`);
      status.textContent = '';
      replaceChildren(table, indicatorsTable(body.unidades));
    } catch (error) {
      status.textContent = es.analysis.failed((error as Error).message);
    }
  };
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': headingId, 'data-analisis': '' },
    h('h2', { id: headingId }, es.analysis.title),
    h('label', { for: unitId }, es.analysis.unit),
    unit,
    h('label', { for: distanceId }, es.analysis.distance),
    distance,
    h('button', { type: 'button', onclick: () => void compute() }, es.analysis.compute),
    csv,
    status,
    table,
  );
  sidebar.append(section);
}

function indicatorsTable(units: readonly UnitIndicators[]): HTMLTableElement {
  const header = h(
    'tr',
    {},
    ...[es.analysis.columns.unit, es.analysis.columns.dumps, es.analysis.columns.cycle, es.analysis.columns.investment].map((text) =>
      h('th', { scope: 'col' }, text),
    ),
  );
  const rows = units.map((row) =>
    h(
      'tr',
      {},
      h('th', { scope: 'row' }, row.nombre ?? row.codigo),
      h('td', {}, number(row.densidad_microbasurales_km2)),
      h('td', {}, percent(row.proporcion_cerca_ciclovia)),
      h(
        'td',
        {},
        row.inversion_sin_dato || row.inversion_por_habitante === null ? es.analysis.noData : number(row.inversion_por_habitante),
      ),
    ),
  );
  return h('table', { class: 'analysis-table' }, h('thead', {}, header), h('tbody', {}, ...rows));
}
