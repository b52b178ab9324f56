#!/usr/bin/env node
// Checks data/seed/*.geojson against the seed contract (see data/README.md).
//
//   node data/tools/validate_seed.mjs [path/to/PLADECO_Tomo_II.txt]
//
// The plan text defaults to seeds/pladeco/source/pladeco-2022-2029-tomo-ii.txt;
// matches are also checked against seeds/pladeco/pladeco.json like the loader does.
import console from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { turf, readText, DATA_DIR, SEED_DIR, PRECISIONS, CENSO_2017_COMUNA, GEOCODIGO_SIN_LOCALIZAR } from './lib.mjs';

const REPO = path.resolve(DATA_DIR, '..');
const PLAN_CANDIDATES = [process.argv[2], path.join(REPO, 'seeds', 'pladeco', 'source', 'pladeco-2022-2029-tomo-ii.txt')].filter(Boolean);
const planPath = PLAN_CANDIDATES.find((p) => fs.existsSync(p)) ?? PLAN_CANDIDATES[0];
const planText = planPath && fs.existsSync(planPath) ? fs.readFileSync(planPath, 'utf8').normalize('NFC') : null;
// Same rule as server/plan/seed-plan.ts: a match must name exactly one project node.
const PLADECO_JSON = path.join(REPO, 'seeds', 'pladeco', 'pladeco.json');
const normalise = (t) =>
  t
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
const projectNodes = fs.existsSync(PLADECO_JSON)
  ? JSON.parse(fs.readFileSync(PLADECO_JSON, 'utf8'))
      .nodes.filter((n) => n.level === 'proyecto')
      .map((n) => ({ code: n.code, text: normalise(`${n.name} ${n.description ?? ''}`) }))
  : null;

const POLY = ['MultiPolygon'];
const LINE = ['LineString', 'MultiLineString'];
const enumOf =
  (...v) =>
  (x) =>
    v.includes(x);
const nullOr = (fn) => (x) => x === null || fn(x);
const str = (x) => typeof x === 'string' && x.trim().length > 0;
const int = (x) => Number.isInteger(x) && x >= 0;
const num = (x) => typeof x === 'number' && Number.isFinite(x) && x >= 0;
const isoDate = (x) => typeof x === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x) && !Number.isNaN(Date.parse(x));

const SPEC = {
  comuna: { geom: POLY, props: { codigo: str, nombre: str } },
  limite_urbano: {
    geom: POLY,
    props: { nombre: str, instrumento: enumOf('PRC Vallenar 1981 (MINVU)', 'Censo 2017 (INE)') },
  },
  zonificacion_prc: {
    geom: POLY,
    props: {
      codigo: str,
      nombre: nullOr(str),
      usos_permitidos: nullOr(str),
      usos_prohibidos: nullOr(str),
      instrumento: str,
    },
  },
  zonas_censales: {
    geom: POLY,
    props: { geocodigo: str, nombre: str, poblacion: nullOr(int), viviendas: nullOr(int) },
  },
  manzanas_censales: {
    geom: POLY,
    props: { manzent: str, distrito: (x) => /^\d+$/.test(x), poblacion: nullOr(int), viviendas: nullOr(int) },
  },
  unidades_vecinales: {
    geom: POLY,
    props: {
      codigo: (x) => /^UV-REF-\d{2}$/.test(x),
      nombre: str,
      area: enumOf('urbana', 'rural'),
      poblacion: nullOr(int),
      hogares: (x) => x === null,
      viviendas: nullOr(int),
    },
  },
  patrimonio: {
    geom: ['Point', 'Polygon'],
    props: {
      nombre: str,
      categoria: nullOr(
        enumOf(
          'Monumento Histórico',
          'Inmueble de Conservación Histórica',
          'Zona de Conservación Histórica',
          'natural',
          'arqueológico',
          'inmaterial',
        ),
      ),
      instrumento_proteccion: nullOr(enumOf('CMN', 'PRC', 'Estudio de Patrimonios')),
      estado_conservacion: nullOr(str),
      intervenciones_revision: nullOr(str),
    },
  },
  microbasurales: {
    geom: ['Point'],
    props: {
      codigo: (x) => /^MB-DEMO-\d{3}$/.test(x),
      estado: enumOf('reportado', 'verificado', 'programado', 'limpiado', 'cerrado'),
      categoria_residuo: enumOf('domiciliarios', 'escombros', 'voluminosos', 'neumaticos', 'residuos_verdes', 'mixto'),
      superficie_m2: nullOr(num),
      volumen_m3: nullOr(num),
      tenencia: enumOf('publica', 'privada', 'desconocida'),
      primer_reporte: isoDate,
      ultimo_reporte: isoDate,
      notas: nullOr(str),
      cierre: nullOr(enumOf('cercado')),
      limpiado_en: nullOr(isoDate),
      cerrado_en: nullOr(isoDate),
    },
  },
  humedal_urbano: {
    geom: POLY,
    props: {
      nombre: str,
      version: enumOf('vigente', 'ampliacion_propuesta'),
      estado_legal: str,
      vigente_desde: nullOr(isoDate),
      vigente_hasta: nullOr(isoDate),
      descripcion: nullOr(str),
    },
  },
  ciclovias: {
    geom: ['LineString'],
    props: { nombre: str, estado: enumOf('existente', 'propuesta', 'en_ejecucion'), tipo: str },
  },
  puentes: {
    geom: ['LineString'],
    props: {
      nombre: str,
      tipo: enumOf('vehicular', 'peatonal'),
      estado: enumOf('existente', 'propuesto'),
      proyecto: nullOr(str),
    },
  },
  rio: { geom: LINE, props: { nombre: str } },
  canales: {
    geom: LINE,
    props: {
      nombre: nullOr(str),
      codcan: nullOr(str),
      origen: nullOr(str),
      fuente_hidrica: nullOr(str),
      tipo_canal: nullOr(str),
      junta_vigilancia: nullOr(str),
      trazado: nullOr(str),
    },
  },
  puntos_criticos: { geom: ['Point'], props: { sector: nullOr(str), causa: nullOr(str), riesgo: nullOr(str) } },
  toponimia: { geom: ['Point'], props: { nombre: str, tipo: nullOr(str) } },
  calles: { geom: ['LineString'], props: { nombre: str } },
  proyectos_ubicaciones: {
    geom: ['Point', 'MultiPoint', 'LineString', 'Polygon'],
    props: { match: str, nombre: str, nota: str },
  },
};

