import type { PickingInfo } from '@deck.gl/core';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import { getJson } from '../api.ts';
import { formatClp, formatPercent, progressCoverage, withCoverage } from '../../../server/figures/unknown.ts';
import { es } from '../i18n/es.ts';
import { dashboardStatusLayer, noStatusColor, replayColors } from '../layers/dashboard-status-layer.ts';
import { dashboardUnitsLayer, type DashboardUnitFeature } from '../layers/dashboard-units-layer.ts';
import { lineamientoColor } from '../map/colors.ts';
import { fitBbox } from '../map/fit.ts';
import type { WorkbenchData } from '../map/workbench-data.ts';
import type { ProjectFeature } from '../plan/project.ts';
import { monthSteps, statusAt, type StatusEntry } from '../plan/status-at.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { field } from '../ui/form.ts';
import { demoBanner } from './demo-banner.ts';
import { figuresTexts } from './figures-texts-es.ts';

/** The part of GET /plan/tablero the panel reads (null = sin información). */
interface DashboardBody {
  hasta: string;
  periodo: { desde: string; hasta: string };
  incluye_demo: boolean;
  datos_demo: Record<string, number>;
  lineamientos: Array<{ codigo: string; nombre: string; avance: number | null; proyectos: number; incluidos: number; conAvance: number }>;
  ejecucion: { aprobado: number | null; ejecutado: number | null };
  unidades: Array<{ codigo: string; inversion: number | null; avance: number | null; proyectos: number; conAvance: number }>;
  historial: StatusEntry[];
}

type MapMode = 'ninguno' | 'estado' | 'unidades';

const percent = (value: number | null) => formatPercent(value);

/** A lineamiento's progress with the projects it stands on: «25 % (1 de 17 proyectos con avance registrado)». */
const lineProgress = (line: DashboardBody['lineamientos'][number]) =>
  withCoverage(line.avance, percent(line.avance), { known: line.conAvance, total: line.incluidos }, progressCoverage);

function progressBars(body: DashboardBody): HTMLElement {
  return h(
    'ul',
    { 'data-tablero-lineamientos': '', style: 'list-style:none;padding:0;margin:0' },
    ...body.lineamientos.map((line) =>
      h(
        'li',
        { 'data-lineamiento': line.codigo, style: 'margin:3px 0' },
        h('span', { style: 'display:block;font-size:0.85em' }, `${line.codigo} ${line.nombre}`),
        h(
          'span',
          { style: 'display:flex;align-items:center;gap:6px' },
          h(
            'span',
            { style: 'flex:1;height:8px;background:#eee;border-radius:4px;overflow:hidden' },
            h('span', {
              style: `display:block;height:100%;width:${line.avance ?? 0}%;background:${lineamientoColor(line.codigo)};opacity:${line.conAvance < line.incluidos ? 0.45 : 1}`,
            }),
          ),
          h('span', { 'data-avance': '', style: 'min-width:7em;text-align:right;font-size:0.85em' }, lineProgress(line)),
        ),
      ),
    ),
  );
}

/** The banner of a dashboard that includes demo data, or nothing. */
function demoNote(body: DashboardBody): HTMLElement | null {
  return body.incluye_demo ? demoBanner(body.datos_demo, 'data-tablero-demo') : null;
}

function legend(items: Array<[string, string]>): HTMLElement {
  return h(
    'p',
    { class: 'legend-note', style: 'display:flex;flex-wrap:wrap;gap:2px 8px' },
    ...items.map(([color, label]) =>
      h(
        'span',
        {},
        h('i', { style: `display:inline-block;width:9px;height:9px;border-radius:50%;background:${color};margin-right:3px` }),
        label,
      ),
    ),
  );
}

/**
 * The dashboard of the PLADECO in the sidebar: progress per lineamiento,
 * budget execution, a map of investment and progress per neighbourhood
 * unit, and a 2022–2029 slider that replays the projects' status on the map
 * (from proyecto_estados; a project with no status yet is grey, "sin
 * información"). Its map layers live in their own deck.gl overlay.
 */
