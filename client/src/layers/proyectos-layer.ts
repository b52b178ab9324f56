import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import { GeoJsonLayer } from '@deck.gl/layers';
import { es } from '../i18n/es.ts';
import { lineamientoColor, rgba, type Rgba } from '../map/colors.ts';
import type { LayerEntry, LegendItem } from '../map/layer-entry.ts';
import type { ProjectFeature } from '../plan/project.ts';
import { precisionSentence } from '../map/precision-label.ts';

export const projectsLayerId = 'proyectos';
export const projectHaloLayerId = 'proyecto-seleccionado';
export const projectCasingLayerId = 'proyectos-borde';

/** Dash and gap of a project line, in line widths: a dashed line is never read as a river or canal, which are solid and blue. */
export const projectLineDash: [number, number] = [4, 2];
/** Fill alpha scale of a project area: light, so the river and streets under it stay visible. */
export const projectAreaAlpha = 0.1;
const dashes = new PathStyleExtension({ dash: true });
const isLine = (project: ProjectFeature) => Boolean(project.geometry?.type.includes('LineString'));

/** How a status looks: colour alpha, thin while not yet designed, a dark ring while works are under way, grey when suspended. */
interface StatusStyle {
  alpha: number;
  thin: boolean;
  ring: boolean;
  grey?: boolean;
}

/** Statuses of the catalogue, from idea to finished; null = no status recorded (the whole PLADECO as published). */
export const statusStyles: Record<string, StatusStyle> = {
  sin_estado: { alpha: 230, thin: false, ring: false },
  idea: { alpha: 110, thin: true, ring: false },
  perfil: { alpha: 140, thin: true, ring: false },
  diseño: { alpha: 175, thin: false, ring: false },
  licitación: { alpha: 205, thin: false, ring: false },
  ejecución: { alpha: 255, thin: false, ring: true },
  terminado: { alpha: 255, thin: false, ring: false },
  suspendido: { alpha: 200, thin: true, ring: false, grey: true },
  descartado: { alpha: 90, thin: true, ring: false, grey: true },
};

const defaultStyle: StatusStyle = { alpha: 230, thin: false, ring: false };
const styleOf = (project: ProjectFeature) => statusStyles[project.properties.estado ?? 'sin_estado'] ?? defaultStyle;

function colorOf(project: ProjectFeature, alphaScale = 1): Rgba {
  const style = styleOf(project);
  const hex = style.grey ? '#969696' : lineamientoColor(project.properties.lineamiento_codigo);
  return rgba(hex, Math.round(style.alpha * alphaScale));
}

export interface ProjectsLayerProps {
  /** The located projects that pass the filters. */
  projects: readonly ProjectFeature[];
  visible: boolean;
  /** 0–1, from the layers panel. */
  opacity: number;
}

/** Line width of a project line in pixels (thinner while an idea or profile, wider with the dark ring of works under way). */
function lineWidthOf(project: ProjectFeature): number {
  const style = styleOf(project);
  return isLine(project) ? (style.thin ? 2.5 : 3.5) : 1.5 + (style.ring ? 2 : 0);
}

/** A white casing under project lines, as under a dashed road in construction: it keeps the dashes apart from whatever lies below. */
export function projectCasingLayer({ projects, visible, opacity }: ProjectsLayerProps) {
  return new GeoJsonLayer<ProjectFeature['properties']>({
    id: projectCasingLayerId,
    data: projects.filter(isLine) as never,
    visible,
    opacity,
    stroked: true,
    filled: false,
    lineWidthUnits: 'pixels',
    getLineWidth: (feature) => lineWidthOf(feature as unknown as ProjectFeature) + 3,
    getLineColor: [255, 255, 255, 235],
    lineCapRounded: true,
    updateTriggers: { getLineWidth: projects },
  });
}

/**
 * The plan's projects: colour by lineamiento, shape by geometry (points as
 * circles, lines dashed over a white casing, areas lightly filled), styling
 * by status (fainter and thinner while an idea or profile, a dark ring
 * while under way, grey when suspended).
 */
export function projectsLayer({ projects, visible, opacity }: ProjectsLayerProps) {
  return new GeoJsonLayer<ProjectFeature['properties'], PathStyleExtensionProps>({
    id: projectsLayerId,
    data: projects as never,
    visible,
    opacity,
    pickable: true,
    autoHighlight: true,
    highlightColor: [255, 212, 0, 160],
    stroked: true,
    filled: true,
    pointType: 'circle',
    pointRadiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getLineWidth: (feature) => lineWidthOf(feature as unknown as ProjectFeature),
    getFillColor: (feature) => {
      const project = feature as unknown as ProjectFeature;
      return colorOf(project, project.geometry?.type.includes('Polygon') ? projectAreaAlpha : 1);
    },
    getLineColor: (feature) => {
      const project = feature as unknown as ProjectFeature;
      if (isLine(project)) return colorOf(project);
      if (styleOf(project).ring) return [20, 20, 20, 255];
      return project.geometry?.type.includes('Polygon') ? colorOf(project) : [255, 255, 255, 230];
    },
    getPointRadius: (feature) => (styleOf(feature as unknown as ProjectFeature).thin ? 5.5 : 7),
    getDashArray: (feature: unknown) => (isLine(feature as ProjectFeature) ? projectLineDash : [0, 0]),
    dashJustified: true,
    extensions: [dashes],
    updateTriggers: {
      getFillColor: projects,
      getLineColor: projects,
      getLineWidth: projects,
      getPointRadius: projects,
      getDashArray: projects,
    },
  });
}

/** A yellow halo under the selected project, so it stands out whatever its colour. */
export function projectHaloLayer(project: ProjectFeature | null) {
  return new GeoJsonLayer({
    id: projectHaloLayerId,
    data: (project ? [project] : []) as never,
    visible: project !== null,
    stroked: true,
    filled: true,
    pointType: 'circle',
    getPointRadius: 13,
    pointRadiusUnits: 'pixels',
    getFillColor: [255, 212, 0, 150],
    getLineColor: [255, 212, 0, 220],
    getLineWidth: 12,
    lineWidthUnits: 'pixels',
    lineCapRounded: true,
    lineJointRounded: true,
  });
}

/** The legend: one colour per lineamiento (named from the plan), the shapes, and the status styles. */
export function projectsLegend(lineamientos: readonly { codigo: string; nombre: string }[]): LegendItem[] {
  const colours = lineamientos.map((lineamiento) => ({
    label: `${lineamiento.codigo} · ${lineamiento.nombre}`,
    color: lineamientoColor(lineamiento.codigo),
    symbol: 'point' as const,
  }));
  const grey = '#555555';
  return [
    ...colours,
    { label: es.legend.point, color: grey, symbol: 'point' },
    { label: es.legend.line, color: grey, symbol: 'dashed' },
    { label: es.legend.area, color: grey, symbol: 'fill', alpha: projectAreaAlpha },
    { label: es.legend.sinEstado, color: grey, symbol: 'point', alpha: defaultStyle.alpha / 255 },
    { label: es.legend.ideaOrProfile, color: grey, symbol: 'point', alpha: 0.5 },
    { label: es.legend.underWay, color: '#141414', symbol: 'point' },
    { label: es.legend.suspended, color: '#969696', symbol: 'point' },
  ];
}

export const projectsEntry: LayerEntry = {
  id: 'proyectos',
  title: es.layer.proyectos,
  group: 'plan',
  defaultVisible: true,
  defaultOpacity: 1,
  legend: [],
  note: `${es.legend.shapes}. ${es.legend.crowded} ${es.legend.projectsPrecision(precisionSentence('ilustrativa'))}`,
};
