#!/usr/bin/env node
// Builds every data/seed/<layer>.geojson from data/real/ plus the hand-digitised
// geometry in digitised.mjs. Deterministic: running it twice gives the same files.
//
//   node data/tools/build_seed.mjs          (from the repository root)
//
// Then check the result with: node data/tools/validate_seed.mjs
import console from 'node:console';
import { turf, readJson, readText, cleanGeometry, toMulti, singleLine, singlePoint, feature, writeLayer, clipLine } from './lib.mjs';
import { RIO_HUASCO, REF, PUENTES, PUENTE_PEATONAL, CICLOVIAS, PATRIMONIO_APROX, PROYECTOS_PUNTOS, RUTAS } from './digitised.mjs';
import { buildMicrobasurales } from './demo_microbasurales.mjs';

// ---------------------------------------------------------------- sources ---
const SRC = {
  comuna: 'open/vallenar_comuna.geojson',
  zonas: 'open/vallenar_zonas_censales_2017.geojson',
  csv: 'open/vallenar_zonas_censo2017_poblacion_por_edad.csv',
  manzanas: 'licence-unclear/vallenar_manzanas_censo2017.geojson',
  distritos: 'licence-unclear/vallenar_distritos_censales_2017.geojson',
  luCenso: 'licence-unclear/vallenar_limite_urbano_censal_2017.geojson',
  luPrc: 'licence-unclear/vallenar_limite_urbano_prc.geojson',
  prc: 'licence-unclear/vallenar_prc_zonificacion_1981.geojson',
  criticos: 'licence-unclear/vallenar_puntos_criticos_invierno_2024.geojson',
  toponimia: 'licence-unclear/huasco_toponimia.geojson',
  canales: 'licence-unclear/huasco_red_canales.geojson',
  monumentos: 'licence-unclear/huasco_monumentos_nacionales.geojson',
  museos: 'licence-unclear/huasco_museos.geojson',
  calles: 'licence-unclear/vallenar_calles_muestra.geojson',
};

const F = {
  comuna: 'SUBDERE/BCN, división político-administrativa (vía chilemapas, GPL-3)',
  zonas: 'INE, Censo 2017 – zonas censales (vía chilemapas, GPL-3)',
  manzanas: 'INE, Censo 2017 – manzanas (vía robsalasco/censo_2017_geojson_chile; licencia no clara, solo pruebas)',
  luPrc: 'MINVU, servicio Límites Urbanos – PRC Vallenar D.S. 324/1981 (vía diegoxkaf/visor_woll_atacama; licencia no clara, solo pruebas)',
  luCenso: 'INE, Censo 2017 – límite urbano censal (vía robsalasco/censo_2017_geojson_chile; licencia no clara, solo pruebas)',
  prc: 'MINVU, servicio IPT – PRC Vallenar D.S. 324/1981 (vía diegoxkaf/visor_woll_atacama; licencia no clara, solo pruebas)',
  criticos: 'SENAPRED, puntos críticos invierno 2024 (vía CIREN SITRural y diegoxkaf/visor_woll_atacama; licencia no clara, solo pruebas)',
  toponimia: 'Toponimia del visor diegoxkaf/visor_woll_atacama (fuente original no declarada; licencia no clara)',
  canales:
    'CNR, red de canales eSIIR 2020 (vía diegoxkaf/visor_woll_atacama; licencia no clara, solo pruebas); recortado al límite comunal',
  cmn: 'Consejo de Monumentos Nacionales, geoportal (vía The21kk/proyecto_res; licencia no clara, solo pruebas)',
  museos: 'CMN / Registro de Museos de Chile (vía The21kk/proyecto_res; licencia no clara, solo pruebas)',
  calles: 'Muestra de calles digitalizada por terceros (arb4/vallenar_a1, origen desconocido; licencia no clara, solo pruebas)',
  rio: 'Digitalizado por SIT Vallenar sobre bocatomas de canales CNR, huecos de manzanas INE 2017 y puntos SENAPRED (aproximado)',
};

// Who placed a position drawn only from a text, and from what (precision "ilustrativa").
const PLADECO_SIN_UBICACIONES = 'a partir del texto del PLADECO 2022–2029 (el Tomo II no da ubicaciones)';
const UBICACION_ILUSTRATIVA = `Ubicación ilustrativa del equipo SIT ${PLADECO_SIN_UBICACIONES}`;
const TRAZADO_ILUSTRATIVO = 'Trazado ilustrativo del equipo SIT a partir del texto del PLADECO 2022–2029 (el Tomo II no da trazados)';
const precisionOf = (entry) => (entry.ilustrativa ? 'ilustrativa' : 'aproximada');

