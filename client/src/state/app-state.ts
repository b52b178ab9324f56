/** The camera of the map: centre lon/lat (EPSG:4326), zoom, bearing and pitch in degrees. */
export interface MapView {
  longitude: number;
  latitude: number;
  zoom: number;
  bearing: number;
  pitch: number;
}

/** Filters of the plan's projects; null = any value. */
export interface ProjectFilters {
  lineamiento: string | null;
  objetivo: string | null;
  plan: string | null;
  programa: string | null;
  estado: string | null;
  fuente: string | null;
  unidad: string | null;
  /** First and last year of the range (inclusive); a project matches if its years overlap it. */
  desde: number;
  hasta: number;
  /** Keep projects whose years are not recorded (all of them, in the PLADECO as published). */
  sinAnio: boolean;
}

export interface LayerSetting {
  visible: boolean;
  /** 0–1, multiplies the layer's own opacities. */
  opacity: number;
}

export type InvestmentMetric = 'presupuesto' | 'proyectos';

/** Everything a shared link restores. */
export interface AppState {
  /** null until the map has a camera of its own (the first view fits the comuna). */
  view: MapView | null;
  layers: Record<string, LayerSetting>;
  filters: ProjectFilters;
  /** Code of the selected project, e.g. L6.O1.P1.G1.03. */
  selected: string | null;
  investmentMetric: InvestmentMetric;
}

/** The PLADECO's period. */
export const planYears = { desde: 2022, hasta: 2029 } as const;

export const defaultFilters: ProjectFilters = {
  lineamiento: null,
  objetivo: null,
  plan: null,
  programa: null,
  estado: null,
  fuente: null,
  unidad: null,
  desde: planYears.desde,
  hasta: planYears.hasta,
  sinAnio: true,
};

/** The state of a first visit, given each layer's default setting. */
export function defaultState(layerDefaults: Record<string, LayerSetting>): AppState {
  return {
    view: null,
    layers: structuredClone(layerDefaults),
    filters: { ...defaultFilters },
    selected: null,
    investmentMetric: 'presupuesto',
  };
}
