import { pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import { getAllFeatures, getJson } from '../api.ts';
import { lineLabel } from '../analysis/line-label.ts';
import { streetName } from './street-name.ts';
import type { UnitProjects } from '../analysis/investment-by-unit.ts';
import type { Label } from '../layers/etiquetas-layer.ts';
import type { DumpFeature } from '../layers/microbasurales-layer.ts';
import type { UnitFeature } from '../layers/unidades-tocadas-layer.ts';
import type { PlanTreeBody } from '../plan/plan-tree.ts';
import type { ProjectFeature } from '../plan/project.ts';

/** Everything the workbench draws besides the style's own layers. */
export interface WorkbenchData {
  tree: PlanTreeBody | null;
  /** Every project of the plan, located or not. */
  projects: ProjectFeature[];
  dumps: DumpFeature[];
  units: UnitFeature[];
  unitProjects: UnitProjects[];
  placeLabels: Label[];
  streetLabels: Label[];
  unitLabels: Label[];
  comuna: FeatureCollection | null;
  /** The urban limits (PRC 1981 and census 2017): the town the first view frames. */
  town: FeatureCollection | null;
}

export const emptyData = (): WorkbenchData => ({
  tree: null,
  projects: [],
  dumps: [],
  units: [],
  unitProjects: [],
  placeLabels: [],
  streetLabels: [],
  unitLabels: [],
  comuna: null,
  town: null,
});

/** The town that names the comuna. */
const comunaTown = 'Vallenar';

const items = (id: string, limit = 10_000) => `/collections/${id}/items?limit=${limit}`;

/**
 * A street name on every named segment, the longest segments first: at street
 * zooms each block face of a long street can carry its name, as in QGIS with
 * repeated labels; the decluttering drops the ones that would collide.
 */
export function streetLabels(streets: Feature<LineString | MultiLineString, { nombre: string | null }>[]): Label[] {
  const labelled = streets.flatMap((street) => {
    const name = street.properties.nombre?.trim();
    const label = name && street.geometry ? lineLabel(street.geometry) : null;
    return label && name ? [{ text: streetName(name), position: label.position, angle: label.angle, length: label.length }] : [];
  });
  return labelled.sort((a, b) => b.length - a.length).map(({ text, position, angle }) => ({ text, position, angle }));
}

/** Names of the neighbourhood units at a point inside each ("Zona censal 4-1", without the "(referencial)" suffix). */
function unitLabels(units: UnitFeature[]): Label[] {
  return units.map((unit) => ({
    text: unit.properties.nombre.replace(/\s*\(referencial\)\s*$/, ''),
    position: pointOnFeature(unit).geometry.coordinates as [number, number],
  }));
}

export type DataPart = keyof Omit<WorkbenchData, 'placeLabels' | 'streetLabels' | 'unitLabels'> | 'toponimia' | 'calles';

/**
 * Loads each part from the API on its own, so that one failure leaves the
 * rest of the workbench working; `onPart` is called as each arrives.
 */
export async function loadWorkbenchData(
  data: WorkbenchData,
  onPart: (part: DataPart) => void,
  onError: (part: DataPart, error: Error) => void,
): Promise<void> {
  const part = async (name: DataPart, load: () => Promise<void>) => {
    try {
      await load();
      onPart(name);
    } catch (error) {
      onError(name, error as Error);
    }
  };
  await Promise.all([
    part('tree', async () => {
      data.tree = await getJson<PlanTreeBody>('/plan/arbol');
    }),
    part('projects', async () => {
      data.projects = await getAllFeatures<ProjectFeature>(items('proyectos', 1000));
    }),
    part('dumps', async () => {
      data.dumps = (await getAllFeatures<DumpFeature>(items('microbasurales'))).filter((dump) => dump.geometry);
    }),
    part('units', async () => {
      data.units = await getAllFeatures<UnitFeature>(items('unidades_vecinales', 1000));
      data.unitLabels = unitLabels(data.units);
    }),
    part('unitProjects', async () => {
      data.unitProjects = (await getJson<{ unidades: UnitProjects[] }>('/plan/unidades-vecinales')).unidades;
    }),
    part('toponimia', async () => {
      const places = await getAllFeatures<Feature<Point, { nombre: string }>>(items('toponimia', 1000));
      // The comuna's own town is written first, so it wins over the villages around it when labels collide.
      data.placeLabels = places
        .filter((place) => place.geometry)
        .map((place) => ({ text: place.properties.nombre, position: place.geometry.coordinates as [number, number] }))
        .sort((a, b) => Number(b.text === comunaTown) - Number(a.text === comunaTown));
    }),
    part('calles', async () => {
      data.streetLabels = streetLabels(await getAllFeatures(items('calles')));
    }),
    part('comuna', async () => {
      data.comuna = await getJson<FeatureCollection>(items('comuna', 10));
    }),
    part('town', async () => {
      data.town = await getJson<FeatureCollection>(items('limite_urbano', 10));
    }),
  ]);
}