const comunaFc = readJson(SRC.comuna);
const comuna = comunaFc.features[0];
const manzanas = readJson(SRC.manzanas);
const zonas = readJson(SRC.zonas);
const distritos = readJson(SRC.distritos);
const luCenso = readJson(SRC.luCenso).features[0];
const luPrc = readJson(SRC.luPrc).features[0];

function clean(g, opts) {
  const c = cleanGeometry(g, opts);
  if (!c) throw new Error('geometry vanished while cleaning');
  return c;
}
const out = {};
function emit(name, features) {
  out[name] = writeLayer(name, features);
  console.log(`${name}.geojson: ${features.length} features`);
}

// -------------------------------------------------- census population CSV ---
// geocodigo = comuna(5) + distrito(2) + área(1: 1 urbano, 2 rural) + zona/localidad(3)
const csvRows = readText(SRC.csv)
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((l) => {
    const [geocodigo, edad, poblacion] = l.split(',');
    return { geocodigo, edad, poblacion: Number(poblacion) };
  });
const popByGeocodigo = {};
for (const r of csvRows) popByGeocodigo[r.geocodigo] = (popByGeocodigo[r.geocodigo] ?? 0) + r.poblacion;
const ruralPopByDistrito = {};
for (const [g, p] of Object.entries(popByGeocodigo)) {
  if (g.slice(0, 5) !== '03301' || g[7] !== '2') continue;
  const d = Number(g.slice(5, 7));
  ruralPopByDistrito[d] = (ruralPopByDistrito[d] ?? 0) + p;
}

// Census blocks grouped by zone: MANZENT_I = comuna(4, no leading 0) + distrito(2) + área(1) + zona(3) + manzana(3)
const zonaDeManzana = (m) => `0${m.properties.MANZENT_I.slice(0, 10)}`;
const viviendasByZona = {};
const personasByZona = {};
for (const m of manzanas.features) {
  const z = zonaDeManzana(m);
  viviendasByZona[z] = (viviendasByZona[z] ?? 0) + m.properties.TOTAL_VIVI;
  personasByZona[z] = (personasByZona[z] ?? 0) + m.properties.TOTAL_PERS;
}

// ------------------------------------------------------------------ comuna ---
emit('comuna', [
  feature(clean(comuna.geometry), {
    codigo: comuna.properties.codigo_comuna,
    nombre: 'Vallenar',
    fuente: F.comuna,
    precision: 'oficial',
  }),
]);

// ----------------------------------------------------------- límite urbano ---
emit('limite_urbano', [
  feature(clean(toMulti(luPrc.geometry)), {
    nombre: luPrc.properties.NOM,
    instrumento: 'PRC Vallenar 1981 (MINVU)',
    fuente: F.luPrc,
    precision: 'oficial',
  }),
  feature(clean(toMulti(luCenso.geometry)), {
    nombre: `Límite urbano censal de ${luCenso.properties.URBANO === 'VALLENAR' ? 'Vallenar' : luCenso.properties.URBANO}`,
    instrumento: 'Censo 2017 (INE)',
    fuente: F.luCenso,
    precision: 'oficial',
  }),
]);

// --------------------------------------------------------- zonificación PRC ---
const prcFeatures = readJson(SRC.prc).features.map((z) => {
  const p = z.properties;
  const inconsistente = !p.NOMBRE.startsWith(`${p.ZONA} `);
  const caveat = inconsistente ? `[La fuente asigna a ${p.ZONA} los atributos de «${p.NOMBRE}»; verificar en la Ordenanza del PRC] ` : '';
  return feature(clean(toMulti(z.geometry)), {
    codigo: p.ZONA,
    nombre: inconsistente ? `${p.ZONA} (rotulada «${p.NOMBRE}» en la fuente)` : p.NOMBRE,
    usos_permitidos: p.UPERM == null ? null : caveat + p.UPERM,
    usos_prohibidos: p.UPROH == null ? null : caveat + p.UPROH,
    instrumento: 'PRC Vallenar 1981 (MINVU)',
    fuente: F.prc,
    precision: 'oficial',
  });
});
emit('zonificacion_prc', prcFeatures);

