import { bbox as turfBbox } from '@turf/turf';
import type { Geometry } from 'geojson';
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { getJson } from '../api.ts';
import { sendJson } from '../auth/session.ts';
import { es } from '../i18n/es.ts';
import { AnalysisGeometryLayer } from '../layers/analysis-geometry-layer.ts';
import { fitBbox } from '../map/fit.ts';
import { DrawTool, type DrawMode } from '../tools/draw-tool.ts';
import { setGeometry } from './analysis-geometry.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { buttonRow, field } from '../ui/form.ts';
import { setMapBusy } from '../tools/map-busy.ts';

/** The body of POST /analysis/proximidad (server/routes/analysis/schemas.ts, ProximityBody). */
interface ProximityBody {
  distancia: number;
  buffer: Geometry | null;
  capas: {
    capa: string;
    titulo: string;
    truncado: boolean;
    objetos: { id: number; distancia_m: number; propiedades: Record<string, unknown> }[];
  }[];
}

/** Layers offered first, checked by default. */
const defaultLayers = new Set(['patrimonio', 'microbasurales', 'puntos_criticos', 'puentes']);
/** Properties that name a feature in a result list, in order of preference. */
const nameProperties = ['nombre', 'codigo', 'sector', 'geocodigo', 'tipo'];

const nameOf = (properties: Record<string, unknown>, id: number) => {
  const key = nameProperties.find((name) => properties[name] !== null && properties[name] !== undefined && properties[name] !== '');
  return key ? String(properties[key]) : `n.º ${id}`;
};

type Origin = { geometry: Geometry } | { capa: string; id: number };

/**
 * Proximity: the origin is a feature picked on the map (a SIT tile feature)
 * or a drawn shape; the server lists, per chosen layer, what lies within the
 * distance, nearest first, and the buffer is drawn on the map.
 */
export function mountAnalysisProximityPanel(sidebar: HTMLElement, map: MapLibreMap): void {
  const t = es.proximity;
  const ids = { heading: uniqueId('proximidad'), distance: uniqueId('proximidad-distancia') };
  const bufferLayer = new AnalysisGeometryLayer(map, 'analisis-proximidad-buffer', { color: '#6d28d9', fillOpacity: 0.12, dashed: true });
  const originLayer = new AnalysisGeometryLayer(map, 'analisis-proximidad-origen', { color: '#6d28d9', fillOpacity: 0.3 });
  let origin: Origin | null = null;
  const status = h('p', { role: 'status', 'data-proximidad-estado': '' });
  const results = h('div', { 'data-proximidad-resultados': '' });
  const distance = h('input', { id: ids.distance, type: 'number', min: 1, max: 5000, step: 50, value: 200 });
  const layerBox = h('fieldset', { class: 'check-group' }, h('legend', {}, t.layers));
  const titles = new Map<string, string>();

  void getJson<{ collections: { id: string; title: string }[] }>('/collections')
    .then((body) => {
      const sorted = [...body.collections].sort((a, b) => Number(defaultLayers.has(b.id)) - Number(defaultLayers.has(a.id)));
      for (const collection of sorted) {
        titles.set(collection.id, collection.title);
        const id = uniqueId('proximidad-capa');
        layerBox.append(
          h(
            'label',
            { for: id, class: 'check' },
            h('input', {
              id,
              type: 'checkbox',
              value: collection.id,
              checked: defaultLayers.has(collection.id),
              'data-capa': collection.id,
            }),
            ` ${collection.title}`,
          ),
        );
      }
    })
    .catch(() => undefined);

  const setOrigin = (next: Origin, label: string) => {
    origin = next;
    status.textContent = label;
    bufferLayer.set(null);
    replaceChildren(results);
  };
  const draw = new DrawTool(map, { onFinish: (geometry) => setOrigin({ geometry }, t.drawn) }, 'sit-analisis-proximidad');
  const startDrawing = (mode: DrawMode) => {
    originLayer.set(null);
    draw.start(mode);
  };

  const pickOnce = (event: MapMouseEvent) => {
    // The picking click is this panel's, not a project card's; released after the click is handled everywhere.
    requestAnimationFrame(() => setMapBusy('proximidad', false));
    const feature = map
      .queryRenderedFeatures(event.point)
      .find((candidate) => candidate.sourceLayer && titles.has(candidate.sourceLayer) && candidate.id !== undefined);
    if (!feature?.sourceLayer) {
      status.textContent = t.nothingPicked;
      return;
    }
    draw.clear();
    setGeometry(map, originLayer, feature.geometry as Geometry);
    setOrigin(
      { capa: feature.sourceLayer, id: Number(feature.id) },
      t.picked(titles.get(feature.sourceLayer) ?? feature.sourceLayer, String(feature.id)),
    );
  };
  const pick = () => {
    status.textContent = t.pickHint;
    setMapBusy('proximidad', true);
    map.once('click', pickOnce);
  };

  const search = async () => {
    if (!origin) {
      status.textContent = t.noOrigin;
      return;
    }
    const capas = [...layerBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((input) => input.value);
    if (capas.length === 0) {
      status.textContent = t.noLayers;
      return;
    }
    status.textContent = t.searching;
    try {
      const { body } = await sendJson<ProximityBody>('POST', '/analysis/proximidad', {
        ...origin,
        distancia: Number(distance.value || '200'),
        capas,
      });
      status.textContent = '';
      setGeometry(map, bufferLayer, body.buffer);
      if (body.buffer) fitBbox(map, turfBbox(body.buffer));
      replaceChildren(
        results,
        ...body.capas.map((layer) =>
          h(
            'section',
            { 'data-proximidad-capa': layer.capa },
            h('h3', {}, t.result(layer.titulo, layer.objetos.length, layer.truncado)),
            h(
              'ol',
              {},
              ...layer.objetos.map((item) =>
                h(
                  'li',
                  { 'data-id': String(item.id), 'data-distancia-m': String(item.distancia_m) },
                  t.item(nameOf(item.propiedades, item.id), item.distancia_m.toLocaleString('es-CL', { maximumFractionDigits: 1 })),
                ),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      status.textContent = t.failed((error as Error).message);
    }
  };

  sidebar.append(
    h(
      'section',
      { class: 'panel', 'aria-labelledby': ids.heading, 'data-proximidad': '' },
      h('h2', { id: ids.heading }, t.title),
      buttonRow(h('button', { type: 'button', class: 'secondary', onclick: pick }, t.pick)),
      h(
        'div',
        { role: 'group', 'aria-label': t.title, class: 'button-row' },
        h('button', { type: 'button', class: 'secondary', onclick: () => startDrawing('point') }, t.drawPoint),
        h('button', { type: 'button', class: 'secondary', onclick: () => startDrawing('linestring') }, t.drawLine),
        h('button', { type: 'button', class: 'secondary', onclick: () => startDrawing('polygon') }, t.drawPolygon),
      ),
      field(t.distance, distance),
      layerBox,
      buttonRow(h('button', { type: 'button', onclick: () => void search() }, t.search)),
      status,
      results,
    ),
  );
}
