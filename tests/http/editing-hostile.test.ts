import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layers } from '../../server/catalog/index.ts';
import { quoteIdent } from '../../server/db/sql.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';
import { authHeaders } from '../support/auth.ts';

let t: TestApp;
let planner: { authorization: string };
let heritageId: number;
let heritagePath: string;

/** Everything a write could change: every editable table's content, the audit trail, the recycle bin, layer versions. */
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const layer of layers.filter((candidate) => candidate.editing)) {
    const [row] = await t.app.db.query<{ n: number; digest: string | null }>(
      `select count(*)::int as n, md5(string_agg(t::text, '|' order by t.${quoteIdent(layer.idColumn)})) as digest from ${quoteIdent(layer.table)} t`,
    );
    parts.push(`${layer.id}:${row!.n}:${row!.digest}`);
  }
  for (const table of ['auditoria', 'papelera', 'usuarios', 'layer_version']) {
    const [row] = await t.app.db.query<{ digest: string | null }>(
      `select md5(string_agg(t::text, '|' order by t::text)) as digest from ${table} t`,
    );
    parts.push(`${table}:${row!.digest}`);
  }
  return parts.join('\n');
}

const validHeritage = () => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [-70.7612, -28.5752] },
  properties: { nombre: 'Casa válida', categoria: 'Inmueble de Conservación Histórica', fuente: 'Prueba', precision: 'aproximada' },
});

function withGeometry(geometry: unknown) {
  return { ...validHeritage(), geometry };
}

const fragments = [
  "'; DROP TABLE patrimonio; --",
  "' OR '1'='1",
  '1; delete from auditoria',
  '1 UNION SELECT clave_hash FROM usuarios',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
];

let before = '';
beforeAll(async () => {
  t = await openTestApp();
  planner = await authHeaders(t.app, 'planificador');
  const created = await t.app.inject({ method: 'POST', url: '/collections/patrimonio/items', headers: planner, payload: validHeritage() });
  heritagePath = new URL(String(created.headers.location)).pathname;
  heritageId = created.json().id;
});
afterAll(async () => t?.close());

