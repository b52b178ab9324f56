import { bbox as turfBbox } from '@turf/turf';
import type { Feature } from 'geojson';
import type { ProjectFeature } from '../plan/project.ts';

/** Above this many located projects, only those in view are drawn, and as hexagons if still this many. */
export const crowdedCount = 5000;

export type Bounds = [number, number, number, number];

const extents = new WeakMap<ProjectFeature, Bounds>();

function extentOf(project: ProjectFeature): Bounds {
  let extent = extents.get(project);
  if (!extent) {
    extent = turfBbox(project as Feature) as Bounds;
    extents.set(project, extent);
  }
  return extent;
}

/** The view (west, south, east, north) grown by half its size on every side, so a short pan shows no gap. */
export function marginBounds([west, south, east, north]: Bounds): Bounds {
  const width = east - west;
  const height = north - south;
  return [west - width / 2, south - height / 2, east + width / 2, north + height / 2];
}

export interface ProjectsToDraw {
  /** Drawn one by one (the same array as given when few). */
  points: readonly ProjectFeature[];
  /** Drawn as a density instead (representative positions), when too many are in view. */
  density: [number, number][];
}

/**
 * What the projects layer draws: everything when there are few; when there
 * are thousands, only those within `bounds` (CPU culling, recomputed when
 * the map stops), and as hexagons if that is still too many.
 */
export function projectsToDraw(located: readonly ProjectFeature[], bounds: Bounds): ProjectsToDraw {
  if (located.length <= crowdedCount) return { points: located, density: [] };
  const [west, south, east, north] = marginBounds(bounds);
  const inView = located.filter((project) => {
    const [minX, minY, maxX, maxY] = extentOf(project);
    return maxX >= west && minX <= east && maxY >= south && minY <= north;
  });
  if (inView.length <= crowdedCount) return { points: inView, density: [] };
  return {
    points: [],
    density: inView.map((project) => {
      const [minX, minY, maxX, maxY] = extentOf(project);
      return [(minX + maxX) / 2, (minY + maxY) / 2];
    }),
  };
}