// ---------------------------------------------------------- zonas censales ---
const zonaFeatures = zonas.features
  .slice()
  .sort((a, b) => a.properties.geocodigo.localeCompare(b.properties.geocodigo))
  .map((z) => {
    const g = z.properties.geocodigo;
    return feature(clean(toMulti(z.geometry)), {
      geocodigo: g,
      nombre: `Zona censal ${g}`,
      // Persons from the blocks: the zone CSV's age cells fall 3.158 short of the census total (data/README.md).
      poblacion: personasByZona[g] ?? null,
      viviendas: viviendasByZona[g] ?? null,
      fuente: `${F.zonas}; población y viviendas = suma de TOTAL_PERS y TOTAL_VIVI de las manzanas INE 2017 de la zona`,
      precision: 'oficial',
    });
  });
emit('zonas_censales', zonaFeatures);

// ------------------------------------------------------- manzanas censales ---
emit(
  'manzanas_censales',
  manzanas.features.map((m) =>
    feature(clean(toMulti(m.geometry)), {
      manzent: m.properties.MANZENT_I,
      distrito: String(m.properties.DISTRITO),
      poblacion: m.properties.TOTAL_PERS,
      viviendas: m.properties.TOTAL_VIVI,
      fuente: F.manzanas,
      precision: 'oficial',
    }),
  ),
);

// ------------------------------------- unidades vecinales (stand-in) ---------
// No official UV layer is available. Stand-in = the 13 urban census zones plus,
// for every census district, its part outside the urban zones (clipped to the
// comuna). Parts smaller than MIN_PART_M2 (slivers between the two differently
// simplified sources) are dropped.
const MIN_PART_M2 = 50000;
const urbanUnion = turf.union(turf.featureCollection(zonas.features));
function dropSmallParts(geom, min) {
  if (!geom) return null;
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const kept = polys.filter((p) => turf.area(turf.polygon(p)) >= min);
  return kept.length ? { type: 'MultiPolygon', coordinates: kept } : null;
}
const uvFeatures = [];
zonaFeatures.forEach((z, i) => {
  const g = z.properties.geocodigo;
  const d = Number(g.slice(5, 7));
  const n = Number(g.slice(8, 11));
  uvFeatures.push(
    feature(z.geometry, {
      codigo: `UV-REF-${String(i + 1).padStart(2, '0')}`,
      nombre: `Zona censal ${d}-${n} (referencial)`,
      area: 'urbana',
      poblacion: z.properties.poblacion,
      hogares: null,
      viviendas: z.properties.viviendas,
      fuente: `Sustituto ilustrativo del equipo SIT a partir de la zona censal INE 2017 ${g} (límite oficial de la zona, no de la unidad vecinal, cuyo plano no está disponible); población y viviendas: suma de las manzanas INE 2017 de la zona; hogares: sin información (los archivos censales traen viviendas, no hogares)`,
      precision: 'ilustrativa',
    }),
  );
});
const distritosOrdenados = distritos.features.slice().sort((a, b) => a.properties.COD_DISTRI - b.properties.COD_DISTRI);
let uvN = uvFeatures.length;
for (const dist of distritosOrdenados) {
  const d = dist.properties.COD_DISTRI;
  const inComuna = turf.intersect(turf.featureCollection([dist, comuna]));
  if (!inComuna) continue;
  const rural = turf.difference(turf.featureCollection([inComuna, urbanUnion]));
  const geom = dropSmallParts(rural?.geometry, MIN_PART_M2);
  if (!geom) {
    console.log(`  distrito ${d}: sin parte rural significativa (se omite)`);
    continue;
  }
  uvN += 1;
  const pop = ruralPopByDistrito[d];
  uvFeatures.push(
    feature(clean(geom, { minPartM2: MIN_PART_M2 }), {
      codigo: `UV-REF-${String(uvN).padStart(2, '0')}`,
      nombre: `Distrito censal ${d} rural (referencial)`,
      area: 'rural',
      poblacion: pop ?? null,
      hogares: null,
      viviendas: null,
      fuente: `Sustituto ilustrativo del equipo SIT a partir del distrito censal INE 2017 n.º ${d} (${dist.properties.TIPO_DISTR}) menos las zonas urbanas, recortado a la comuna (no es la unidad vecinal, cuyo plano no está disponible); población: ${
        pop === undefined
          ? 'sin información (el CSV chilemapas no trae entidades rurales de este distrito)'
          : 'suma de las entidades rurales del distrito en el CSV chilemapas por edad, que subcuenta (ver data/README.md, «Población»)'
      }; viviendas y hogares: sin información`,
      precision: 'ilustrativa',
    }),
  );
}
emit('unidades_vecinales', uvFeatures);

