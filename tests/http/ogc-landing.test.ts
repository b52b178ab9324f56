import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { layers } from '../../server/catalog/index.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { errorsOf, get, linkOf, ogcFixture, ogcValidators } from './ogc-helpers.ts';
import { openApiProblems, parameterOf } from './ogc-openapi-check.ts';

let testApp: TestApp;
const ogc = ogcValidators();
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const conformance = {
  core: 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  geojson: 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  oas30: 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
  crs: 'http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs',
};

describe('landing page /', () => {
  it('answers a JSON client with the OGC landing page and its required links', async () => {
    const answer = await get(testApp.app, '/', { accept: 'application/json' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/json/);
    const body = answer.json();
    expect(ogc.landingPage(body), errorsOf(ogc.landingPage)).toBe(true);
    expect(linkOf(body, 'self', 'application/json')?.href).toBe('http://localhost:80/');
    expect(linkOf(body, 'alternate', 'text/html')).toBeDefined();
    expect(linkOf(body, 'service-desc', 'application/vnd.oai.openapi+json;version=3.0')?.href).toBe('http://localhost:80/api');
    expect(linkOf(body, 'service-doc', 'text/html')?.href).toBe('http://localhost:80/api.html');
    expect(linkOf(body, 'conformance')?.href).toBe('http://localhost:80/conformance');
    expect(linkOf(body, 'data')?.href).toBe('http://localhost:80/collections');
  });

  it('leads every link of the landing page to a 200 answer of the announced type', async () => {
    const body = (await get(testApp.app, '/')).json();
    for (const link of body.links as { href: string; type: string; rel: string }[]) {
      const answer = await get(testApp.app, link.href, { accept: link.type });
      // The map client answers 503 (an HTML page saying how to build it) until `npm run build` ran.
      expect(answer.status === 200 || (link.rel === 'alternate' && answer.status === 503), `${link.href}: ${answer.status}`).toBe(true);
      expect(String(answer.headers['content-type']), link.rel).toContain(link.type.split(';')[0]);
    }
  });

  it('builds absolute links from X-Forwarded-Proto/Host behind a proxy, and ignores a forged host', async () => {
    const proxied = (await get(testApp.app, '/', { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'sit.vallenar.cl' })).json();
    expect(linkOf(proxied, 'data')?.href).toBe('https://sit.vallenar.cl/collections');
    const forged = (await get(testApp.app, '/', { 'x-forwarded-host': 'evil.example/"><script>' })).json();
    expect(linkOf(forged, 'data')?.href).toBe('http://localhost:80/collections');
  });

  it('gives a browser the map client: Accept text/html or f=html, but f=json forces JSON', async () => {
    const browser = await get(testApp.app, '/', { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });
    expect(browser.headers['content-type']).toMatch(/^text\/html/);
    expect(browser.body).toMatch(/<html/i);
    expect(browser.headers.vary).toMatch(/Accept/);
    expect((await get(testApp.app, '/?f=html')).headers['content-type']).toMatch(/^text\/html/);
    const forced = await get(testApp.app, '/?f=json', { accept: 'text/html' });
    expect(forced.headers['content-type']).toMatch(/^application\/json/);
    expect(forced.json().links).toBeInstanceOf(Array);
  });

  it('rejects an unknown format with 400', async () => {
    const answer = await get(testApp.app, '/?f=xml');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: 'f' });
  });
});

describe('/conformance', () => {
  it('declares Core, GeoJSON, OpenAPI 3.0 and CRS by reference', async () => {
    const answer = await get(testApp.app, '/conformance');
    expect(answer.status).toBe(200);
    const body = answer.json();
    expect(ogc.conformance(body), errorsOf(ogc.conformance)).toBe(true);
    expect(body.conformsTo).toEqual(expect.arrayContaining(Object.values(conformance)));
  });

  it('rejects unknown query parameters with 400 and names them', async () => {
    const answer = await get(testApp.app, '/conformance?foo=1');
    expect(answer.status).toBe(400);
    expect(answer.json()).toMatchObject({ code: 'invalid_parameter', field: 'foo' });
    expect(ogc.exception(answer.json())).toBe(true);
  });
});

