// Demo (invented) illegal-dump points for SIT Vallenar. NOT real reports.
// Placed along the Huasco river banks, near ravines/alluvial points from the
// SENAPRED layer and just outside the census urban limit; never inside a census
// block. Deterministic (seeded PRNG).
import console from 'node:console';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { turf, prng, feature, cleanGeometry, writeLayer, SEED_DIR } from './lib.mjs';

const FUENTE = 'Datos de demostración (no son reportes reales)';
const SEED = 20240617;

const ESTADOS = [
  ['reportado', 0.3],
  ['verificado', 0.2],
  ['programado', 0.15],
  ['limpiado', 0.25],
  ['cerrado', 0.1],
];
const RESIDUOS = {
  ribera: [
    ['residuos_verdes', 0.25],
    ['mixto', 0.3],
    ['domiciliarios', 0.2],
    ['voluminosos', 0.1],
    ['neumaticos', 0.1],
    ['escombros', 0.05],
  ],
  quebrada: [
    ['escombros', 0.35],
    ['mixto', 0.25],
    ['voluminosos', 0.2],
    ['domiciliarios', 0.1],
    ['neumaticos', 0.1],
  ],
  borde: [
    ['escombros', 0.4],
    ['domiciliarios', 0.2],
    ['voluminosos', 0.15],
    ['mixto', 0.15],
    ['neumaticos', 0.1],
  ],
};
const TENENCIA = {
  ribera: [
    ['publica', 0.75],
    ['desconocida', 0.2],
    ['privada', 0.05],
  ],
  quebrada: [
    ['publica', 0.4],
    ['desconocida', 0.4],
    ['privada', 0.2],
  ],
  borde: [
    ['privada', 0.45],
    ['desconocida', 0.35],
    ['publica', 0.2],
  ],
};
const LUGAR = {
  ribera: 'ribera del río Huasco',
  quebrada: 'borde de quebrada / cauce de aluvión',
  borde: 'borde urbano (sitio eriazo)',
};

const DAY = 86400000;
const MIN_DATE = Date.UTC(2022, 0, 1);
const MAX_FIRST = Date.UTC(2025, 11, 31);
const MAX_DATE = Date.UTC(2026, 5, 30);
const iso = (t) => new Date(t).toISOString().slice(0, 10);

/**
 * When a demo site was cleaned and closed, from its own report dates and no
 * random draw (so every other value of the series stays as it was): a
 * cleaned site on its last report; a closed site cleaned two thirds of the
 * way from its first to its last report and closed on the last. Other sites
 * have neither date.
 */
export function demoLifecycleDates({ estado, primer_reporte, ultimo_reporte }) {
  if (estado === 'limpiado') return { limpiado_en: ultimo_reporte, cerrado_en: null };
  if (estado !== 'cerrado') return { limpiado_en: null, cerrado_en: null };
  const first = Date.parse(primer_reporte);
  const days = Math.round((Date.parse(ultimo_reporte) - first) / DAY);
  return { limpiado_en: iso(first + Math.floor((days * 2) / 3) * DAY), cerrado_en: ultimo_reporte };
}

/** The properties with the lifecycle dates placed after `cierre`, in the order the builder writes them. */
function withLifecycleDates(properties) {
  const { limpiado_en: _cleaned, cerrado_en: _closed, ...rest } = properties;
  const dates = demoLifecycleDates(properties);
  return Object.fromEntries(
    Object.entries(rest).flatMap(([key, value]) => (key === 'cierre' ? [[key, value], ...Object.entries(dates)] : [[key, value]])),
  );
}

