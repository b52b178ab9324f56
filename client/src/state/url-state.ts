import { defaultFilters, planYears, type AppState, type LayerSetting, type MapView, type ProjectFilters } from './app-state.ts';

/** Filter keys as they appear in the URL, in a stable order. */
const filterKeys = ['lineamiento', 'objetivo', 'plan', 'programa', 'estado', 'fuente', 'unidad'] as const;
const planCode = /^L\d{1,2}(\.[A-Z0-9]{1,4}){0,4}$/;
const maxText = 120;

const round = (value: number, digits: number) => Number(value.toFixed(digits));

function encodeView(view: MapView): string {
  const parts = [round(view.zoom, 2), round(view.latitude, 5), round(view.longitude, 5)];
  if (view.bearing !== 0 || view.pitch !== 0) parts.push(round(view.bearing, 1), round(view.pitch, 1));
  return parts.join('/');
}

function decodeView(text: string | null): MapView | null {
  if (!text) return null;
  const numbers = text.split('/').map(Number);
  const [zoom, latitude, longitude, bearing = 0, pitch = 0] = numbers;
  if (numbers.length < 3 || numbers.some((value) => !Number.isFinite(value))) return null;
  if (zoom === undefined || latitude === undefined || longitude === undefined) return null;
  if (Math.abs(latitude) > 85 || Math.abs(longitude) > 180) return null;
  return {
    zoom: Math.min(Math.max(zoom, 0), 22),
    latitude,
    longitude,
    bearing: ((bearing % 360) + 360) % 360 > 180 ? (((bearing % 360) + 360) % 360) - 360 : ((bearing % 360) + 360) % 360,
    pitch: Math.min(Math.max(pitch, 0), 85),
  };
}

function validText(key: (typeof filterKeys)[number], value: string | null): string | null {
  if (value === null || value.length === 0 || value.length > maxText) return null;
  if (['lineamiento', 'objetivo', 'plan', 'programa'].includes(key) && !planCode.test(value)) return null;
  return value;
}

function year(text: string | null, fallback: number): number {
  const value = Number(text);
  if (text === null || !Number.isInteger(value)) return fallback;
  return Math.min(Math.max(value, planYears.desde), planYears.hasta);
}

/**
 * The state as the URL fragment of a shareable link (`mapa=…&capas=…`).
 * Only what differs from a first visit is written, so links stay short.
 */
export function encodeState(state: AppState, layerDefaults: Record<string, LayerSetting>): string {
  const parameters = new URLSearchParams();
  if (state.view) parameters.set('mapa', encodeView(state.view));
  const ids = Object.keys(layerDefaults);
  const visible = ids.filter((id) => state.layers[id]?.visible);
  if (ids.some((id) => Boolean(state.layers[id]?.visible) !== layerDefaults[id]?.visible)) parameters.set('capas', visible.join(','));
  const opacities = ids
    .filter((id) => state.layers[id] && state.layers[id].opacity !== layerDefaults[id]?.opacity)
    .map((id) => `${id}:${round(state.layers[id]?.opacity ?? 1, 2)}`);
  if (opacities.length > 0) parameters.set('opacidad', opacities.join(','));
  for (const key of filterKeys) {
    const value = state.filters[key];
    if (value !== null) parameters.set(key, value);
  }
  if (state.filters.desde !== defaultFilters.desde) parameters.set('desde', String(state.filters.desde));
  if (state.filters.hasta !== defaultFilters.hasta) parameters.set('hasta', String(state.filters.hasta));
  if (!state.filters.sinAnio) parameters.set('sinanio', '0');
  if (state.selected) parameters.set('proyecto', state.selected);
  if (state.investmentMetric !== 'presupuesto') parameters.set('metrica', state.investmentMetric);
  return parameters.toString();
}

/**
 * The state a URL fragment describes, on top of `base` (a first visit).
 * Anything unknown or malformed is ignored: a damaged link still opens.
 */
export function decodeState(fragment: string, base: AppState): AppState {
  const parameters = new URLSearchParams(fragment.replace(/^#/, ''));
  const layers: Record<string, LayerSetting> = structuredClone(base.layers);
  const visible = parameters.get('capas');
  if (visible !== null) {
    const ids = new Set(visible.split(','));
    for (const [id, setting] of Object.entries(layers)) setting.visible = ids.has(id);
  }
  for (const pair of (parameters.get('opacidad') ?? '').split(',')) {
    const [id, text] = pair.split(':');
    const opacity = Number(text);
    const setting = id ? layers[id] : undefined;
    if (setting && text !== undefined && text !== '' && Number.isFinite(opacity)) setting.opacity = Math.min(Math.max(opacity, 0), 1);
  }
  const filters: ProjectFilters = { ...base.filters };
  for (const key of filterKeys) filters[key] = validText(key, parameters.get(key));
  filters.desde = year(parameters.get('desde'), defaultFilters.desde);
  filters.hasta = year(parameters.get('hasta'), defaultFilters.hasta);
  if (filters.desde > filters.hasta) [filters.desde, filters.hasta] = [filters.hasta, filters.desde];
  filters.sinAnio = parameters.get('sinanio') !== '0';
  const selected = parameters.get('proyecto');
  return {
    view: decodeView(parameters.get('mapa')) ?? base.view,
    layers,
    filters,
    selected: selected && planCode.test(selected) ? selected : null,
    investmentMetric: parameters.get('metrica') === 'proyectos' ? 'proyectos' : 'presupuesto',
  };
}