describe('hostile and malformed edits: a 4xx with a field, and the database unchanged', () => {
  beforeAll(async () => {
    before = await fingerprint();
  });

  const raw = (method: 'POST' | 'PUT' | 'PATCH', url: string, body: string, contentType = 'application/geo+json') =>
    t.app.inject({ method, url, headers: { ...planner, 'content-type': contentType }, payload: body });

  it.each([
    ['NaN', '{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,-28.57]},"properties":{}}'],
    ['Infinity', '{"type":"Feature","geometry":{"type":"Point","coordinates":[Infinity,-28.57]},"properties":{}}'],
    ['a truncated body', '{"type":"Feature","geometry":{"type":"Point","coordinates":[-70.7,'],
    ['prototype pollution', '{"type":"Feature","__proto__":{"admin":true},"geometry":null,"properties":{}}'],
  ])('refuses %s as JSON with 400', async (_name, body) => {
    const response = await raw('POST', '/collections/patrimonio/items', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().description).toEqual(expect.any(String));
  });

  it('refuses 1e400 (Infinity once parsed) in a coordinate and in a number field', async () => {
    const coordinate = await raw('POST', '/collections/patrimonio/items', JSON.stringify(validHeritage()).replace('-70.7612', '1e400'));
    expect(coordinate.statusCode).toBe(422);
    expect(coordinate.json()).toMatchObject({ code: 'invalid_feature', field: 'geometry.coordinates' });
    expect(coordinate.json().description).toMatch(/finito/);
    const body = {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [-70.76, -28.57] },
      properties: { codigo: 'MB-HOSTIL', estado: 'reportado', tenencia: 'publica', superficie_m2: 12, fuente: 'x', precision: 'demo' },
    };
    const number = await raw(
      'POST',
      '/collections/microbasurales/items',
      JSON.stringify(body).replace('"superficie_m2":12', '"superficie_m2":1e400'),
    );
    expect(number.statusCode).toBe(422);
    expect(number.json().field).toBe('properties.superficie_m2');
  });

  it.each([
    [
      'an unclosed ring',
      'humedal_urbano',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-70.76, -28.57],
            [-70.75, -28.57],
            [-70.75, -28.56],
            [-70.76, -28.56],
          ],
        ],
      },
      /no está cerrado/,
    ],
    [
      'a ring of three positions',
      'humedal_urbano',
      {
        type: 'Polygon',
        coordinates: [
          [
            [-70.76, -28.57],
            [-70.75, -28.57],
            [-70.76, -28.57],
          ],
        ],
      },
      /al menos 4/,
    ],
    ['a one-point line', 'ciclovias', { type: 'LineString', coordinates: [[-70.76, -28.57]] }, /al menos dos/],
    [
      'a line of one repeated point',
      'ciclovias',
      {
        type: 'LineString',
        coordinates: [
          [-70.76, -28.57],
          [-70.76, -28.57],
        ],
      },
      /distintas/,
    ],
    ['UTM metres sent as degrees', 'patrimonio', { type: 'Point', coordinates: [328000, 6838000] }, /parecen metros UTM/],
    ['latitude beyond 90', 'patrimonio', { type: 'Point', coordinates: [-70.76, -128.57] }, /fuera del rango/],
    ['a string coordinate', 'patrimonio', { type: 'Point', coordinates: ['-70.76', -28.57] }, /no es un número/],
    ['a four-number position', 'patrimonio', { type: 'Point', coordinates: [-70.76, -28.57, 0, 1] }, /\[x, y\]/],
    [
      'a line for a point layer',
      'patrimonio',
      {
        type: 'LineString',
        coordinates: [
          [-70.76, -28.57],
          [-70.75, -28.57],
        ],
      },
      /se recibió un línea/,
    ],
    ['a point for a polygon layer', 'humedal_urbano', { type: 'Point', coordinates: [-70.76, -28.57] }, /guarda/],
    ['a GeometryCollection', 'patrimonio', { type: 'GeometryCollection', geometries: [] }, /colecciones de geometrías/],
    ['no geometry', 'patrimonio', null, /Falta la geometría/],
    ['an unknown type', 'patrimonio', { type: 'Circle', coordinates: [-70.76, -28.57], radius: 5 }, /desconocido/],
  ])('refuses %s with 422 naming the geometry', async (_name, collection, geometry, message) => {
    const properties =
      collection === 'humedal_urbano'
        ? { nombre: 'x', version: 'historica', fuente: 'x', precision: 'demo' }
        : collection === 'ciclovias'
          ? { nombre: 'x', estado: 'propuesta', fuente: 'x', precision: 'demo' }
          : validHeritage().properties;
    const response = await t.app.inject({
      method: 'POST',
      url: `/collections/${collection}/items`,
      headers: planner,
      payload: { type: 'Feature', geometry, properties },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().field).toMatch(/^geometry/);
    expect(response.json().description).toMatch(message);
  });

  it('refuses a 50 MB body with 413 before reading it', async () => {
    const huge = JSON.stringify(withGeometry({ type: 'Point', coordinates: [-70.76, -28.57] })).replace(
      'Casa válida',
      'x'.repeat(50 * 1024 * 1024),
    );
    const response = await raw('POST', '/collections/patrimonio/items', huge);
    expect(response.statusCode).toBe(413);
    expect(response.json().description).toMatch(/demasiado grande/);
  });

  it('refuses deeply nested JSON with 400 json_too_deep', async () => {
    const depth = 100_000;
    const body = `{"type":"Feature","geometry":{"type":"Point","coordinates":${'['.repeat(depth)}${']'.repeat(depth)}},"properties":{}}`;
    const response = await raw('POST', '/collections/patrimonio/items', body);
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('json_too_deep');
  });

  it('refuses a body that is not a Feature, and a content type that is not JSON', async () => {
    expect((await raw('POST', '/collections/patrimonio/items', '[1,2,3]')).statusCode).toBe(400);
    const empty = await raw('POST', '/collections/patrimonio/items', '{}');
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'invalid_feature', field: 'type' });
    expect(empty.json().description).toMatch(/debe ser un GeoJSON Feature/);
    // Who may write is checked before what was sent: the public gets 401 whatever the body.
    for (const body of ['{}', 'no es JSON']) {
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/collections/patrimonio/items',
        headers: { 'content-type': 'text/plain' },
        payload: body,
      });
      expect(anonymous.statusCode).toBe(401);
    }
    expect((await raw('POST', '/collections/patrimonio/items', JSON.stringify(validHeritage()), 'text/plain')).statusCode).toBe(415);
  });

  it.each([
    ['an unknown property', { color: 'rojo' }, 'properties.color', /no tiene el campo/],
    ['a missing required property', { nombre: null }, 'properties.nombre', /obligatorio/],
    ['a value outside the enumeration', { categoria: 'Castillo' }, 'properties.categoria', /debe ser uno de/],
    ['a number for a text', { nombre: 12 }, 'properties.nombre', /debe ser texto/],
    ['an object for a text', { nombre: { $gt: '' } }, 'properties.nombre', /debe ser texto/],
    ['a nested array for a text', { estado_conservacion: [[[['x']]]] }, 'properties.estado_conservacion', /debe ser texto/],
    ['an invalid precision', { precision: 'exacta' }, 'properties.precision', /oficial, aproximada, ilustrativa, demo/],
    ['an overlong text', { nombre: 'x'.repeat(2001) }, 'properties.nombre', /supera 2000/],
  ])('refuses %s with 422 naming the field', async (_name, change, field, message) => {
    const body = validHeritage();
    const response = await t.app.inject({
      method: 'POST',
      url: '/collections/patrimonio/items',
      headers: planner,
      payload: { ...body, properties: { ...body.properties, ...change } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ code: 'invalid_feature', field });
    expect(response.json().description).toMatch(message);
  });

  it('refuses a generated property, an impossible date and a negative amount', async () => {
    const cycle = await t.app.inject({
      method: 'POST',
      url: '/collections/ciclovias/items',
      headers: planner,
      payload: {
        type: 'Feature',
        geometry: {
          type: 'LineString',
          coordinates: [
            [-70.76, -28.57],
            [-70.75, -28.57],
          ],
        },
        properties: { nombre: 'x', estado: 'propuesta', longitud_m: 5, fuente: 'x', precision: 'demo' },
      },
    });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json().field).toBe('properties.longitud_m');
    const dump = (properties: Record<string, unknown>) =>
      t.app.inject({
        method: 'POST',
        url: '/collections/microbasurales/items',
        headers: planner,
        payload: {
          type: 'Feature',
          geometry: { type: 'Point', coordinates: [-70.76, -28.57] },
          properties: { codigo: 'MB-X', estado: 'reportado', tenencia: 'publica', fuente: 'x', precision: 'demo', ...properties },
        },
      });
    expect((await dump({ primer_reporte: '2025-02-30' })).json().field).toBe('properties.primer_reporte');
    expect((await dump({ volumen_m3: -3 })).json().field).toBe('properties.volumen_m3');
    const reversed = await dump({ primer_reporte: '2025-03-01', ultimo_reporte: '2025-01-01' });
    expect(reversed.statusCode).toBe(422);
  });

  it('refuses SQL and script fragments in every text field of every editable layer', async () => {
    for (const layer of layers.filter((candidate) => candidate.editing)) {
      const texts = layer.properties.filter((property) => property.type === 'string' && !property.generated);
      for (const property of texts) {
        for (const fragment of fragments) {
          const response = await t.app.inject({
            method: 'PATCH',
            url: `/collections/${layer.id}/items/1`,
            headers: planner,
            payload: { properties: { [property.name]: fragment } },
          });
          expect([404, 422], `${layer.id}.${property.name} ← ${fragment}`).toContain(response.statusCode);
          if (response.statusCode === 422) expect(response.json().field).toBe(`properties.${property.name}`);
        }
      }
    }
    // The heritage item exists, so its answers are 422 (refused), not 404.
    for (const fragment of fragments) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: heritagePath,
        headers: planner,
        payload: { properties: { nombre: fragment } },
      });
      expect(response.statusCode).toBe(422);
    }
  });

  it('refuses SQL and script fragments in every number, date and enumerated field too', async () => {
    for (const fragment of fragments) {
      for (const name of ['categoria', 'instrumento_proteccion', 'precision']) {
        const response = await t.app.inject({
          method: 'PATCH',
          url: heritagePath,
          headers: planner,
          payload: { properties: { [name]: fragment } },
        });
        expect(response.statusCode).toBe(422);
      }
    }
  });

  it('refuses SQL and script fragments in the path, the query and the headers', async () => {
    for (const fragment of fragments) {
      const encoded = encodeURIComponent(fragment);
      const inCollection = await t.app.inject({
        method: 'POST',
        url: `/collections/${encoded}/items`,
        headers: planner,
        payload: validHeritage(),
      });
      expect(inCollection.statusCode).toBe(404);
      const inId = await t.app.inject({
        method: 'PUT',
        url: `/collections/patrimonio/items/${encoded}`,
        headers: planner,
        payload: validHeritage(),
      });
      expect(inId.statusCode).toBe(404);
      const inQuery = await t.app.inject({
        method: 'POST',
        url: `/collections/patrimonio/items?reparar=${encoded}`,
        headers: planner,
        payload: validHeritage(),
      });
      expect(inQuery.statusCode).toBe(400);
      const inIfMatch = await t.app.inject({
        method: 'PUT',
        url: heritagePath,
        headers: { ...planner, 'if-match': `"${fragment}"` },
        payload: validHeritage(),
      });
      expect(inIfMatch.statusCode).toBe(412);
      const inCrs = await t.app.inject({
        method: 'POST',
        url: '/collections/patrimonio/items',
        headers: { ...planner, 'content-crs': `<${fragment}>` },
        payload: validHeritage(),
      });
      expect(inCrs.statusCode).toBe(400);
      expect(inCrs.json().field).toBe('Content-Crs');
      const inLogin = await t.app.inject({
        method: 'POST',
        url: '/auth/login',
        remoteAddress: `10.9.${fragments.indexOf(fragment)}.1`,
        payload: { usuario: fragment, clave: fragment },
      });
      expect(inLogin.statusCode).toBe(401);
      const inToken = await t.app.inject({ method: 'GET', url: '/collections', headers: { authorization: `Bearer sit_${fragment}` } });
      expect(inToken.statusCode).toBe(401);
    }
  });

  it('left the database exactly as it was', async () => {
    expect(await fingerprint()).toBe(before);
    const [row] = await t.app.db.query<{ n: number }>(`select count(*)::int as n from patrimonio where id = $1`, [heritageId]);
    expect(row!.n).toBe(1);
  });
});
