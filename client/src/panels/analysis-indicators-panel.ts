import type { Feature, Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { quantileClasses } from '../analysis/quantile-classes.ts';
import { rankUnits } from '../analysis/rank-units.ts';
import { formatNumber, formatPercent, unknownText } from '../../../server/figures/unknown.ts';
import { getAllFeatures, getJson } from '../api.ts';
import { es } from '../i18n/es.ts';
import { AnalysisChoroplethLayer, choroplethColors, noDataColor } from '../layers/analysis-choropleth-layer.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { barChart } from './analysis-charts.ts';
import { demoBanner } from './demo-banner.ts';
import { figuresTexts } from './figures-texts-es.ts';

type UnitKind = 'unidades_vecinales' | 'zonas_censales';

/** The part of /analysis/indicadores this panel shows. */
export interface UnitIndicators {
  codigo: string;
  nombre: string | null;
  poblacion: number | null;
  proyectos: number;
  patrimonio: number;
  ciclovia_existente_km: number;
  densidad_microbasurales_km2: number | null;
  proporcion_cerca_ciclovia: number | null;
  inversion_por_habitante: number | null;
  inversion_sin_dato: boolean;
  distancia_puente_m: number | null;
  /** Why an indicator of the unit is not computed (minimums of docs/cifras.md, unknown data). */
  sin_calcular: Record<string, string>;
}

/** The part of the answer around the units. */
interface IndicatorsAnswer {
  unidades: UnitIndicators[];
  incluye_demo: boolean;
  datos_demo: Record<string, number>;
}

/** The indicators a planner can map, rank and chart, and how each is read from a unit. */
const indicatorValue: Record<string, (unit: UnitIndicators) => number | null> = {
  proyectos: (unit) => unit.proyectos,
  inversion_por_habitante: (unit) => (unit.inversion_sin_dato ? null : unit.inversion_por_habitante),
  densidad_microbasurales_km2: (unit) => unit.densidad_microbasurales_km2,
  patrimonio: (unit) => unit.patrimonio,
  ciclovia_existente_km: (unit) => unit.ciclovia_existente_km,
  proporcion_cerca_ciclovia: (unit) => (unit.proporcion_cerca_ciclovia === null ? null : unit.proporcion_cerca_ciclovia * 100),
  distancia_puente_m: (unit) => unit.distancia_puente_m,
  poblacion: (unit) => unit.poblacion,
};
/** The code property of each unit layer in /collections (census zones use the INE geocode). */
const codeProperty: Record<UnitKind, string> = { unidades_vecinales: 'codigo', zonas_censales: 'geocodigo' };

const percent = (share: number | null) => formatPercent(share === null ? null : share * 100);
const number = (value: number) => formatNumber(value);
/** An unknown or withheld value: its reason when the server gave one, else «sin información». */
const missing = (unit: UnitIndicators, key: string) => {
  const reason = unit.sin_calcular[key];
  return reason ? figuresTexts.belowMinimum(reason) : unknownText;
};

/**
 * A sidebar panel with the indicators per unit computed by the server
 * (GET /analysis/indicadores): a ranked table, a bar chart and, with a map,
 * a choropleth of the chosen indicator; and their CSV export.
 */
export function mountAnalysisIndicatorsPanel(sidebar: HTMLElement, map?: MapLibreMap): void {
  const headingId = uniqueId('analisis');
  const unitId = uniqueId('analisis-unidad');
  const distanceId = uniqueId('analisis-distancia');
  const indicatorId = uniqueId('analisis-indicador');
  const mapId = uniqueId('analisis-mapa');
  const t = es.analysis;
  const unit = h(
    'select',
    { id: unitId },
    h('option', { value: 'unidades_vecinales' }, t.unidadesVecinales),
    h('option', { value: 'zonas_censales' }, t.zonasCensales),
  );
  const distance = h('input', { id: distanceId, type: 'number', min: 1, max: 5000, step: 50, value: 300 });
  const indicator = h(
    'select',
    { id: indicatorId, 'data-analisis-indicador': '' },
    ...Object.keys(indicatorValue).map((key) => h('option', { value: key }, t.indicators[key] ?? key)),
  );
  const onMap = h('input', { id: mapId, type: 'checkbox', checked: true });
  const officialId = uniqueId('analisis-oficial');
  const official = h('input', { id: officialId, type: 'checkbox', 'data-analisis-oficial': '' });
  const demoNote = h('div', {});
  const csv = h('a', { download: '', 'data-analisis-csv': '' }, t.downloadCsv);
  const status = h('p', { role: 'status' });
  // Inline style: the sidebar is narrow and styles.css belongs to the workbench; the table scrolls sideways.
  const table = h('div', { 'data-analisis-tabla': '', style: 'overflow-x: auto; font-size: 0.85em; max-height: 24rem' });
  const chart = h('div', { 'data-analisis-grafico': '' });
  const legend = h('div', { 'data-analisis-leyenda': '', style: 'font-size: 0.85em' });
  const choropleth = map ? new AnalysisChoroplethLayer(map) : null;
  const geometries = new Map<UnitKind, Promise<Feature<Geometry, Record<string, unknown>>[]>>();
  let units: UnitIndicators[] = [];
  let shownKind: UnitKind = 'unidades_vecinales';

  const geometriesOf = (kind: UnitKind) => {
    let found = geometries.get(kind);
    if (!found) {
      found = getAllFeatures<Feature<Geometry, Record<string, unknown>>>(`/collections/${kind}/items?limit=10000`);
      found.catch(() => geometries.delete(kind));
      geometries.set(kind, found);
    }
    return found;
  };

  const renderIndicator = async () => {
    const key = indicator.value;
    const value = indicatorValue[key] ?? indicatorValue.proyectos!;
    const name = t.indicators[key] ?? key;
    const ranked = rankUnits(units, value);
    replaceChildren(table, indicatorsTable(ranked, name, key));
    replaceChildren(
      chart,
      barChart(
        ranked.map((row) => ({ label: row.unit.nombre ?? row.unit.codigo, value: row.value })),
        { title: t.chartTitle(name), format: number, noData: unknownText },
      ),
    );
    const classes = quantileClasses(units.map(value), choroplethColors.length);
    replaceChildren(legend, legendView(classes.breaks, name));
    if (!choropleth) return;
    if (!onMap.checked) return choropleth.set(null);
    const colorOf = new Map(units.map((row, index) => [row.codigo, choroplethColors[classes.classOf[index]!] ?? noDataColor]));
    const features = await geometriesOf(shownKind);
    const property = codeProperty[shownKind];
    choropleth.set({
      type: 'FeatureCollection',
      features: features.map((feature) => {
        const codigo = String(feature.properties[property] ?? '');
        return { type: 'Feature', geometry: feature.geometry, properties: { codigo, color: colorOf.get(codigo) ?? noDataColor } };
      }),
    });
  };

  const query = () =>
    `unidad=${unit.value as UnitKind}&distancia_ciclovia=${encodeURIComponent(distance.value || '300')}${official.checked ? '&oficial=true' : ''}`;
  const compute = async () => {
    csv.setAttribute('href', `/analysis/indicadores?${query()}&f=csv`);
    status.textContent = t.computing;
    try {
      const body = await getJson<IndicatorsAnswer>(`/analysis/indicadores?${query()}`);
      units = body.unidades;
      replaceChildren(demoNote, body.incluye_demo ? demoBanner(body.datos_demo, 'data-analisis-demo') : null);
      shownKind = unit.value as UnitKind;
      status.textContent = '';
      await renderIndicator();
    } catch (error) {
      status.textContent = t.failed((error as Error).message);
    }
  };
  const rerender = () => void renderIndicator().catch((error: Error) => (status.textContent = t.failed(error.message)));
  indicator.addEventListener('change', rerender);
  onMap.addEventListener('change', rerender);

  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': headingId, 'data-analisis': '' },
    h('h2', { id: headingId }, t.title),
    h('label', { for: unitId }, t.unit),
    unit,
    h('label', { for: distanceId }, t.distance),
    distance,
    h('label', { for: officialId }, official, ` ${figuresTexts.indicatorsOfficial}`),
    h('button', { type: 'button', onclick: () => void compute() }, t.compute),
    csv,
    demoNote,
    h('label', { for: indicatorId }, t.indicator),
    indicator,
    map ? h('label', { for: mapId }, onMap, ` ${t.showOnMap}`) : null,
    status,
    legend,
    table,
    chart,
  );
  sidebar.append(section);
}