export function buildMicrobasurales({ rio, comuna, limiteUrbano, manzanas, criticos }) {
  const rnd = prng(SEED);
  const pick = (table) => {
    let r = rnd();
    for (const [v, w] of table) {
      if ((r -= w) < 0) return v;
    }
    return table[table.length - 1][0];
  };
  const between = (a, b) => a + (b - a) * rnd();

  const blocks = manzanas.features.map((f) => ({ f, b: turf.bbox(f) }));
  const inBlock = (pt) =>
    blocks.some(({ f, b }) => pt[0] >= b[0] && pt[0] <= b[2] && pt[1] >= b[1] && pt[1] <= b[3] && turf.booleanPointInPolygon(pt, f));
  const placed = [];
  const farEnough = (pt) => placed.every((q) => turf.distance(pt, q, { units: 'meters' }) >= 80);
  const ok = (pt) => turf.booleanPointInPolygon(pt, comuna) && !inBlock(pt) && farEnough(pt);

  // River stretch around the city: from El Jilguero (east) to Perales Viejos (west).
  const tramo = turf.lineSlice(turf.point([-70.722, -28.603]), turf.point([-70.83, -28.5537]), rio);
  const tramoLen = turf.length(tramo, { units: 'meters' });
  const ribera = () => {
    const s = between(0, tramoLen);
    const p = turf.along(tramo, s, { units: 'meters' });
    const q = turf.along(tramo, Math.min(tramoLen, s + 30), { units: 'meters' });
    const dir = turf.bearing(p, q);
    const side = rnd() < 0.5 ? 90 : -90;
    return turf.destination(p, between(20, 70), dir + side, { units: 'meters' }).geometry.coordinates;
  };

  const quebradaSeeds = criticos
    .filter((c) => /quebrada|aluvi/i.test(`${c.properties.causa} ${c.properties.sector}`))
    .filter((c) => turf.distance(c, turf.point([-70.76, -28.58])) < 4)
    .map((c) => c.geometry.coordinates);
  let nextSeed = 0;
  const quebrada = () => {
    // Round-robin over the ravine/alluvium points so no single ravine gets them all.
    const s = quebradaSeeds[nextSeed++ % quebradaSeeds.length];
    return turf.destination(turf.point(s), between(40, 250), between(0, 360), { units: 'meters' }).geometry.coordinates;
  };

  const borde = turf.polygonToLine(limiteUrbano);
  const bordeLine = borde.geometry.type === 'LineString' ? borde : turf.lineString(borde.geometry.coordinates[0]);
  const bordeLen = turf.length(bordeLine, { units: 'meters' });
  const centro = turf.centroid(limiteUrbano);
  const bordeUrbano = () => {
    const p = turf.along(bordeLine, between(0, bordeLen), { units: 'meters' });
    const away = turf.bearing(centro, p);
    return turf.destination(p, between(15, 90), away, { units: 'meters' }).geometry.coordinates;
  };

  const plan = [...Array(24).fill('ribera'), ...Array(16).fill('quebrada'), ...Array(20).fill('borde')];
  const gen = { ribera, quebrada, borde: bordeUrbano };
  const features = [];
  plan.forEach((tipo, i) => {
    let pt = null;
    for (let tries = 0; tries < 500 && !pt; tries++) {
      const cand = gen[tipo]();
      if (ok(cand)) pt = cand;
    }
    if (!pt) throw new Error(`could not place demo point ${i} (${tipo})`);
    placed.push(pt);

    const estado = pick(ESTADOS);
    const categoria = pick(RESIDUOS[tipo]);
    const superficie = Math.round(Math.exp(between(Math.log(6), Math.log(600))));
    const profundidad = categoria === 'escombros' ? between(0.3, 0.9) : between(0.1, 0.6);
    const volumen = Math.max(0.5, Math.round(superficie * profundidad * 10) / 10);
    const primer = MIN_DATE + Math.floor(between(0, (MAX_FIRST - MIN_DATE) / DAY)) * DAY;
    const avanzado = ['limpiado', 'cerrado'].includes(estado);
    const extra = estado === 'reportado' ? Math.floor(between(0, 20)) : Math.floor(between(avanzado ? 20 : 5, avanzado ? 400 : 120));
    const ultimo = Math.min(MAX_DATE, primer + extra * DAY);
    const notas = [
      `Demo: ${LUGAR[tipo]}.`,
      estado === 'cerrado' ? 'Sitio cercado y con letrero de multa (demo).' : null,
      categoria === 'neumaticos' ? 'Neumáticos en desuso (demo).' : null,
    ]
      .filter(Boolean)
      .join(' ');

    features.push(
      feature(
        cleanGeometry({ type: 'Point', coordinates: pt }),
        withLifecycleDates({
          codigo: `MB-DEMO-${String(i + 1).padStart(3, '0')}`,
          estado,
          categoria_residuo: categoria,
          superficie_m2: superficie,
          volumen_m3: volumen,
          tenencia: pick(TENENCIA[tipo]),
          primer_reporte: iso(primer),
          ultimo_reporte: iso(ultimo),
          notas,
          // How a closed demo site was closed: its note says fenced.
          cierre: estado === 'cerrado' ? 'cercado' : null,
          fuente: FUENTE,
          precision: 'demo',
        }),
      ),
    );
  });
  return features;
}

// `node data/tools/demo_microbasurales.mjs --fechas`: adds the lifecycle dates to the demo sites of
// data/seed/microbasurales.geojson in place, changing nothing else (the full build gives the same file).
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]) && process.argv.includes('--fechas')) {
  const file = path.join(SEED_DIR, 'microbasurales.geojson');
  const collection = JSON.parse(fs.readFileSync(file, 'utf8'));
  const features = collection.features.map((f) =>
    f.properties.precision === 'demo' ? { ...f, properties: withLifecycleDates(f.properties) } : f,
  );
  writeLayer('microbasurales', features);
  const dated = features.filter((f) => f.properties.limpiado_en).length;
  console.log(
    `microbasurales: ${dated} demo sites with a cleaning date, ${features.filter((f) => f.properties.cerrado_en).length} with a closing date`,
  );
}