describe('/api (OpenAPI 3.0)', () => {
  let document: Record<string, unknown>;
  beforeAll(async () => {
    const answer = await get(testApp.app, '/api', { accept: 'application/vnd.oai.openapi+json;version=3.0' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^application\/vnd\.oai\.openapi\+json;\s*version=3\.0/);
    document = answer.json();
  });

  it('is a valid OpenAPI 3.0 document', () => {
    expect(openApiProblems(document)).toEqual([]);
  });

  it('uses a validity check that does catch what generated documents get wrong', () => {
    const broken = {
      openapi: '3.1.0',
      info: { title: 'x' },
      paths: {
        '/a/{id}': {
          get: { responses: { 200: { content: { 'application/json': { schema: { type: ['string', 'null'], const: 'x' } } } } } },
        },
        '/b': { get: { parameters: [{ name: 'q', in: 'query', schema: { $ref: '#/components/schemas/missing' } }], responses: {} } },
      },
    };
    const problems = openApiProblems(broken).join('\n');
    for (const expected of [
      'no es 3.0.x',
      'title y version',
      'falta el parámetro de ruta id',
      'falta description',
      'type inválido',
      'const',
      'referencia rota',
      'sin respuestas',
    ]) {
      expect(problems).toContain(expected);
    }
  });

  it('compiles every schema of the document as JSON Schema', () => {
    const ajv = new Ajv({ strict: false });
    const components = (document.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {};
    for (const [name, schema] of Object.entries(components)) expect(() => ajv.compile(schema as object), name).not.toThrow();
  });

  it('describes the OGC resources, with an items path for every collection of the catalogue', () => {
    const paths = Object.keys(document.paths as object);
    for (const route of [
      '/',
      '/conformance',
      '/api',
      '/collections',
      '/collections/{collectionId}',
      '/collections/{collectionId}/items/{featureId}',
    ]) {
      expect(paths).toContain(route);
    }
    for (const layer of layers) expect(paths).toContain(`/collections/${layer.id}/items`);
    expect(document.servers).toEqual([{ url: 'http://localhost:80', description: expect.any(String) }]);
  });

  it('describes limit, bbox and datetime as the OGC test suite expects (form style, no explode)', () => {
    for (const layer of layers) {
      const route = `/collections/${layer.id}/items`;
      const limit = parameterOf(document, route, 'limit');
      expect(limit, route).toMatchObject({ in: 'query', style: 'form', explode: false });
      expect(limit?.required ?? false).toBe(false);
      expect(limit?.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 10_000, default: 100 });
      const bbox = parameterOf(document, route, 'bbox');
      expect(bbox, route).toMatchObject({ in: 'query', style: 'form', explode: false });
      expect(bbox?.schema).toMatchObject({ type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } });
      expect(parameterOf(document, route, 'datetime')).toMatchObject({
        in: 'query',
        style: 'form',
        explode: false,
        schema: { type: 'string' },
      });
    }
  });

  it('describes crs and bbox-crs as the official Part 2 building blocks do, listing the served CRSs', () => {
    for (const name of ['crs', 'bbox-crs']) {
      const official = ogcFixture(`crs/${name}.yaml`);
      const ours = parameterOf(document, '/collections/comuna/items', name);
      expect(ours).toMatchObject({
        name,
        in: official.in,
        style: official.style,
        explode: official.explode,
        schema: official.schema as object,
      });
      expect((ours?.schema as { enum: string[] }).enum[0]).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
    }
  });

  it('lists each layer’s filterable properties as query parameters, typed from the catalogue', () => {
    for (const layer of layers) {
      for (const property of layer.properties.filter((candidate) => candidate.filterable)) {
        const parameter = parameterOf(document, `/collections/${layer.id}/items`, property.name);
        expect(parameter, `${layer.id}.${property.name}`).toMatchObject({ in: 'query' });
        const type = (parameter?.schema as { type: string }).type;
        expect(type).toBe(property.type === 'date' ? 'string' : property.type);
      }
    }
  });

  it('announces the Content-Crs header and the GeoJSON media type of the items', () => {
    const operation = (document.paths as Record<string, { get: { responses: Record<string, Record<string, Record<string, unknown>>> } }>)[
      '/collections/comuna/items'
    ]?.get;
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toContain('application/geo+json');
    expect(operation?.responses['200']?.headers).toHaveProperty('Content-Crs');
  });

  it('names the OGC operations in Spanish', () => {
    const summary = (route: string) => (document.paths as Record<string, { get?: { summary?: string } }>)[route]?.get?.summary;
    expect(summary('/')).toBe('Página de inicio');
    expect(summary('/conformance')).toBe('Clases de conformidad');
    expect(summary('/api')).toBe('Definición de la API (OpenAPI 3.0)');
    expect(summary('/collections')).toBe('Colecciones');
    expect(summary('/collections/{collectionId}')).toBe('Una colección');
    expect(summary('/collections/{collectionId}/items/{featureId}')).toBe('Un elemento');
    for (const layer of layers) expect(summary(`/collections/${layer.id}/items`)).toBe(`Elementos de «${layer.title}»`);
  });
});

describe('/api.html (human documentation)', () => {
  it('is a Spanish page of the SIT rendered from the OpenAPI document, with no script and nothing from the network', async () => {
    const page = await get(testApp.app, '/api.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="es-CL">');
    expect(page.body).toContain('<title>SIT Vallenar – Documentación de la API</title>');
    expect(page.body).not.toMatch(/<script|swagger|fastify/i);
    // The definition it points to is the API's own /api, which answers the same document.
    expect(page.body).toContain('<a href="/api"><code>/api</code></a>');
    expect(page.body).not.toContain('/api.html/json');
    const spec = await get(testApp.app, '/api');
    expect(spec.json().openapi).toMatch(/^3\.0\./);
    const operations = Object.values(spec.json().paths as Record<string, object>).reduce((sum, item) => sum + Object.keys(item).length, 0);
    expect(page.body.match(/<details class="operacion"/g)?.length).toBe(operations);
    for (const asset of [...page.body.matchAll(/(?:src|href)="([^"#]+)"/g)].map((match) => match[1] as string)) {
      expect(asset, 'local link').toMatch(/^\//);
    }
    // What @fastify/swagger writes for an undescribed response is shown in Spanish.
    expect(page.body).not.toContain('Default Response');
  });
});