const errors = [];
const warn = [];
const err = (layer, i, msg) => errors.push(`${layer}[${i}]: ${msg}`);

const comuna = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'comuna.geojson'), 'utf8')).features[0];
const comunaTol = turf.buffer(comuna, 2, { units: 'meters' });

function positions(g) {
  const outp = [];
  const walk = (c) => (typeof c[0] === 'number' ? outp.push(c) : c.forEach(walk));
  walk(g.coordinates);
  return outp;
}
const decimals = (n) => (String(n).split('.')[1] ?? '').length;

const summary = [];
for (const [layer, spec] of Object.entries(SPEC)) {
  const file = path.join(SEED_DIR, `${layer}.geojson`);
  if (!fs.existsSync(file)) {
    errors.push(`${layer}: missing file`);
    continue;
  }
  const fc = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (fc.type !== 'FeatureCollection') err(layer, '-', 'not a FeatureCollection');
  if ('crs' in fc) err(layer, '-', 'has a crs member');
  const counts = {};
  fc.features.forEach((f, i) => {
    const g = f.geometry;
    if (!g || !spec.geom.includes(g.type)) return err(layer, i, `geometry ${g?.type} not in ${spec.geom}`);
    const keys = Object.keys(f.properties ?? {}).sort();
    const want = [...Object.keys(spec.props), 'fuente', 'precision'].sort();
    if (JSON.stringify(keys) !== JSON.stringify(want)) err(layer, i, `properties ${keys} != ${want}`);
    for (const [k, check] of Object.entries(spec.props)) {
      if (!check(f.properties[k])) err(layer, i, `bad ${k}=${JSON.stringify(f.properties[k])}`);
    }
    if (!str(f.properties.fuente)) err(layer, i, 'fuente empty');
    if (!PRECISIONS.includes(f.properties.precision)) err(layer, i, `precision ${f.properties.precision}`);
    counts[f.properties.precision] = (counts[f.properties.precision] ?? 0) + 1;
    for (const p of positions(g)) {
      if (p.length !== 2) err(layer, i, 'position with z/m');
      if (decimals(p[0]) > 6 || decimals(p[1]) > 6) err(layer, i, 'more than 6 decimals');
      if (!turf.booleanPointInPolygon(p, comunaTol)) {
        err(layer, i, `vertex outside the comuna ${p}`);
        break;
      }
    }
    if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
      if (!turf.booleanValid(f)) err(layer, i, 'invalid polygon (booleanValid)');
      if (turf.kinks(f).features.length) err(layer, i, 'self-intersection (kinks)');
    }
    if (layer === 'microbasurales') {
      const { primer_reporte: a, ultimo_reporte: b } = f.properties;
      if (a < '2022-01-01' || b > '2026-12-31' || b < a) err(layer, i, `dates ${a}..${b}`);
      if (f.properties.precision !== 'demo') err(layer, i, 'must be demo');
      if ((f.properties.estado === 'cerrado') !== (f.properties.cierre !== null)) err(layer, i, 'cierre exactly when cerrado');
      // Cleaned and closed sites carry their dates, within their reports, so the monthly series can show them.
      const { estado, limpiado_en: cleaned, cerrado_en: closed } = f.properties;
      if (['limpiado', 'cerrado'].includes(estado) !== (cleaned !== null)) err(layer, i, 'limpiado_en exactly when limpiado or cerrado');
      if ((estado === 'cerrado') !== (closed !== null)) err(layer, i, 'cerrado_en exactly when cerrado');
      if (cleaned !== null && (cleaned < a || cleaned > b || (closed !== null && closed < cleaned)))
        err(layer, i, `lifecycle dates ${cleaned}..${closed}`);
    }
    if (layer === 'puentes' && g.coordinates.length !== 2) err(layer, i, 'bridge must have 2 points');
    if (layer === 'proyectos_ubicaciones' || (layer === 'puentes' && f.properties.proyecto)) {
      const m = layer === 'puentes' ? f.properties.proyecto : f.properties.match;
      if (planText && !planText.includes(m.normalize('NFC'))) err(layer, i, `match not in plan text: ${m}`);
      if (projectNodes) {
        const hits = projectNodes.filter((n) => n.text.includes(normalise(m)));
        if (hits.length !== 1) err(layer, i, `match names ${hits.length} PLADECO project nodes: ${m}`);
      }
    }
  });
  summary.push([layer, fc.features.length, JSON.stringify(counts)]);
}