// -------------------------------------------------------------------- río ---
const rioLine = turf.lineString(RIO_HUASCO);
const rioGeom = clipLine(rioLine.geometry, comuna);
emit('rio', [
  feature(clean(rioGeom), {
    nombre: 'Río Huasco',
    fuente: F.rio,
    precision: 'aproximada',
  }),
]);
const rioEnComuna = rioGeom.type === 'LineString' ? turf.lineString(rioGeom.coordinates) : null;
if (!rioEnComuna) throw new Error('river should be a single line inside the comuna');

function rioEntre(a, b) {
  // cleanCoords drops the repeated vertex lineSlice may leave at its ends.
  return turf.cleanCoords(turf.lineSlice(turf.point(a), turf.point(b), rioEnComuna));
}

// ---------------------------------------------------------- humedal urbano ---
const tramoVigente = rioEntre(REF.humedalVigenteEste, REF.humedalVigenteOeste);
const tramoAmpliacion = rioEntre(REF.aprElJilguero, REF.aprPeralesViejos);
const humVigente = turf.buffer(tramoVigente, 80, { units: 'meters', steps: 4 });
const humAmpl = turf.buffer(tramoAmpliacion, 100, { units: 'meters', steps: 4 });
const humedalFeatures = [
  feature(clean(toMulti(humVigente.geometry)), {
    nombre: 'Humedal urbano río Huasco – Paseo Ribereño (Vallenar)',
    version: 'vigente',
    estado_legal:
      'vigente según la prensa regional (tierramarillano.cl: «primer humedal urbano de la Región de Atacama», Paseo Ribereño de Vallenar, 98,2 ha), no según el PLADECO; verificar la resolución del MMA (Ley 21.202) y su polígono oficial',
    vigente_desde: null,
    vigente_hasta: null,
    descripcion:
      'Polígono APROXIMADO: franja de 80 m a cada lado del eje digitalizado del río entre la entrada oriente de la ciudad y la Ruta 5. El PLADECO no da fecha ni polígono; la prensa regional informa ~98,2 ha declaradas. Reemplazar por el polígono oficial del MMA.',
    fuente:
      'Polígono aproximado del equipo SIT: franja de 80 m a cada lado del eje aproximado del río; estado «vigente» según la prensa regional (tierramarillano.cl), no según el PLADECO 2022–2029, que no da fecha ni polígono',
    precision: 'aproximada',
  }),
  feature(clean(toMulti(humAmpl.geometry)), {
    nombre: 'Humedal urbano río Huasco – ampliación propuesta Perales Viejos–El Jilguero',
    version: 'ampliacion_propuesta',
    estado_legal: 'en revisión jurídica (Ministerio del Medio Ambiente)',
    vigente_desde: null,
    vigente_hasta: null,
    descripcion:
      'Polígono completo propuesto (incluye el vigente), APROXIMADO: franja de 100 m a cada lado del eje del río desde el sector Perales Viejos (poniente, aguas abajo; APR DOH "Perales Viejos") hasta el sector El Jilguero (oriente, aguas arriba; APR DOH "El Jilguero"). PLADECO: "se amplió el polígono desde Sector Perales Viejos hasta Sector el Jilguero, el proceso no tiene un plazo definido".',
    fuente:
      'Polígono aproximado del equipo SIT: franja de 100 m a cada lado del eje aproximado del río entre los sectores que nombra el PLADECO 2022–2029 (Perales Viejos–El Jilguero); estado según el PLADECO',
    precision: 'aproximada',
  }),
];
emit('humedal_urbano', humedalFeatures);

