import type { Layer } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox as turfBbox } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { heritageNearby, type NearbyHeritage } from '../analysis/heritage-nearby.ts';
import { previewAgreement } from '../analysis/preview-agreement.ts';
import { readGeoJson } from '../analysis/read-geojson.ts';
import { wetlandOverlap, type WetlandOverlap } from '../analysis/wetland-overlap.ts';
import { getAllFeatures, getJson } from '../api.ts';
import { can, onSessionChange, refreshSession, sendJson } from '../auth/session.ts';
import { es } from '../i18n/es.ts';
import { AnalysisGeometryLayer } from '../layers/analysis-geometry-layer.ts';
import { projectsLayerId } from '../layers/proyectos-layer.ts';
import { fitBbox } from '../map/fit.ts';
import { DrawTool, type DrawMode } from '../tools/draw-tool.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { filePicker } from '../ui/file-picker.ts';
import { buttonRow, field } from '../ui/form.ts';
import { setGeometry } from './analysis-geometry.ts';
import { mapImageDataUrl } from './analysis-map-image.ts';
import { findingsView, previewView, type PrcFindings } from './analysis-prc-findings.ts';
import { setMapBusy } from '../tools/map-busy.ts';

const t = es.prcReview;
type Reference = Feature<Geometry | null, { nombre?: unknown; version?: unknown }>[];

/** What is under review: a geometry (drawn or uploaded) or a project, whose geometry the preview uses. */
interface Subject {
  geometry: Geometry;
  proyecto: string | null;
}

/**
 * The Plan Regulador check: the reviewer draws (terra-draw), uploads a
 * GeoJSON or names a project; the browser previews the wetland overlap and
 * heritage distances while drawing (turf, UTM 19S); the server's
 * /analysis/revision-prc gives the findings; a revisor stores the review
 * with a map image and opens its printable report.
 */