// Positions drawn only from a text are "ilustrativa", and these are all of them
// (issue #14): adding one means adding it here, after checking what it was drawn from.
const ILUSTRATIVAS = {
  patrimonio: ['Edificio de la Gobernación', 'Ex Escuela N°1', 'Torre Centenario'],
  ciclovias: 'all',
  puentes: ['Puente Oriente, sector polideportivo (propuesto)'],
  unidades_vecinales: 'all',
  proyectos_ubicaciones: [
    'Plaza con riego eficiente 1 (norte)',
    'Plaza con riego eficiente 2 (oriente)',
    'Plaza con riego eficiente 3 (sur)',
    'Punto limpio comunal',
    'Refugio canino municipal',
    'Plan maestro sector Cavancha',
    'Terminal Agropecuario Provincial',
    'Parque lineal Rafael Torreblanca–Vista Alegre',
    'Puente Oriente, sector polideportivo (propuesto)',
    'Puente peatonal ruta accesible sur (ilustrativo)',
    'Ruta accesible altiplano norte – centro (ilustrativa)',
    'Ruta accesible altiplano sur – centro (ilustrativa)',
    'Ciclovía Av. El Buen Retiro (propuesta)',
    'Ciclovía calle Río Huasco (propuesta)',
    "Ciclovía Bernardo O'Higgins (propuesta)",
    'Ciclovía Eusebio Lillo (propuesta)',
    'Ciclovía Paseo Ribereño (propuesta)',
    'Ruta patrimonial del centro (ilustrativa)',
    'Restauración Edificio Gobernación',
    'Restauración Ex Escuela N° 1',
    'Recuperación Torre Centenario',
  ],
};
const layerFeatures = (layer) => JSON.parse(fs.readFileSync(path.join(SEED_DIR, `${layer}.geojson`), 'utf8')).features;
for (const layer of Object.keys(SPEC)) {
  const listed = ILUSTRATIVAS[layer] ?? [];
  const features = layerFeatures(layer);
  const name = (f) => f.properties.codigo ?? f.properties.nombre;
  if (Array.isArray(listed)) {
    for (const wanted of listed) if (!features.some((f) => name(f) === wanted)) err(layer, '-', `listed ilustrativa «${wanted}» not found`);
  }
  features.forEach((f, i) => {
    const { precision, fuente } = f.properties;
    const shouldBe = listed === 'all' || listed.includes(name(f));
    if (shouldBe !== (precision === 'ilustrativa')) err(layer, i, `${name(f)}: precision ${precision}, listed as ilustrativa: ${shouldBe}`);
    // Who placed it and from what.
    if (precision === 'ilustrativa' && !(/ilustrativ/i.test(fuente) && fuente.includes('equipo SIT') && fuente.includes('a partir de')))
      err(layer, i, `ilustrativa without who placed it and from what: ${fuente}`);
    // The Tomo II gives no positions: no location may claim to come from it.
    if (
      /(Digitalizad|Ubicaci|Trazad|Polígon)[^;.]*según (el )?PLADECO/.test(fuente) ||
      (layer === 'proyectos_ubicaciones' && !fuente.includes('equipo SIT'))
    )
      err(layer, i, `fuente credits the PLADECO with a position: ${fuente}`);
  });
}
{
  const vigente = layerFeatures('humedal_urbano').find((f) => f.properties.version === 'vigente');
  if (!/prensa/.test(vigente.properties.estado_legal) || !/prensa/.test(vigente.properties.fuente))
    err('humedal_urbano', '-', 'the «vigente» status must name its source (the press)');
}