// ----------------------------------------------------------------- puentes ---
function puenteSobreRio(at, largoM) {
  const snapped = turf.nearestPointOnLine(rioEnComuna, turf.point(at), { units: 'meters' });
  const s = snapped.properties.location;
  const a = turf.along(rioEnComuna, Math.max(0, s - 40), { units: 'meters' });
  const b = turf.along(rioEnComuna, s + 40, { units: 'meters' });
  const dir = turf.bearing(a, b);
  const p1 = turf.destination(snapped, largoM / 2, dir + 90, { units: 'meters' });
  const p2 = turf.destination(snapped, largoM / 2, dir - 90, { units: 'meters' });
  return { type: 'LineString', coordinates: [p1.geometry.coordinates, p2.geometry.coordinates] };
}
const puentesFeatures = PUENTES.map((p) =>
  feature(clean(puenteSobreRio(p.at, p.largo_m)), {
    nombre: p.nombre,
    tipo: p.tipo,
    estado: p.estado,
    proyecto: p.proyecto,
    fuente: p.ilustrativa ? `${UBICACION_ILUSTRATIVA}. ${p.nota}` : `Digitalizado por SIT Vallenar (aproximado). ${p.nota}`,
    precision: precisionOf(p),
  }),
);
emit('puentes', puentesFeatures);

// ---------------------------------------------------------------- ciclovías ---
const calles = readJson(SRC.calles);
const cicloviasFeatures = CICLOVIAS.map((c) => {
  let geom;
  let fuente;
  if (c.calle) {
    const cand = calles.features.filter((f) => f.properties.nombre === c.calle && turf.length(f, { units: 'meters' }) >= (c.minLenM ?? 0));
    if (cand.length !== 1) throw new Error(`street ${c.calle}: ${cand.length} candidates`);
    geom = singleLine(cand[0].geometry);
    fuente = `Trazado ilustrativo del equipo SIT sobre la calle ${c.calle} de la muestra de calles (arb4/vallenar_a1), a partir del texto del PLADECO 2022–2029 («Red de Ciclovías»; el Tomo II no da trazados)`;
  } else {
    const tramo = rioEntre(c.rioDesde, c.rioHasta);
    // Offset to the north bank (left of the upstream->downstream direction is south here).
    const off = turf.lineOffset(tramo, c.offsetM, { units: 'meters' });
    geom = turf.simplify(off, { tolerance: 0.00002, highQuality: true }).geometry;
    fuente =
      'Trazado ilustrativo del equipo SIT por la ribera norte del río (Paseo Ribereño, 35 m al norte del eje aproximado), a partir del texto del PLADECO 2022–2029 («Red de Ciclovías»; el Tomo II no da trazados)';
  }
  return feature(clean(geom), {
    nombre: c.nombre,
    estado: 'propuesta',
    tipo: c.tipo,
    fuente,
    precision: 'ilustrativa',
  });
});
emit('ciclovias', cicloviasFeatures);

// ------------------------------------------------------------------ canales ---
const canalesFeatures = [];
for (const c of readJson(SRC.canales).features) {
  if (!turf.booleanIntersects(c, comuna)) continue;
  const g = clipLine(c.geometry, comuna);
  if (!g) continue;
  const p = c.properties;
  canalesFeatures.push(
    feature(clean(g), {
      nombre: p.NOMCAN,
      codcan: p.CODCAN,
      origen: p.ORIGEN,
      fuente_hidrica: p.FUENTEHID,
      tipo_canal: p.TIPO_CANAL,
      junta_vigilancia: p.JV,
      trazado: p.F_TRAZADO,
      fuente: F.canales,
      precision: 'oficial',
    }),
  );
}
emit('canales', canalesFeatures);
const canalPorNombre = (n) => {
  const found = canalesFeatures.filter((f) => f.properties.nombre === n);
  if (found.length !== 1) throw new Error(`canal ${n}: ${found.length}`);
  return found[0];
};

// ---------------------------------------------------------- puntos críticos ---
const criticosFeatures = [];
let descartados = 0;
for (const c of readJson(SRC.criticos).features) {
  const p = c.properties;
  if ((p.sector ?? '').trim().toLowerCase() === 'modo prueba') {
    descartados += 1;
    continue;
  }
  criticosFeatures.push(
    feature(clean(c.geometry), {
      sector: p.sector,
      causa: p.causa_punt,
      riesgo: p.riesgo_2024,
      fuente: F.criticos,
      precision: 'oficial',
    }),
  );
}
console.log(`  puntos críticos: descartado(s) ${descartados} registro(s) de prueba ("modo prueba")`);
emit('puntos_criticos', criticosFeatures);

// ---------------------------------------------------------------- toponimia ---
emit(
  'toponimia',
  readJson(SRC.toponimia)
    .features.filter((t) => turf.booleanPointInPolygon(t, comuna))
    .map((t) =>
      feature(clean(t.geometry), {
        nombre: t.properties.Nombre,
        tipo: t.properties.Tipo,
        fuente: F.toponimia,
        precision: 'aproximada',
      }),
    ),
);