export function mountAnalysisPrcPanel(
  sidebar: HTMLElement,
  map: MapLibreMap,
  overlay: MapboxOverlay,
  onHighlight: (layers: Layer[]) => void = () => undefined,
): void {
  const ids = { heading: uniqueId('prc'), file: uniqueId('prc-archivo'), project: uniqueId('prc-proyecto') };
  const distanceId = uniqueId('prc-distancia');
  const titleId = uniqueId('prc-titulo');
  const layer = new AnalysisGeometryLayer(map, 'analisis-intervencion', { color: '#c2410c', fillOpacity: 0.25 });
  let subject: Subject | null = null;
  let preview: { wetland: WetlandOverlap[]; heritage: NearbyHeritage[] } | null = null;
  let reference: Promise<{ heritage: Reference; wetland: Reference }> | null = null;
  const references = () =>
    (reference ??= Promise.all([
      getAllFeatures<Reference[number]>('/collections/patrimonio/items?limit=10000'),
      getAllFeatures<Reference[number]>('/collections/humedal_urbano/items?limit=10000'),
    ]).then(([heritage, wetland]) => ({ heritage, wetland })));

  const status = h('p', { role: 'status', 'data-prc-estado': '' });
  const previewBox = h('div', { 'aria-live': 'polite' });
  const findingsBox = h('div', {});
  const agreementLine = h('p', { 'data-prc-acuerdo': '' });
  const distance = h('input', { id: distanceId, type: 'number', min: 0, max: 5000, step: 10, value: 50 });
  const heritageDistance = () => Number(distance.value || '50');

  const showPreview = async (geometry: Geometry | null) => {
    if (!geometry) return;
    const { heritage, wetland } = await references();
    preview = { wetland: wetlandOverlap(geometry, wetland), heritage: heritageNearby(geometry, heritage, heritageDistance()) };
    replaceChildren(previewBox, previewView(preview.wetland, preview.heritage));
  };
  const highlight = (geometry: Geometry | null) => {
    setGeometry(map, layer, geometry);
    onHighlight(geometry ? reviewHighlightLayers(geometry) : []);
  };
  const setSubject = (next: Subject) => {
    subject = next;
    highlight(next.geometry);
    replaceChildren(findingsBox);
    agreementLine.textContent = '';
    report.hidden = true;
    status.textContent = '';
    void showPreview(next.geometry).catch((error: Error) => (status.textContent = t.failed(error.message)));
  };

  const draw = new DrawTool(
    map,
    {
      onDrawing: (geometry) => void showPreview(geometry).catch(() => undefined),
      onFinish: (geometry) => setSubject({ geometry, proyecto: null }),
    },
    'sit-analisis-prc',
  );
  const startDrawing = (mode: DrawMode) => {
    highlight(null);
    status.textContent = t.drawHint;
    draw.start(mode);
  };

  const filePick = filePicker({ id: ids.file, accept: '.geojson,.json,application/geo+json,application/json' });
  const file = filePick.input;
  file.addEventListener('change', async () => {
    const chosen = file.files?.[0];
    if (!chosen) return;
    const result = readGeoJson(await chosen.text());
    if ('problem' in result) {
      status.textContent = t.fileProblems[result.problem];
      return;
    }
    draw.clear();
    setSubject({ geometry: result.geometry, proyecto: null });
    fitBbox(map, turfBbox(result.geometry));
  });

  const projectCode = h('input', { id: ids.project, type: 'text', autocomplete: 'off', placeholder: 'L6.O1.P1.G1.03' });
  const useProject = async () => {
    const codigo = projectCode.value.trim();
    if (!codigo) return;
    const page = await getJson<{ features: { geometry: Geometry | null }[] }>(
      `/collections/proyectos/items?codigo=${encodeURIComponent(codigo)}&limit=1`,
    ).catch(() => ({ features: [] }));
    const geometry = page.features[0]?.geometry;
    if (!geometry) {
      status.textContent = t.projectMissing(codigo);
      return;
    }
    draw.clear();
    setSubject({ geometry, proyecto: codigo });
    fitBbox(map, turfBbox(geometry));
  };

  // A project picked on the map: the deck.gl projects layer under the next click.
  const pickProject = () => {
    status.textContent = t.pickProjectHint;
    setMapBusy('revision-prc', true);
    map.once('click', (event) => {
      requestAnimationFrame(() => setMapBusy('revision-prc', false));
      const picked = overlay.pickObject({ x: event.point.x, y: event.point.y, radius: 6, layerIds: [projectsLayerId] });
      const codigo = (picked?.object as { properties?: { codigo?: string } } | undefined)?.properties?.codigo;
      if (!codigo) {
        status.textContent = t.noProjectPicked;
        return;
      }
      projectCode.value = codigo;
      void useProject();
    });
  };

  const review = async () => {
    if (!subject) {
      status.textContent = t.noGeometry;
      return;
    }
    status.textContent = t.reviewing;
    try {
      const target = subject.proyecto ? { proyecto: subject.proyecto } : { geometry: subject.geometry };
      const { body } = await sendJson<PrcFindings>('POST', '/analysis/revision-prc', {
        ...target,
        distancia_patrimonio: heritageDistance(),
      });
      status.textContent = '';
      const reviewed = subject;
      if (!reviewed) return;
      replaceChildren(findingsBox, findingsView(body, reviewed.geometry.type.endsWith('Polygon')));
      highlight(reviewed.geometry);
      fitBbox(map, turfBbox(reviewed.geometry));
      await showPreview(reviewed.geometry);
      if (preview) {
        const agreement = previewAgreement(preview, body);
        const percent = agreement.maxDifferencePercent.toLocaleString('es-CL', { maximumFractionDigits: 3 });
        agreementLine.dataset.diferencia = String(agreement.maxDifferencePercent);
        agreementLine.textContent =
          agreement.maxDifferencePercent <= 0.5 && agreement.unmatched.length === 0 ? t.agreement(percent) : t.disagreement(percent);
      }
    } catch (error) {
      status.textContent = t.failed((error as Error).message);
    }
  };

  const title = h('input', { id: titleId, type: 'text', maxlength: 200 });
  const report = h('a', { target: '_blank', rel: 'noopener', hidden: true, 'data-prc-informe': '' }, t.report);
  const save = async () => {
    if (!subject) {
      status.textContent = t.noGeometry;
      return;
    }
    if (!title.value.trim()) {
      status.textContent = t.noTitle;
      return;
    }
    status.textContent = t.saving;
    try {
      fitBbox(map, turfBbox(subject.geometry), { animate: false });
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
      const mapa_png = await mapImageDataUrl(map, overlay);
      const target = subject.proyecto ? { proyecto: subject.proyecto } : { geometry: subject.geometry };
      const { body } = await sendJson<{ id: number; informe: string } & PrcFindings>('POST', '/analysis/revisiones-prc', {
        titulo: title.value.trim(),
        ...target,
        distancia_patrimonio: heritageDistance(),
        mapa_png,
      });
      status.textContent = t.saved;
      report.setAttribute('href', body.informe);
      report.hidden = false;
    } catch (error) {
      status.textContent = t.failed((error as Error).message);
    }
  };
  const saveBox = h(
    'div',
    { 'data-prc-guardar': '' },
    field(t.saveTitle, title),
    buttonRow(h('button', { type: 'button', onclick: () => void save() }, t.save)),
  );
  const signInHint = h('p', {}, t.signInToSave);
  const renderRole = () => {
    saveBox.hidden = !can('revisor');
    signInHint.hidden = can('revisor');
  };
  onSessionChange(renderRole);
  renderRole();
  // The sign-in UI may not have asked yet; asking twice is harmless.
  void refreshSession().catch(() => undefined);

  sidebar.append(
    h(
      'section',
      { class: 'panel', 'aria-labelledby': ids.heading, 'data-revision-prc': '' },
      h('h2', { id: ids.heading }, t.title),
      h('p', {}, t.intro),
      h(
        'div',
        { role: 'group', 'aria-label': t.title, class: 'button-row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => startDrawing('polygon') }, t.drawPolygon),
        h('button', { type: 'button', class: 'secondary', onclick: () => startDrawing('linestring') }, t.drawLine),
        h('button', { type: 'button', class: 'secondary', onclick: () => startDrawing('point') }, t.drawPoint),
        h(
          'button',
          {
            type: 'button',
            class: 'secondary',
            onclick: () => {
              draw.clear();
              highlight(null);
              subject = null;
              replaceChildren(previewBox);
              replaceChildren(findingsBox);
            },
          },
          t.clear,
        ),
      ),
      h('div', { class: 'field' }, h('label', { for: ids.file }, t.upload), filePick.element),
      field(t.project, projectCode),
      buttonRow(
        h('button', { type: 'button', class: 'secondary', onclick: () => void useProject() }, t.useProject),
        h('button', { type: 'button', class: 'secondary', onclick: pickProject }, t.pickProject),
      ),
      field(t.heritageDistance, distance),
      buttonRow(h('button', { type: 'button', onclick: () => void review() }, t.review)),
      status,
      previewBox,
      findingsBox,
      agreementLine,
      saveBox,
      signInHint,
      report,
    ),
  );
}

/**
 * The geometry under review drawn by deck.gl above every other layer (a
 * project's own symbol would hide a MapLibre layer): a wide white casing,
 * then an orange outline, a light fill for areas and ringed dots for points.
 */
function reviewHighlightLayers(geometry: Geometry): Layer[] {
  const data = { type: 'Feature' as const, geometry, properties: {} };
  const common = {
    data,
    stroked: true,
    lineWidthUnits: 'pixels' as const,
    pointType: 'circle',
    pointRadiusUnits: 'pixels' as const,
    lineCapRounded: true,
    lineJointRounded: true,
    pickable: false,
  };
  return [
    new GeoJsonLayer({
      ...common,
      id: 'revision-prc-geometria-halo',
      filled: false,
      getLineColor: [255, 255, 255, 230],
      getLineWidth: 9,
      getPointRadius: 11,
    }),
    new GeoJsonLayer({
      ...common,
      id: 'revision-prc-geometria',
      filled: true,
      getFillColor: [194, 65, 12, 60],
      getLineColor: [194, 65, 12, 255],
      getLineWidth: 4,
      getPointRadius: 8,
    }),
  ] as unknown as Layer[];
}