// Population from one source (data/README.md, «Población»): persons of the census
// blocks for the urban zones and units; the zone CSV only for the rural units,
// and null («sin información»), never 0, where it has no rows.
const population = {};
{
  const blocks = layerFeatures('manzanas_censales');
  const zones = layerFeatures('zonas_censales');
  const units = layerFeatures('unidades_vecinales');
  const personsByZone = {};
  for (const b of blocks) {
    const zone = `0${b.properties.manzent.slice(0, 10)}`;
    personsByZone[zone] = (personsByZone[zone] ?? 0) + b.properties.poblacion;
  }
  zones.forEach((z, i) => {
    if (z.properties.poblacion !== personsByZone[z.properties.geocodigo])
      err('zonas_censales', i, 'poblacion is not the sum of its blocks');
  });
  units.forEach((u, i) => {
    const { area, poblacion, fuente } = u.properties;
    if (area === 'urbana') {
      const zone = zones.find((z) => fuente.includes(z.properties.geocodigo));
      if (!zone || poblacion !== zone.properties.poblacion) err('unidades_vecinales', i, 'urban poblacion is not its zone’s');
    } else if (poblacion === 0 || (poblacion === null) !== /población: sin información/.test(fuente)) {
      err('unidades_vecinales', i, `rural poblacion ${poblacion}: unknown must be null and say «sin información»`);
    }
  });
  const unlocated = readText('open/vallenar_zonas_censo2017_poblacion_por_edad.csv')
    .split(/\r?\n/)
    .filter((line) => line.startsWith(`${GEOCODIGO_SIN_LOCALIZAR},`))
    .reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
  const sum = (list) => list.reduce((total, f) => total + (f.properties.poblacion ?? 0), 0);
  population.manzanas = sum(blocks);
  population.zonas = sum(zones);
  population.urbanas = sum(units.filter((u) => u.properties.area === 'urbana'));
  population.rurales = sum(units.filter((u) => u.properties.area === 'rural'));
  population.sinLocalizar = unlocated;
  population.sinRepartir = CENSO_2017_COMUNA - population.urbanas - population.rurales - unlocated;
  if (population.manzanas !== population.zonas || population.zonas !== population.urbanas)
    err(
      'unidades_vecinales',
      '-',
      `urban persons differ: blocks ${population.manzanas}, zones ${population.zonas}, units ${population.urbanas}`,
    );
  if (population.sinRepartir < 0) err('unidades_vecinales', '-', `units hold more persons than the census counted`);
}

// Bridges must cross the river line.
{
  const rio = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'rio.geojson'), 'utf8')).features[0];
  const puentes = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'puentes.geojson'), 'utf8')).features;
  puentes.forEach((p, i) => {
    if (!turf.lineIntersect(p, rio).features.length) err('puentes', i, 'does not cross rio');
  });
}
// Demo dumps must not sit inside census blocks.
{
  const mz = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'manzanas_censales.geojson'), 'utf8')).features;
  const mb = JSON.parse(fs.readFileSync(path.join(SEED_DIR, 'microbasurales.geojson'), 'utf8')).features;
  mb.forEach((p, i) => {
    if (mz.some((m) => turf.booleanPointInPolygon(p, m))) err('microbasurales', i, 'inside a census block');
  });
}

console.table(summary.map(([layer, n, c]) => ({ layer, features: n, precision: c })));
console.log(
  `population: census ${CENSO_2017_COMUNA} = urban blocks ${population.urbanas} + rural units ${population.rurales} + not located ${population.sinLocalizar} + not distributed ${population.sinRepartir}`,
);
if (!planText) warn.push(`plan text not found at ${planPath}: match substrings not checked`);
if (!projectNodes) warn.push(`${PLADECO_JSON} not found: matches not checked against project nodes`);
else console.log(`matches checked against ${planPath} and ${path.relative(REPO, PLADECO_JSON)}`);
warn.forEach((w) => console.warn(`warning: ${w}`));
if (errors.length) {
  console.error(`${errors.length} error(s):`);
  errors.slice(0, 80).forEach((e) => console.error(`  ${e}`));
  process.exit(1);
}
console.log('seed OK');