function legendView(breaks: readonly number[], name: string): HTMLElement {
  if (breaks.length === 0) return h('p', {});
  const items = breaks.map((bound, index) =>
    h(
      'li',
      {},
      h('span', { style: `display:inline-block;width:1em;height:1em;vertical-align:middle;background:${choroplethColors[index]}` }),
      ` ≤ ${number(bound)}`,
    ),
  );
  return h(
    'div',
    {},
    h('p', {}, es.analysis.legendTitle(name)),
    h(
      'ul',
      { style: 'list-style:none;padding:0;margin:0' },
      ...items,
      h(
        'li',
        {},
        h('span', { style: `display:inline-block;width:1em;height:1em;vertical-align:middle;background:${noDataColor}` }),
        ` ${unknownText}`,
      ),
    ),
  );
}

function indicatorsTable(ranked: ReturnType<typeof rankUnits<UnitIndicators>>, name: string, key: string): HTMLTableElement {
  const t = es.analysis;
  const header = h(
    'tr',
    {},
    ...[t.rank, t.columns.unit, name, t.columns.dumps, t.columns.cycle, t.columns.investment].map((text) =>
      h('th', { scope: 'col' }, text),
    ),
  );
  const rows = ranked.map(({ unit: row, value, rank }) =>
    h(
      'tr',
      { 'data-codigo': row.codigo },
      h('td', {}, rank === null ? '—' : String(rank)),
      h('th', { scope: 'row' }, row.nombre ?? row.codigo),
      h('td', {}, value === null ? missing(row, key) : number(value)),
      h(
        'td',
        {},
        row.densidad_microbasurales_km2 === null ? missing(row, 'densidad_microbasurales_km2') : number(row.densidad_microbasurales_km2),
      ),
      h(
        'td',
        {},
        row.proporcion_cerca_ciclovia === null ? missing(row, 'proporcion_cerca_ciclovia') : percent(row.proporcion_cerca_ciclovia),
      ),
      h('td', {}, row.inversion_por_habitante === null ? missing(row, 'inversion_por_habitante') : number(row.inversion_por_habitante)),
    ),
  );
  return h('table', { class: 'analysis-table' }, h('thead', {}, header), h('tbody', {}, ...rows));
}
