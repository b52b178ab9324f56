import { bbox as turfBbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { quantileClasses, type QuantileClasses } from '../analysis/quantile-classes.ts';
import { rankUnits } from '../analysis/rank-units.ts';
import { formatNumber, unknownText } from '../../../server/figures/unknown.ts';
import { getAllFeatures, getJson } from '../api.ts';
import { es } from '../i18n/es.ts';
import { AnalysisChoroplethLayer, choroplethColors, noDataColor } from '../layers/analysis-choropleth-layer.ts';
import { fitBbox } from '../map/fit.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { buttonRow, checkField, field } from '../ui/form.ts';
import { barChart } from './analysis-charts.ts';
import { demoBanner } from './demo-banner.ts';
import { figuresTexts } from './figures-texts-es.ts';

type UnitKind = 'unidades_vecinales' | 'zonas_censales';

/** The part of /analysis/indicadores this panel shows. */
export interface UnitIndicators {
  codigo: string;
  nombre: string | null;
  area_km2: number;
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

const number = (value: number) => formatNumber(value);
/** An unknown or withheld value: its reason when the server gave one, else «sin información». */
const missing = (unit: UnitIndicators, key: string) => {
  const reason = unit.sin_calcular[key];
  return reason ? figuresTexts.belowMinimum(reason) : unknownText;
};

/** Inhabitants per km² from which a unit is read as urban (Vallenar's rural districts have well under 10). */
const urbanDensity = 100;
const isUrban = (unit: UnitIndicators) => unit.poblacion !== null && unit.area_km2 > 0 && unit.poblacion / unit.area_km2 >= urbanDensity;

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
  const csv = h('a', { download: '', 'data-analisis-csv': '', class: 'button-link' }, t.downloadCsv);
  csv.hidden = true;
  const status = h('p', { role: 'status' });
  const table = h('div', { 'data-analisis-tabla': '', class: 'table-box' });
  const chart = h('div', { 'data-analisis-grafico': '' });
  const legend = h('div', { 'data-analisis-leyenda': '', class: 'choropleth-legend' });
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
    replaceChildren(table, indicatorsTable(ranked, name, key), h('p', { class: 'legend-note' }, t.tableNote));
    replaceChildren(
      chart,
      barChart(
        ranked.map((row) => ({ label: row.unit.nombre ?? row.unit.codigo, value: row.value })),
        { title: t.chartTitle(name), format: number, noData: unknownText },
      ),
    );
    const values = units.map(value);
    const classes = quantileClasses(values, choroplethColors.length);
    replaceChildren(legend, legendView(values, classes, key));
    if (!choropleth) return;
    if (!onMap.checked) return choropleth.set(null);
    const colorOf = new Map(units.map((row, index) => [row.codigo, choroplethColors[classes.classOf[index]!] ?? noDataColor]));
    const features = await geometriesOf(shownKind);
    const property = codeProperty[shownKind];
    const painted = {
      type: 'FeatureCollection' as const,
      features: features.map((feature) => {
        const codigo = String(feature.properties[property] ?? '');
        return {
          type: 'Feature' as const,
          geometry: feature.geometry,
          properties: { codigo, color: colorOf.get(codigo) ?? noDataColor },
        };
      }),
    };
    choropleth.set(painted);
    // The map goes to the units computed, once per calculation: to the urban ones when there are (a rural
    // district is hundreds of km² and would shrink the 13 urban units to a few pixels).
    if (map && fitPending && painted.features.length > 0) {
      fitPending = false;
      const urban = new Set(units.filter(isUrban).map((row) => row.codigo));
      const subject = painted.features.filter((feature) => urban.has(feature.properties.codigo));
      fitBbox(map, turfBbox({ type: 'FeatureCollection', features: subject.length > 0 ? subject : painted.features }));
    }
  };
  let fitPending = false;

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
      csv.hidden = false;
      fitPending = true;
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
    field(t.unit, unit),
    field(t.distance, distance),
    checkField(figuresTexts.indicatorsOfficial, official),
    buttonRow(h('button', { type: 'button', onclick: () => void compute() }, t.compute), csv),
    status,
    demoNote,
    h(
      'div',
      { class: 'analysis-results-body' },
      field(t.indicator, indicator),
      map ? checkField(t.showOnMap, onMap) : null,
      legend,
      table,
      chart,
    ),
  );
  sidebar.append(section);
}

/** The choropleth's classes as ranges with their unit counts, «sin información» last; one note when only one class remains. */
function legendView(values: readonly (number | null)[], classes: QuantileClasses, key: string): HTMLElement {
  const t = es.analysis;
  if (classes.breaks.length === 0 && values.length === 0) return h('p', {});
  const counts = classes.breaks.map((_, index) => classes.classOf.filter((found) => found === index).length);
  const unknown = classes.classOf.filter((found) => found === -1).length;
  const present = values.filter((value): value is number => value !== null && Number.isFinite(value)).sort((a, b) => a - b);
  const swatch = (color: string) => h('span', { class: 'swatch swatch-fill', style: `--swatch:${color}` });
  const items = classes.breaks.map((bound, index) => {
    const lower = index === 0 ? (present[0] ?? bound) : (present.find((value) => value > classes.breaks[index - 1]!) ?? bound);
    return h(
      'li',
      { 'data-clase': String(index) },
      swatch(choroplethColors[index] ?? noDataColor),
      h('span', {}, t.legendRange(number(lower), number(bound))),
      h('span', { class: 'legend-count' }, t.legendCount(counts[index] ?? 0)),
    );
  });
  return h(
    'div',
    {},
    h('p', { class: 'legend-title' }, t.legendTitle),
    h(
      'ul',
      { class: 'legend-items' },
      ...items,
      unknown > 0
        ? h(
            'li',
            { 'data-clase': 'sin-informacion' },
            swatch(noDataColor),
            h('span', {}, unknownText),
            h('span', { class: 'legend-count' }, t.legendCount(unknown)),
          )
        : null,
    ),
    classes.breaks.length === 1 ? h('p', { class: 'legend-note' }, t.legendOneClass) : null,
    key === 'inversion_por_habitante' && unknown > 0 ? h('p', { class: 'legend-note' }, t.investmentUnknown) : null,
  );
}

/** The ranking of the chosen indicator: rank, unit (cut with its full name on hover) and value. */
function indicatorsTable(ranked: ReturnType<typeof rankUnits<UnitIndicators>>, name: string, key: string): HTMLTableElement {
  const t = es.analysis;
  const header = h(
    'tr',
    {},
    h('th', { scope: 'col', class: 'cell-rank' }, t.rank),
    h('th', { scope: 'col' }, t.columns.unit),
    h('th', { scope: 'col', class: 'cell-number' }, name),
  );
  const rows = ranked.map(({ unit: row, value, rank }) => {
    const unitName = row.nombre ?? row.codigo;
    return h(
      'tr',
      { 'data-codigo': row.codigo },
      h('td', { class: 'cell-rank' }, rank === null ? '—' : String(rank)),
      h('th', { scope: 'row', class: 'cell-name', title: unitName }, unitName),
      h('td', { class: 'cell-number' }, value === null ? missing(row, key) : number(value)),
    );
  });
  return h('table', { class: 'data-table analysis-table' }, h('thead', {}, header), h('tbody', {}, ...rows));
}