// ------------------------------------------------------------------- calles ---
emit(
  'calles',
  calles.features.map((c) =>
    feature(clean(singleLine(c.geometry)), {
      nombre: c.properties.nombre,
      fuente: F.calles,
      precision: 'aproximada',
    }),
  ),
);

// --------------------------------------------------------------- patrimonio ---
const patrimonioFeatures = [];
for (const m of readJson(SRC.monumentos).features) {
  if (m.properties.cut_com !== '03301' || !turf.booleanPointInPolygon(turf.point(singlePoint(m.geometry).coordinates), comuna)) continue;
  const p = m.properties;
  patrimonioFeatures.push(
    feature(clean(singlePoint(m.geometry)), {
      nombre: p.nombre,
      categoria: p.categoria === 'Monumento Histórico' ? 'Monumento Histórico' : null,
      instrumento_proteccion: 'CMN',
      estado_conservacion: null,
      intervenciones_revision: `Toda intervención requiere autorización previa del CMN (Ley 17.288 de Monumentos Nacionales). Declaratoria: ${p.tipo_decre} n.º ${p.num_dec} de ${p.fch_dec.slice(0, 10)}.`,
      fuente: F.cmn,
      precision: 'oficial',
    }),
  );
}
for (const m of readJson(SRC.museos).features) {
  if (m.properties.cut_com !== '03301' || !turf.booleanPointInPolygon(m, comuna)) continue;
  const p = m.properties;
  const protegido = ['mh', 'zt', 'mon_arq', 'sn', 'ich', 'zch'].some((k) => p[k] === 'Sí');
  patrimonioFeatures.push(
    feature(clean(m.geometry), {
      nombre: `${p.nombre} (${p.direccion})`,
      categoria: null,
      instrumento_proteccion: null,
      estado_conservacion: null,
      intervenciones_revision: protegido
        ? 'El Registro de Museos indica protección oficial del inmueble: verificar categoría con el CMN antes de intervenir.'
        : 'El Registro de Museos no indica protección oficial del inmueble (MH, ZT, ICH, ZCH = No). Verificar si figura en el Estudio de Patrimonios del PRC en actualización antes de intervenir.',
      fuente: F.museos,
      precision: 'oficial',
    }),
  );
}
for (const h of PATRIMONIO_APROX) {
  patrimonioFeatures.push(
    feature(clean({ type: 'Point', coordinates: h.coord }), {
      nombre: h.nombre,
      categoria: null,
      instrumento_proteccion: null,
      estado_conservacion: h.estado,
      intervenciones_revision:
        'Protección legal no confirmada en estos datos: verificar si tiene declaratoria del CMN o figura como ICH en el PRC / Estudio de Patrimonios antes de autorizar modificaciones, ampliaciones, restauraciones o demoliciones.',
      fuente: h.ilustrativa
        ? `Ubicación ilustrativa del equipo SIT a partir del texto del PLADECO 2022–2029, que nombra el inmueble pero no dice dónde está. ${h.nota}`
        : `Digitalizado por SIT Vallenar (aproximado). ${h.nota}`,
      precision: precisionOf(h),
    }),
  );
}
{
  const corredor = turf.intersect(turf.featureCollection([turf.buffer(rioEnComuna, 120, { units: 'meters', steps: 4 }), comuna]));
  const g = clean(corredor.geometry);
  patrimonioFeatures.push(
    feature(g.coordinates.length === 1 ? { type: 'Polygon', coordinates: g.coordinates[0] } : g, {
      nombre: 'Río Huasco y su corredor ribereño',
      categoria: 'natural',
      instrumento_proteccion: null,
      estado_conservacion: null,
      intervenciones_revision:
        'Obras en el cauce requieren aprobación de la DGA (Código de Aguas). En el tramo declarado humedal urbano rigen la Ley 21.202 y la ordenanza municipal respectiva. PLADECO: control de especies invasoras y limpieza del río.',
      fuente: 'Digitalizado por SIT Vallenar (aproximado): franja de 120 m a cada lado del eje aproximado del río, recortada a la comuna',
      precision: 'aproximada',
    }),
  );
}
emit('patrimonio', patrimonioFeatures);

