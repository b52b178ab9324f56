import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResultBody } from '../../server/routes/search/schemas.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const search = async (query: string) => {
  const response = await testApp.app.inject(`/buscar?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<SearchResultBody>();
};
const titles = (body: SearchResultBody) => body.features.map((hit) => hit.properties.titulo);

describe('GET /buscar', () => {
  it('finds the two bridge projects of the Plan Ciudad Bicentenario by "puentes"', async () => {
    const body = await search('q=puentes');
    expect(body.type).toBe('FeatureCollection');
    const codes = body.features.filter((hit) => hit.properties.capa === 'proyectos').map((hit) => hit.properties.codigo);
    expect(codes.sort()).toEqual(['L6.O1.P1.G1.03', 'L6.O1.P1.G1.04']);
    for (const hit of body.features) {
      expect(hit.properties.elemento).toBe(`/collections/proyectos/items/${hit.id.split('.')[1]}`);
    }
  });

  it('ignores accents and capitals in both the query and the data', async () => {
    const variants = ['q=R%C3%8DO%20huasco', 'q=rio%20HUASCO', 'q=R%C3%ADo%20Huasco'];
    const answers = await Promise.all(variants.map((query) => search(query)));
    expect(titles(answers[0] as SearchResultBody).length).toBeGreaterThan(0);
    for (const answer of answers) expect(titles(answer)).toEqual(titles(answers[0] as SearchResultBody));
    expect(titles(await search('q=chanar'))).toContain('Chañar Blanco');
    expect(titles(await search('q=ESTACION%20cachiyuyo'))).toEqual(['Estación de Ferrocarriles de Cachiyuyo']);
  });

  it('searches every layer it promises, and a project by its code', async () => {
    const layerOf = async (query: string) => (await search(query)).features.map((hit) => hit.properties.capa);
    expect(await layerOf('q=zona%20censal%204-1')).toContain('unidades_vecinales');
    expect(await layerOf('q=san%20ambrosio')).toEqual(expect.arrayContaining(['patrimonio', 'proyectos']));
    expect(await layerOf('q=domeyko')).toContain('toponimia');
    expect(await layerOf('q=eusebio%20lillo')).toContain('calles');
    const byCode = await search('q=L6.O1.P1.G1.03');
    expect(byCode.features[0]?.properties.codigo).toBe('L6.O1.P1.G1.03');
  });

  it('gives each located hit a point on it and the bbox of the whole feature', async () => {
    const body = await search('q=eusebio%20lillo&capas=calles');
    expect(body.features).toHaveLength(1);
    const [hit] = body.features;
    const [rows] = await testApp.database.db.query<{ xmin: number; ymin: number; xmax: number; ymax: number }>(
      `select ST_XMin(e) as xmin, ST_YMin(e) as ymin, ST_XMax(e) as xmax, ST_YMax(e) as ymax
       from (select ST_Extent(geom)::geometry as e from calles where nombre = 'EUSEBIO LILLO') x`,
    );
    expect(hit?.bbox).toEqual([rows?.xmin, rows?.ymin, rows?.xmax, rows?.ymax]);
    const [x, y] = hit?.geometry?.coordinates ?? [];
    expect(x).toBeGreaterThanOrEqual(rows?.xmin as number);
    expect(x).toBeLessThanOrEqual(rows?.xmax as number);
    expect(y).toBeGreaterThanOrEqual(rows?.ymin as number);
    expect(y).toBeLessThanOrEqual(rows?.ymax as number);
  });

  it('returns unlocated projects without geometry or bbox, so the card can still open', async () => {
    const body = await search('q=reglamentos%20internos&capas=proyectos');
    expect(body.features[0]?.geometry).toBeNull();
    expect(body.features[0]?.bbox).toBeUndefined();
  });

  it('lists titles that start with the query first, and respects the limit', async () => {
    const body = await search('q=parque&capas=proyectos&limit=3');
    expect(body.features).toHaveLength(3);
    for (const title of titles(body)) expect(title.toLowerCase().startsWith('parque')).toBe(true);
  });

  it('reads quotes, percent signs and SQL in the query as plain text', async () => {
    await testApp.database.db.query(
      `insert into toponimia (nombre, tipo, fuente, "precision", geom)
       values ('Quebrada "El Diablo" de O''Higgins', 'quebrada', 'prueba', 'demo', ST_SetSRID(ST_MakePoint(-70.8, -28.6), 4326))`,
    );
    expect(titles(await search(`q=${encodeURIComponent("o'higgins")}`))).toContain('Quebrada "El Diablo" de O\'Higgins');
    expect(titles(await search(`q=${encodeURIComponent('"el diablo"')}`))).toContain('Quebrada "El Diablo" de O\'Higgins');
    expect((await search('q=%25%25')).features).toEqual([]);
    expect((await search('q=__')).features).toEqual([]);
    expect((await search(`q=${encodeURIComponent("x'; drop table toponimia; --")}`)).features).toEqual([]);
    const [count] = await testApp.database.db.query<{ n: number }>('select count(*)::int as n from toponimia');
    expect(count?.n).toBeGreaterThan(1);
  });

  it('rejects an empty or one-letter query, an unknown layer and a bad limit with a Spanish 400', async () => {
    const cases: [string, string][] = [
      ['', 'q'],
      ['q=', 'q'],
      ['q=%20a%20', 'q'],
      ['q=rio&capas=manzanas_censales', 'capas'],
      ['q=rio&limit=0', 'limit'],
      ['q=rio&limit=5000', 'limit'],
      ['q=rio&orden=asc', 'orden'],
    ];
    for (const [query, field] of cases) {
      const response = await testApp.app.inject(`/buscar?${query}`);
      expect(response.statusCode, query).toBe(400);
      const body = response.json();
      expect(body.code, query).toBe('invalid_parameter');
      expect(body.field, query).toBe(field);
      expect(body.description, query).toMatch(/[a-záéíóú]/);
    }
  });
});
