import type { Feature, FeatureCollection } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { censusDifferenceNote, censusReconciliation2017 } from '../../server/catalog/population.ts';
import { readMigrations } from '../../server/db/migrate.ts';
import type { ProjectCardBody } from '../../server/routes/plan/schemas.ts';
import { openTestApp, type TestApp } from '../support/test-app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await openTestApp();
});
afterAll(async () => {
  await testApp.close();
});

const features = async (collection: string): Promise<Feature[]> => {
  const response = await testApp.app.inject(`/collections/${collection}/items?limit=10000`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<FeatureCollection>().features;
};
const byName = (list: Feature[], name: string) => {
  const found = list.filter((feature) => feature.properties?.nombre === name);
  expect(found, name).toHaveLength(1);
  return found[0]!.properties!;
};
const card = async (codigo: string) => (await testApp.app.inject(`/plan/proyectos/${codigo}`)).json<ProjectCardBody>();

/** Who placed a position drawn from a text, and from what. */
const saysWhoAndFromWhat =
  /^(Ubicación|Trazado|Sustituto) ilustrativ[ao] del equipo SIT .*a partir d(el texto|e la zona censal|el distrito censal)/;

/** Located projects whose position was drawn only from the plan's text (issue #14), by code. */
const illustrativeProjects = {
  'L2.O1.P1.G2.01': 'three plazas',
  'L2.O1.P1.G3.02': 'punto limpio',
  'L2.O1.P1.G5.02': 'refugio canino',
  'L6.O1.P1.G2.02': 'Cavancha',
  'L3.O1.P1.G1.01': 'terminal agropecuario',
  'L6.O1.P1.G1.01': 'five cycle paths',
  'L6.O1.P1.G1.03': 'four bridges, by the Puente Oriente',
  'L6.O1.P1.G1.04': 'pedestrian bridge',
  'L6.O1.P1.G1.02': 'accessible routes',
  'L3.O1.P5.G1.01': 'heritage route',
  'L6.O1.P1.G3.05': 'Parque Torreblanca–Vista Alegre',
  'L6.O1.P1.G4.02': 'Gobernación',
  'L6.O1.P1.G4.03': 'Ex Escuela N°1',
  'L6.O1.P1.G4.04': 'Torre Centenario',
} as const;

describe('precision that tells the truth', () => {
  it('serves the heritage points placed only from the plan as ilustrativa, saying who placed them and from what', async () => {
    const heritage = await features('patrimonio');
    for (const name of ['Edificio de la Gobernación', 'Ex Escuela N°1', 'Torre Centenario']) {
      const properties = byName(heritage, name);
      expect(properties.precision, name).toBe('ilustrativa');
      expect(properties.fuente, name).toMatch(saysWhoAndFromWhat);
      expect(properties.fuente, name).toMatch(/no verificada/);
    }
    // The church has published coordinates: approximate, not illustrative.
    expect(byName(heritage, 'Iglesia San Ambrosio').precision).toBe('aproximada');
  });

  it('serves all five cycle paths and the Puente Oriente as ilustrativa', async () => {
    const paths = await features('ciclovias');
    expect(paths).toHaveLength(5);
    for (const path of paths) {
      expect(path.properties?.precision, path.properties?.nombre).toBe('ilustrativa');
      expect(path.properties?.fuente).toMatch(saysWhoAndFromWhat);
    }
    const bridge = byName(await features('puentes'), 'Puente Oriente, sector polideportivo (propuesto)');
    expect(bridge).toMatchObject({ precision: 'ilustrativa', fuente: expect.stringMatching(saysWhoAndFromWhat) });
  });

  it('serves the 27 neighbourhood units as census stand-ins, ilustrativa, saying they are not the real units', async () => {
    const units = await features('unidades_vecinales');
    expect(units).toHaveLength(27);
    for (const unit of units) {
      expect(unit.properties?.precision, unit.properties?.codigo).toBe('ilustrativa');
      expect(unit.properties?.fuente).toMatch(/^Sustituto ilustrativo del equipo SIT a partir de(l distrito| la zona) censal INE 2017/);
      expect(unit.properties?.fuente).toMatch(/no (es )?(de )?la unidad vecinal/);
    }
  });

  it('labels the located projects drawn from the text ilustrativa, and no located project says its place comes from the PLADECO', async () => {
    const projects = await features('proyectos');
    const located = projects.filter((project) => project.geometry !== null);
    expect(located).toHaveLength(21);
    for (const project of located) {
      const { codigo, precision, fuente } = project.properties as { codigo: string; precision: string; fuente: string };
      expect(precision, codigo).toBe(codigo in illustrativeProjects ? 'ilustrativa' : 'aproximada');
      expect(fuente, codigo).toMatch(/; ubicación: .*equipo SIT/);
      expect(fuente, codigo).not.toMatch(/Digitalizado por SIT Vallenar según PLADECO/);
    }
    const plazas = await card('L2.O1.P1.G2.01');
    expect(plazas.fuente).toContain(
      'Ubicación ilustrativa del equipo SIT a partir del texto del PLADECO 2022–2029 (el Tomo II no da ubicaciones)',
    );
    expect(plazas.ubicacionNota).toMatch(/cae dentro de una manzana censal habitada/);
  });

  it('makes a project placed at several spots as exact as its least exact one: the four bridges are ilustrativa because of the Puente Oriente', async () => {
    const bridges = await card('L6.O1.P1.G1.03');
    expect(bridges.precision).toBe('ilustrativa');
    expect(bridges.fuente).toContain('Ubicación aproximada del equipo SIT sobre el eje aproximado del río');
    expect(bridges.fuente).toContain('Ubicación ilustrativa del equipo SIT');
  });

  it('says the wetland is «vigente» on the word of the press, not of the PLADECO', async () => {
    const current = (await features('humedal_urbano')).find((feature) => feature.properties?.version === 'vigente')!.properties!;
    expect(current.estado_legal).toMatch(/^vigente según la prensa regional \(tierramarillano\.cl/);
    expect(current.estado_legal).toMatch(/no según el PLADECO/);
    expect(current.fuente).toMatch(/según la prensa regional \(tierramarillano\.cl\), no según el PLADECO/);
  });
});

describe('migration 0010 on a database seeded before it', () => {
  const oldSeed = {
    gobernacion: 'Digitalizado por SIT Vallenar (aproximado). Ubicación supuesta frente a la Plaza de Armas (costado NE); no verificada.',
    torre: 'Digitalizado por SIT Vallenar (aproximado). Ubicación supuesta en la Plaza de Armas; no verificada.',
    unit: 'Sustituto referencial basado en la zona censal INE 2017 03301011001 (no es la unidad vecinal oficial); población: CSV chilemapas; viviendas: manzanas INE; hogares: sin dato (los archivos censales traen viviendas, no hogares)',
    project:
      'PLADECO 2022–2029, Tomo II (Municipalidad de Vallenar, SECPLA); ubicación: Digitalizado por SIT Vallenar según PLADECO 2022–2029 Tomo II (ubicación aproximada)',
  };
  const heritageRow = async (nombre: string) =>
    (
      await testApp.app.db.query<{ id: number; fuente: string; precision: string }>(
        'select id, fuente, "precision" from patrimonio where nombre = $1',
        [nombre],
      )
    )[0]!;
  const apply0010 = async () => {
    const migration = (await readMigrations()).find((candidate) => candidate.version === '0010');
    expect(migration?.name).toBe('ilustrativa_y_poblacion');
    await testApp.app.db.transaction((tx) => tx.exec(migration!.sql));
  };

  it('relabels rows still as the old seed loaded them, leaves a planner’s edit alone, and records why in the history', async () => {
    const db = testApp.app.db;
    const seeded = await heritageRow('Edificio de la Gobernación');
    const [seededUnit] = await db.query<{ fuente: string; poblacion: number }>(
      "select fuente, poblacion from unidades_vecinales where codigo = 'UV-REF-01'",
    );
    const [seededProject] = await db.query<{ fuente: string }>("select fuente from proyectos where codigo = 'L6.O1.P1.G4.02'");

    // A database seeded before the relabelling, where a planner has since checked the Torre Centenario on site.
    await db.query(`update patrimonio set fuente = $1, "precision" = 'aproximada' where nombre = 'Edificio de la Gobernación'`, [
      oldSeed.gobernacion,
    ]);
    await db.query(`update patrimonio set fuente = $1, "precision" = 'aproximada' where nombre = 'Torre Centenario'`, [
      'Ubicación verificada en terreno por la DOM (2026)',
    ]);
    await db.query(`update unidades_vecinales set fuente = $1, "precision" = 'aproximada', poblacion = 3481 where codigo = 'UV-REF-01'`, [
      oldSeed.unit,
    ]);
    await db.query(`update proyectos set fuente = $1, "precision" = 'aproximada' where codigo = 'L6.O1.P1.G4.02'`, [oldSeed.project]);
    const torre = await heritageRow('Torre Centenario');

    await apply0010();

    // What a person reads through the API afterwards.
    const heritage = await features('patrimonio');
    expect(byName(heritage, 'Edificio de la Gobernación')).toMatchObject({ precision: 'ilustrativa', fuente: seeded.fuente });
    expect(byName(heritage, 'Torre Centenario')).toMatchObject({
      precision: 'aproximada',
      fuente: 'Ubicación verificada en terreno por la DOM (2026)',
    });
    const unit = (await features('unidades_vecinales')).find((feature) => feature.properties?.codigo === 'UV-REF-01')!.properties!;
    expect(unit).toMatchObject({ precision: 'ilustrativa', fuente: seededUnit!.fuente, poblacion: seededUnit!.poblacion });
    expect(unit.poblacion).toBe(3793);
    const project = await card('L6.O1.P1.G4.02');
    expect(project).toMatchObject({ precision: 'ilustrativa', fuente: seededProject!.fuente });

    const history = await db.query<{ usuario: string; objeto_id: string; antes: unknown; despues: unknown }>(
      "select usuario, objeto_id, antes, despues from auditoria where recurso = 'patrimonio' and objeto_id in ($1, $2)",
      [String(seeded.id), String(torre.id)],
    );
    expect(history).toEqual([
      {
        usuario: 'migración 0010 (SIT)',
        objeto_id: String(seeded.id),
        antes: { properties: { fuente: oldSeed.gobernacion, precision: 'aproximada' } },
        despues: { properties: { fuente: seeded.fuente, precision: 'ilustrativa' } },
      },
    ]);
  });

  it('changes nothing on a database already relabelled', async () => {
    const snapshot = () =>
      testApp.app.db.query(
        `select 'patrimonio' as capa, id, fuente, "precision"::text, null::int as poblacion from patrimonio
         union all select 'unidades_vecinales', id, fuente, "precision", poblacion from unidades_vecinales
         union all select 'zonas_censales', id, fuente, "precision", poblacion from zonas_censales
         union all select 'proyectos', id, fuente, "precision", null from proyectos
         order by 1, 2`,
      );
    const before = await snapshot();
    const [audits] = await testApp.app.db.query<{ n: number }>('select count(*)::int as n from auditoria');
    await apply0010();
    expect(await snapshot()).toEqual(before);
    expect((await testApp.app.db.query<{ n: number }>('select count(*)::int as n from auditoria'))[0]?.n).toBe(audits?.n);
  });
});

describe('population from one source', () => {
  const sum = (list: Feature[]) => list.reduce((total, feature) => total + ((feature.properties?.poblacion as number | null) ?? 0), 0);

  it('gives the urban zones and units the persons of their census blocks, so the three layers agree', async () => {
    const [blocks] = await testApp.app.db.query<{ personas: number; manzanas: number }>(
      'select sum(poblacion)::int as personas, count(*)::int as manzanas from manzanas_censales',
    );
    const zones = await features('zonas_censales');
    const urban = (await features('unidades_vecinales')).filter((unit) => unit.properties?.area === 'urbana');
    expect(blocks).toEqual({ personas: censusReconciliation2017.manzanasUrbanas, manzanas: 717 });
    expect(sum(zones)).toBe(censusReconciliation2017.manzanasUrbanas);
    expect(urban).toHaveLength(13);
    expect(sum(urban)).toBe(censusReconciliation2017.manzanasUrbanas);
    // Zone by zone, not only in total.
    const perZone = await testApp.app.db.query<{ geocodigo: string; zona: number; manzanas: number }>(
      `select z.geocodigo, z.poblacion as zona, sum(m.poblacion)::int as manzanas
       from zonas_censales z join manzanas_censales m on '0' || left(m.manzent, 10) = z.geocodigo
       group by z.geocodigo, z.poblacion`,
    );
    expect(perZone).toHaveLength(13);
    for (const row of perZone) expect(row.zona, row.geocodigo).toBe(row.manzanas);
  });

  it('says «sin información» for the two rural units with no figure: null, never 0', async () => {
    const rural = (await features('unidades_vecinales')).filter((unit) => unit.properties?.area === 'rural');
    expect(rural).toHaveLength(14);
    const unknown = rural.filter((unit) => unit.properties?.poblacion === null);
    expect(unknown.map((unit) => unit.properties?.nombre).sort()).toEqual([
      'Distrito censal 14 rural (referencial)',
      'Distrito censal 2 rural (referencial)',
    ]);
    for (const unit of unknown) expect(unit.properties?.fuente).toMatch(/población: sin información/);
    expect(rural.filter((unit) => unit.properties?.poblacion === 0)).toEqual([]);
    expect(sum(rural)).toBe(censusReconciliation2017.entidadesRurales);
  });

  it('reconciles the units with the census total of the comuna and states the difference', async () => {
    const { comuna, manzanasUrbanas, entidadesRurales, sinLocalizar, sinRepartir } = censusReconciliation2017;
    const units = await features('unidades_vecinales');
    expect(comuna).toBe(51_917);
    expect(sum(units)).toBe(50_713);
    expect(comuna - sum(units)).toBe(sinLocalizar + sinRepartir);
    expect(manzanasUrbanas + entidadesRurales + sinLocalizar + sinRepartir).toBe(comuna);
    expect(censusDifferenceNote).toContain('50.713 personas de las 51.917');
    expect(censusDifferenceNote).toContain('La diferencia (1.204) son 721 personas censadas sin zona ni localidad');
  });
});