// ----------------------------------------------------------- microbasurales ---
emit(
  'microbasurales',
  buildMicrobasurales({
    rio: rioEnComuna,
    comuna,
    limiteUrbano: luCenso,
    manzanas,
    criticos: criticosFeatures,
  }),
);

// --------------------------------------------------- proyectos (ubicaciones) ---
// The Tomo II names places, never positions: every `fuente` says who placed the
// feature and from what, and only positions taken from a source with a position
// are "aproximada".
const urbano = turf.union(turf.featureCollection([luCenso, luPrc]));
const P = [];
const SIN_UBICACIONES = '(el Tomo II del PLADECO 2022–2029 no da ubicaciones)';
function proyecto(geom, match, nombre, nota, { precision, fuente }) {
  let g = clean(geom);
  if (g.type === 'MultiPolygon' && g.coordinates.length === 1) g = { type: 'Polygon', coordinates: g.coordinates[0] };
  P.push(feature(g, { match, nombre, fuente, precision, nota }));
}
const ilustrativo = { precision: 'ilustrativa', fuente: UBICACION_ILUSTRATIVA };
const trazadoIlustrativo = { precision: 'ilustrativa', fuente: TRAZADO_ILUSTRATIVO };
function longestPart(g) {
  if (g.type === 'LineString') return g;
  const parts = g.coordinates.map((c) => turf.lineString(c));
  parts.sort((a, b) => turf.length(b) - turf.length(a));
  return parts[0].geometry;
}
for (const p of PROYECTOS_PUNTOS) {
  proyecto(
    { type: 'Point', coordinates: p.coord },
    p.match,
    p.nombre,
    p.nota,
    p.ilustrativa ? ilustrativo : { precision: 'aproximada', fuente: `Ubicación aproximada del equipo SIT ${p.desde} ${SIN_UBICACIONES}` },
  );
}

