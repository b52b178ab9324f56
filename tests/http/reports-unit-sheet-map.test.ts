import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lineamientoColors } from '../../client/src/map/colors.ts';
import { streetName } from '../../client/src/map/street-name.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t?.close());

const official = `('oficial', 'aproximada')`;

/** The printed sheet's map of unit `id`: the whole SVG, its names and its legend's lines. */
async function sheetMap(id: number) {
  const response = await t.app.inject({ method: 'GET', url: `/reportes/unidad-vecinal/${id}.html` });
  expect(response.statusCode).toBe(200);
  const svg = response.body.slice(response.body.indexOf('<svg'), response.body.indexOf('</svg>') + 6);
  const group = (name: string) => svg.slice(svg.indexOf(`class="${name}"`), svg.indexOf('</g>', svg.indexOf(`class="${name}"`)));
  const texts = (part: string) => [...part.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? '');
  return { html: response.body, svg, names: texts(group('nombres')), legend: texts(svg.slice(svg.indexOf('class="leyenda"'))) };
}

const ids = async (sql: string) => (await t.database.db.query<{ id: number }>(sql)).map((row) => row.id);

/** English a careless map would print (legend, scale, classes); none of them is Spanish. */
const english =
  /\b(Legend|Scale|North|Streets?|River|Wetland|Projects?|Heritage|Neighbou?rhood|Places?|Blocks?|Dumps?|Cleaned|Reported|Proposed|Current|undefined|null|NaN)\b/;
const visibleText = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the map of the printed unit sheet', () => {
  it('names the unit and the places in it, has a legend of the lineamientos drawn, and no English', async () => {
    // The unit with the most located projects (the sheet's own test unit) that also holds a place name.
    const [id] = await ids(
      `select uv.id from unidades_vecinales uv
       where exists (select 1 from toponimia t where t."precision" in ${official} and ST_Intersects(uv.geom, t.geom))
       order by (select count(*) from proyectos p where p."precision" in ${official} and ST_Intersects(uv.geom, p.geom) and not ST_Touches(uv.geom, p.geom)) desc, uv.id
       limit 1`,
    );
    const db = t.database.db;
    const [unit] = await db.query<{ nombre: string }>(`select nombre from unidades_vecinales where id = $1`, [id]);
    const places = await db.query<{ nombre: string }>(
      `select t.nombre from toponimia t join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, t.geom) where t."precision" in ${official}`,
      [id],
    );
    const lineamientos = await db.query<{ codigo: string }>(
      `select distinct pp.lineamiento_codigo as codigo from proyectos_plan pp join unidades_vecinales uv on uv.id = $1
       and ST_Intersects(uv.geom, pp.geom) and not ST_Touches(uv.geom, pp.geom) where pp."precision" in ${official} order by 1`,
      [id],
    );
    expect(lineamientos.length).toBeGreaterThan(0);

    const map = await sheetMap(id!);
    expect(map.svg).toContain('<clipPath id="marco-mapa">');
    expect(map.names).toContain(unit!.nombre);
    expect(map.names.some((name) => places.some((place) => place.nombre === name))).toBe(true);
    expect(map.svg).toContain('>Leyenda</text>');
    const projectLines = map.legend.filter((line) => line.startsWith('Proyecto '));
    expect(projectLines.map((line) => line.slice('Proyecto '.length, 'Proyecto L1'.length))).toEqual(lineamientos.map((row) => row.codigo));
    for (const { codigo } of lineamientos) expect(map.svg).toContain(`stroke="${lineamientoColors[codigo]}"`);
    expect(map.legend).toContain('Unidad vecinal de la ficha');
    expect(visibleText(map.html)).not.toMatch(english);
  });

  it('names streets along their line in a town unit that has them', async () => {
    // The unit crossed by the most streets of the sample.
    const [id] = await ids(
      `select uv.id from unidades_vecinales uv
       order by (select count(*) from calles c where c."precision" in ${official} and ST_Intersects(uv.geom, c.geom)) desc, uv.id limit 1`,
    );
    const streets = await t.database.db.query<{ nombre: string }>(
      `select distinct c.nombre from calles c join unidades_vecinales uv on uv.id = $1 and ST_Intersects(uv.geom, c.geom)
       where c."precision" in ${official} and c.nombre is not null`,
      [id],
    );
    expect(streets.length).toBeGreaterThan(0);
    const map = await sheetMap(id!);
    const named = streets.map((street) => streetName(street.nombre)).filter((name) => map.names.includes(name));
    expect(named.length).toBeGreaterThan(0);
    expect(map.legend).toContain('Calles');
    expect(map.svg).toContain('paint-order="stroke"');
  });
});
