// Helpers shared by the seed build and validation scripts (SIT Vallenar).
// Plain ESM for Node >= 20; only dependency is @turf/turf from the project.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';

export { turf };

const here = path.dirname(fileURLToPath(import.meta.url));
export const DATA_DIR = path.resolve(here, '..');
export const REAL_DIR = path.join(DATA_DIR, 'real');
export const SEED_DIR = path.join(DATA_DIR, 'seed');

// The levels of server/catalog/precision.ts, in its order (data/seed.test.ts checks they agree).
export const PRECISIONS = ['oficial', 'aproximada', 'ilustrativa', 'demo'];

/**
 * Census 2017 figures for the comuna that no seed layer holds (see data/README.md, «Población»):
 * the total INE published (chilemapas data_csv/censo_2017_comunas.csv, commit 69bd335…: 25.422 hombres +
 * 26.495 mujeres) and the geocode under which the zone table puts people it does not locate.
 */
export const CENSO_2017_COMUNA = 51917;
export const GEOCODIGO_SIN_LOCALIZAR = '03301991999';

export function readJson(rel) {
  return JSON.parse(fs.readFileSync(path.join(REAL_DIR, rel), 'utf8'));
}

export function readText(rel) {
  return fs.readFileSync(path.join(REAL_DIR, rel), 'utf8');
}

/** Round to 6 decimals (about 0.1 m) and drop any z/m coordinate. */
export function roundPos(p) {
  if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new Error(`non-finite coordinate ${p}`);
  return [Math.round(p[0] * 1e6) / 1e6, Math.round(p[1] * 1e6) / 1e6];
}

function dedupe(ring) {
  const out = [];
  for (const p of ring) {
    const q = roundPos(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

function cleanRing(ring) {
  const r = dedupe(ring);
  const a = r[0];
  const b = r[r.length - 1];
  if (a[0] !== b[0] || a[1] !== b[1]) r.push([a[0], a[1]]);
  return r.length >= 4 ? r : null;
}

/** Round, drop z, remove repeated vertices and degenerate rings/parts. */
export function cleanGeometry(g, { minPartM2 = 1 } = {}) {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: roundPos(g.coordinates) };
    case 'MultiPoint':
      return { type: 'MultiPoint', coordinates: g.coordinates.map(roundPos) };
    case 'LineString': {
      const c = dedupe(g.coordinates);
      return c.length >= 2 ? { type: 'LineString', coordinates: c } : null;
    }
    case 'MultiLineString': {
      const parts = g.coordinates.map(dedupe).filter((c) => c.length >= 2);
      return parts.length ? { type: 'MultiLineString', coordinates: parts } : null;
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
      const out = [];
      for (const poly of polys) {
        const shell = cleanRing(poly[0]);
        if (!shell) continue;
        if (turf.area(turf.polygon([shell])) < minPartM2) continue;
        const holes = poly
          .slice(1)
          .map(cleanRing)
          .filter((h) => h && turf.area(turf.polygon([h])) >= minPartM2);
        out.push([shell, ...holes]);
      }
      return out.length ? { type: 'MultiPolygon', coordinates: out } : null;
    }
    default:
      throw new Error(`unsupported geometry ${g.type}`);
  }
}

/** Polygon | MultiPolygon -> MultiPolygon. */
export function toMulti(g) {
  if (g.type === 'MultiPolygon') return g;
  if (g.type === 'Polygon') return { type: 'MultiPolygon', coordinates: [g.coordinates] };
  throw new Error(`not a polygon: ${g.type}`);
}

/** MultiLineString with one part -> LineString; otherwise unchanged. */
export function singleLine(g) {
  if (g.type === 'MultiLineString' && g.coordinates.length === 1) {
    return { type: 'LineString', coordinates: g.coordinates[0] };
  }
  return g;
}

/** MultiPoint with one position -> Point. */
export function singlePoint(g) {
  if (g.type === 'MultiPoint' && g.coordinates.length === 1) {
    return { type: 'Point', coordinates: g.coordinates[0] };
  }
  return g;
}

export function feature(geometry, properties) {
  return { type: 'Feature', properties, geometry };
}

/** Write a FeatureCollection: one feature per line, no crs member. */
export function writeLayer(name, features) {
  const fc = { type: 'FeatureCollection', name, features };
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  const text = `{"type":"FeatureCollection","name":${JSON.stringify(fc.name)},"features":[\n${body}\n]}\n`;
  fs.mkdirSync(SEED_DIR, { recursive: true });
  fs.writeFileSync(path.join(SEED_DIR, `${name}.geojson`), text);
  return fc;
}

/**
 * Clip a (Multi)LineString to a (Multi)Polygon: split at the boundary and keep
 * the pieces whose midpoint lies inside. Returns a (Multi)LineString or null.
 */
export function clipLine(lineGeom, polyFeature) {
  const parts = lineGeom.type === 'LineString' ? [lineGeom.coordinates] : lineGeom.coordinates;
  const kept = [];
  for (const part of parts) {
    const ls = turf.lineString(part);
    if (!turf.booleanIntersects(ls, polyFeature)) continue;
    const pieces = turf.lineSplit(ls, polyFeature).features;
    const candidates = pieces.length ? pieces : [ls];
    for (const piece of candidates) {
      const len = turf.length(piece, { units: 'meters' });
      if (len < 0.5) continue;
      const mid = turf.along(piece, len / 2, { units: 'meters' });
      if (turf.booleanPointInPolygon(mid, polyFeature)) kept.push(piece.geometry.coordinates);
    }
  }
  if (!kept.length) return null;
  return kept.length === 1 ? { type: 'LineString', coordinates: kept[0] } : { type: 'MultiLineString', coordinates: kept };
}

/** Deterministic PRNG (mulberry32) so demo data are reproducible. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