export function mountDashboardPanel(sidebar: HTMLElement, map: MapLibreMap, data: WorkbenchData): void {
  const headingId = uniqueId('tablero');
  const modeId = uniqueId('tablero-mapa');
  const sliderId = uniqueId('tablero-fecha');
  const section = h('section', { class: 'panel', 'aria-labelledby': headingId, 'data-panel-tablero': '' });
  const body = h('div', {}, h('p', { role: 'status' }, es.card.loading));
  replaceChildren(section, h('h2', { id: headingId }, es.tracking.dashboardTitle), body);
  sidebar.append(section);

  let overlay: MapboxOverlay | null = null;
  let answer: DashboardBody | null = null;
  const steps = monthSteps('2022-01-01', '2029-12-31');

  const mode = h(
    'select',
    { id: modeId, 'data-tablero-modo': '' },
    h('option', { value: 'ninguno' }, es.tracking.mapOff),
    h('option', { value: 'estado' }, es.tracking.replay),
    h('option', { value: 'unidades' }, es.tracking.unitsTitle),
  );
  const slider = h('input', { id: sliderId, type: 'range', min: 0, max: steps.length - 1, step: 1, 'data-tablero-fecha': '' });
  const today = new Date().toISOString().slice(0, 7);
  slider.value = String(
    Math.max(
      0,
      steps.findIndex((step) => step.startsWith(today)),
    ),
  );
  const dateLabel = h('label', { for: sliderId, 'data-tablero-fecha-texto': '' });
  const counts = h('p', { class: 'legend-note', role: 'status', 'data-tablero-conteo': '' });
  const replay = h(
    'div',
    { hidden: true },
    dateLabel,
    slider,
    counts,
    legend([
      ...Object.entries(replayColors).map(([estado, color]) => [color, estado] as [string, string]),
      [noStatusColor, es.tracking.sinInformacion],
    ]),
  );
  const unitsLegend = h(
    'div',
    { hidden: true },
    legend([
      ['#deebf7', '0–20 %'],
      ['#9ecae1', '20–40 %'],
      ['#6baed6', '40–60 %'],
      ['#3182bd', '60–80 %'],
      ['#08519c', '80–100 %'],
      ['#d9d9d9', es.tracking.sinInformacion],
    ]),
    h('p', { class: 'legend-note' }, es.tracking.unitsNote),
  );

  const located = () => data.projects.filter((project): project is ProjectFeature => project.geometry !== null);

  const tooltip = (info: PickingInfo) => {
    const object = info.object as ProjectFeature | DashboardUnitFeature | undefined;
    if (!object) return null;
    if (info.layer?.id === 'tablero-estado') {
      const project = object as ProjectFeature;
      const estado = statusAt(answer?.historial ?? [], steps[Number(slider.value)] ?? '').get(project.properties.codigo);
      return `${project.properties.nombre}\n${estado ?? es.tracking.sinInformacion}`;
    }
    const unit = (object as DashboardUnitFeature).properties;
    return `${unit.nombre}\n${formatClp(unit.inversion)} · ${percent(unit.avance)}`;
  };

  const draw = () => {
    const chosen = mode.value as MapMode;
    replay.hidden = chosen !== 'estado';
    unitsLegend.hidden = chosen !== 'unidades';
    if (!answer || (chosen === 'ninguno' && !overlay)) return;
    if (!overlay && !map.loaded()) {
      // A second overlay added before the map's first load keeps it from ever going idle.
      map.once('load', draw);
      return;
    }
    if (!overlay) {
      overlay = new MapboxOverlay({ interleaved: false, layers: [], getTooltip: tooltip });
      map.addControl(overlay);
    }
    if (chosen === 'estado') {
      const date = steps[Number(slider.value)] ?? answer.hasta;
      const statuses = statusAt(answer.historial, date);
      const projects = located();
      const known = projects.filter((project) => statuses.has(project.properties.codigo)).length;
      dateLabel.textContent = es.tracking.replayDate(date);
      counts.textContent = es.tracking.replayCounts(known, projects.length - known);
      section.dataset.fecha = date;
      overlay.setProps({ layers: [dashboardStatusLayer({ projects, statuses, date })] });
    } else if (chosen === 'unidades') {
      const figures = new Map(answer.unidades.map((unit) => [unit.codigo, unit]));
      const units = data.units.flatMap((unit): DashboardUnitFeature[] => {
        const figure = figures.get(unit.properties.codigo);
        return figure
          ? [
              {
                ...unit,
                properties: { ...unit.properties, inversion: figure.inversion, avance: figure.avance, proyectos: figure.proyectos },
              },
            ]
          : [];
      });
      const maxInvestment = Math.max(0, ...units.map((unit) => unit.properties.inversion ?? 0));
      overlay.setProps({ layers: [dashboardUnitsLayer(units, maxInvestment)] });
    } else {
      overlay.setProps({ layers: [] });
    }
  };
  mode.addEventListener('change', () => {
    draw();
    // The map goes to what the chosen view paints: the located projects or the units with figures.
    const subject =
      mode.value === 'estado'
        ? located()
        : mode.value === 'unidades'
          ? data.units.filter((unit) => answer?.unidades.some((figure) => figure.codigo === unit.properties.codigo))
          : [];
    if (subject.length > 0) fitBbox(map, turfBbox({ type: 'FeatureCollection', features: subject as Feature[] }));
  });
  slider.addEventListener('input', draw);

  void getJson<DashboardBody>('/plan/tablero').then(
    (result) => {
      answer = result;
      const { aprobado, ejecutado } = result.ejecucion;
      replaceChildren(
        body,
        demoNote(result),
        h('h3', {}, es.tracking.progressByLine),
        progressBars(result),
        h('p', { class: 'legend-note' }, figuresTexts.partialBars),
        h('h3', {}, es.tracking.execution),
        h(
          'p',
          { 'data-tablero-ejecucion': '' },
          aprobado !== null && aprobado > 0 && ejecutado !== null
            ? es.tracking.executionLine(formatClp(ejecutado), formatClp(aprobado), percent(Math.round((1000 * ejecutado) / aprobado) / 10))
            : es.tracking.noBudget,
        ),
        field(es.tracking.mapLabel, mode),
        replay,
        unitsLegend,
      );
      section.dataset.loaded = 'true';
      draw();
    },
    (error: Error) => replaceChildren(body, h('p', { role: 'alert' }, error.message)),
  );
}
