import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { parse } from 'yaml';
import { projectRoot } from '../../server/config.ts';

/** Shared by the OGC API test files: official schemas, GeoJSON schemas and a client that follows links. */

const fixtures = path.join(projectRoot, 'tests', 'fixtures', 'ogcapi');

/** A YAML file of tests/fixtures/ogcapi, parsed. */
export function ogcFixture(file: string): Record<string, unknown> {
  return parse(readFileSync(path.join(fixtures, file), 'utf8')) as Record<string, unknown>;
}

type Json = Record<string, unknown>;

/** OpenAPI 3.0 schema objects → JSON Schema for Ajv: `nullable` becomes a null type, refs point into one document. */
function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (!value || typeof value !== 'object') return value;
  const source = value as Json;
  const result: Json = {};
  for (const [key, child] of Object.entries(source)) {
    if (key === 'example' || key === 'nullable') continue;
    if (key === '$ref' && typeof child === 'string') result.$ref = child.replace('#/components/schemas/', 'ogc#/definitions/');
    else result[key] = toJsonSchema(child);
  }
  if (source.nullable === true && typeof source.type === 'string') {
    result.type = [source.type, 'null'];
    if (Array.isArray(result.enum)) result.enum = [...result.enum, null];
  }
  return result;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** Validators of the official OGC API – Features Part 1 schemas, by component name. */
export function ogcValidators() {
  const document = ogcFixture('core/ogcapi-features-1-oas30.yaml');
  const schemas = structuredClone((document.components as Json).schemas as Json);
  // RFC 7946 §3.2: an unlocated feature has a null geometry (overlay, see tests/fixtures/ogcapi/README.md).
  const feature = schemas.featureGeoJSON as { properties: Json };
  feature.properties.geometry = { oneOf: [{ $ref: '#/components/schemas/geometryGeoJSON' }, { type: 'null' }] };
  const ajv = newAjv();
  ajv.addSchema({ $id: 'ogc', definitions: toJsonSchema(schemas) });
  const get = (name: string) => ajv.getSchema(`ogc#/definitions/${name}`) as ValidateFunction;
  const crsExtension = ajv.compile(toJsonSchema(ogcFixture('crs/collectionExtensionCrs.yaml')) as object);
  return {
    landingPage: get('landingPage'),
    /** Part 2 members of a collection (`storageCrs`). */
    collectionCrs: crsExtension,
    conformance: get('confClasses'),
    collections: get('collections'),
    collection: get('collection'),
    featureCollection: get('featureCollectionGeoJSON'),
    feature: get('featureGeoJSON'),
    exception: get('exception'),
  };
}

/** Validators of the GeoJSON schemas of the `geojson-schema` package (geojson.org). */
export function geoJsonValidators() {
  const require = createRequire(import.meta.url);
  const load = (name: string) => JSON.parse(readFileSync(require.resolve(`geojson-schema/${name}.json`), 'utf8')) as Json;
  const ajv = newAjv();
  return { featureCollection: ajv.compile(load('FeatureCollection')), feature: ajv.compile(load('Feature')) };
}

/** Ajv errors as one readable line, for assertion messages. */
export function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`).join('; ');
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: () => Json;
}

/** GET through app.inject; an absolute href of a link is reduced to its path and query. */
export async function get(app: FastifyInstance, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const target = url.startsWith('http') ? new URL(url) : null;
  const response = await app.inject({ method: 'GET', url: target ? `${target.pathname}${target.search}` : url, headers });
  return { status: response.statusCode, headers: response.headers, body: response.body, json: () => JSON.parse(response.body) as Json };
}

export interface Link {
  href: string;
  rel: string;
  type?: string;
  title?: string;
}

/** The link with this relation (and media type, when given). */
export function linkOf(document: Json, rel: string, type?: string): Link | undefined {
  return (document.links as Link[] | undefined)?.find((link) => link.rel === rel && (type === undefined || link.type === type));
}

export interface Feature {
  type: 'Feature';
  id: number;
  geometry: { type: string; coordinates: unknown } | null;
  properties: Record<string, unknown>;
}

/** Every feature reached from `url` by following `next` links, and the pages read. */
export async function followPages(app: FastifyInstance, url: string, maxPages = 1_000) {
  const features: Feature[] = [];
  const pages: Json[] = [];
  let next: string | undefined = url;
  while (next) {
    const answer = await get(app, next);
    if (answer.status !== 200) throw new Error(`${next}: ${answer.status} ${answer.body}`);
    const page = answer.json();
    pages.push(page);
    features.push(...(page.features as Feature[]));
    next = linkOf(page, 'next')?.href;
    if (pages.length > maxPages) throw new Error(`más de ${maxPages} páginas desde ${url}`);
  }
  return { features, pages };
}

/** All coordinate pairs of a GeoJSON geometry. */
export function positions(geometry: Feature['geometry']): number[][] {
  const out: number[][] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value) && typeof value[0] === 'number') out.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(geometry?.coordinates);
  return out;
}