proyecto(
  humedalFeatures[0].geometry.coordinates.length === 1
    ? { type: 'Polygon', coordinates: humedalFeatures[0].geometry.coordinates[0] }
    : humedalFeatures[0].geometry,
  'Consolidación Humedal Urbano',
  'Consolidación Humedal Urbano (río Huasco)',
  'Mismo polígono aproximado que el humedal vigente de humedal_urbano.geojson.',
  {
    precision: 'aproximada',
    fuente: `Polígono aproximado del equipo SIT: el del humedal vigente de la capa humedal_urbano, sobre el eje aproximado del río ${SIN_UBICACIONES}`,
  },
);
proyecto(
  tramoAmpliacion.geometry,
  'Postular iniciativa al FNDR para control de especies invasora y limpieza del Río Huasco',
  'Control de especies invasoras y limpieza del río Huasco',
  'Tramo del eje aproximado del río entre Perales Viejos y El Jilguero (extensión de la ampliación del humedal).',
  {
    precision: 'aproximada',
    fuente: `Eje aproximado del río digitalizado por el equipo SIT, entre los APR DOH «Perales Viejos» y «El Jilguero» ${SIN_UBICACIONES}`,
  },
);
const tramoDeCanal = {
  precision: 'aproximada',
  fuente: 'Trazado del canal CNR (eSIIR 2020); el equipo SIT eligió el tramo urbano (el Tomo II del PLADECO 2022–2029 no define el tramo)',
};
for (const [canal, match, nombre] of [
  ['ventanas', 'Parque lineal Canal Las Ventanas', 'Parque lineal Canal Las Ventanas'],
  ['gallo y ferrara', 'Parque lineal Gallo y Ferrera, Buena Esperanza, Compañía', 'Parque lineal canal Gallo y Ferrera'],
  ['buena esperanza', 'Parque lineal Gallo y Ferrera, Buena Esperanza, Compañía', 'Parque lineal canal Buena Esperanza'],
  ['compañia', 'Parque lineal Gallo y Ferrera, Buena Esperanza, Compañía', 'Parque lineal canal Compañía'],
]) {
  const c = canalPorNombre(canal);
  const g = clipLine(c.geometry, urbano);
  if (!g) throw new Error(`canal ${canal} does not cross the urban area`);
  proyecto(
    longestPart(g),
    match,
    nombre,
    `Tramo urbano (dentro de los límites urbanos PRC 1981 y censal 2017) del canal CNR "${canal}"; el PLADECO no define el tramo.`,
    tramoDeCanal,
  );
}
proyecto(
  { type: 'LineString', coordinates: RUTAS.parqueTorreblancaVistaAlegre },
  'Parque Lineal Rafael Torreblanca-Vista Alegre',
  'Parque lineal Rafael Torreblanca–Vista Alegre',
  'Trazado ilustrativo por el talud sur (zona ZR3 del PRC) entre los puntos SENAPRED "Rafael Torreblanca" y "Población vista alegre".',
  trazadoIlustrativo,
);
for (const [i, p] of puentesFeatures.entries()) {
  if (p.properties.estado !== 'propuesto') continue;
  proyecto(
    p.geometry,
    p.properties.proyecto,
    p.properties.nombre,
    PUENTES[i].nota,
    PUENTES[i].ilustrativa
      ? ilustrativo
      : { precision: 'aproximada', fuente: `Ubicación aproximada del equipo SIT sobre el eje aproximado del río ${SIN_UBICACIONES}` },
  );
}
proyecto(
  puenteSobreRio(PUENTE_PEATONAL.at, PUENTE_PEATONAL.largo_m),
  'Puentes peatonales acorde a las rutas inclusivas',
  'Puente peatonal ruta accesible sur (ilustrativo)',
  'El PLADECO no nombra ni ubica los puentes peatonales: un ejemplo donde la ruta accesible sur cruza el río junto al Paseo Ribereño.',
  ilustrativo,
);
proyecto(
  { type: 'LineString', coordinates: RUTAS.accesibleNorte },
  'Rutas Accesibles e inclusivas entre los altiplanos norte-sur con el centro de la ciudad',
  'Ruta accesible altiplano norte – centro (ilustrativa)',
  'Trazado ilustrativo desde el sector norte (Villa El Edén) a la Plaza de Armas; el PLADECO no define el recorrido.',
  trazadoIlustrativo,
);
proyecto(
  { type: 'LineString', coordinates: RUTAS.accesibleSur },
  'Rutas Accesibles e inclusivas entre los altiplanos norte-sur con el centro de la ciudad',
  'Ruta accesible altiplano sur – centro (ilustrativa)',
  'Trazado ilustrativo desde la ladera sur (Rafael Torreblanca) por el Paseo Ribereño a la Plaza de Armas; el PLADECO no define el recorrido.',
  trazadoIlustrativo,
);
for (const c of cicloviasFeatures) {
  proyecto(c.geometry, 'Red de Ciclovías', c.properties.nombre, 'Tramo ilustrativo de la red; ver ciclovias.geojson.', trazadoIlustrativo);
}
proyecto(
  canalPorNombre('arenal').geometry,
  'Proyecto de recuperación del Canal El Arenal',
  'Recuperación Canal El Arenal',
  'Trazado del canal CNR "arenal" (eSIIR 2020); extensión de la obra no definida en el PLADECO.',
  {
    precision: 'aproximada',
    fuente:
      'Trazado completo del canal CNR «arenal» (eSIIR 2020), elegido por el equipo SIT (el Tomo II del PLADECO 2022–2029 no define la obra)',
  },
);
proyecto(
  { type: 'LineString', coordinates: RUTAS.patrimonial },
  'Rutas patrimoniales con señalización adecuada e infraestructura básica de reconocimiento',
  'Ruta patrimonial del centro (ilustrativa)',
  'Une Sala Museográfica Ferroviaria (Prat 405), Plaza de Armas, Gobernación, Museo del Huasco (Prat 1542) y Paseo Ribereño; recorrido no definido en el PLADECO.',
  trazadoIlustrativo,
);
const restauraciones = {
  'Iglesia San Ambrosio': 'Restauración Iglesia San Ambrosio',
  'Edificio de la Gobernación': 'Restauración Edificio Gobernación',
  'Ex Escuela N°1': 'Restauración Ex Escuela N° 1',
  'Torre Centenario': 'Recuperación Torre Centenario',
};
for (const h of PATRIMONIO_APROX) {
  proyecto(
    { type: 'Point', coordinates: h.coord },
    restauraciones[h.nombre],
    `${restauraciones[h.nombre]}`,
    h.nota,
    h.ilustrativa
      ? ilustrativo
      : { precision: 'aproximada', fuente: `Ubicación aproximada del equipo SIT según las coordenadas de es.wikipedia ${SIN_UBICACIONES}` },
  );
}
emit('proyectos_ubicaciones', P);

console.log('done');
