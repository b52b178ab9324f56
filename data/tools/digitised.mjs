// Geometry placed by hand by the SIT team. Every coordinate here is [lon, lat]
// (EPSG:4326) and was placed by reading the real layers in data/real/ (see
// data/README.md, section "Cómo se digitalizó"). None of it comes from an
// official survey. Precision "aproximada" where a source gives the position
// (a census-block gap, a SENAPRED point, published coordinates); entries marked
// `ilustrativa: true` were placed only from a text (the PLADECO names the place,
// not where it is) and are labelled "ilustrativa".

/**
 * Río Huasco centre-line, upstream (east, Embalse Santa Juana) to downstream
 * (west, towards Maitencillo). Placed through:
 *  - the intakes (first vertex) of the CNR canals that take water from the
 *    "rio huasco 3a/4a seccion" (maquinas, camarones, compañia, remigia torres,
 *    retiro, chañar blanco, chico, san pablo/ventanas, gallo y ferrara, arenal,
 *    chacra araya, el pino huasco, unificacion callejas / buena esperanza,
 *    libertad, perales huasco, quebrada honda, puente, pahona, perales viejos,
 *    vega, victoria, bodegas, san jose, nicolasa, tatara);
 *  - the narrow gap left by the INE 2017 census blocks through the city
 *    (lon -70.738 ... -70.774, between the centre and the "ladera sur");
 *  - the SENAPRED points "Puente Brasil" and "Paseo Ribereño".
 * The line starts east of the comuna boundary inside the reservoir and is
 * clipped to the comuna polygon by build_seed.mjs.
 */
export const RIO_HUASCO = [
  [-70.599, -28.68],
  [-70.607, -28.6812],
  [-70.612, -28.6818],
  [-70.62, -28.679],
  [-70.628, -28.6772],
  [-70.636, -28.6775],
  [-70.6405, -28.678],
  [-70.644, -28.6778],
  [-70.6475, -28.6763],
  [-70.651, -28.6748],
  [-70.6545, -28.6722],
  [-70.657, -28.67],
  [-70.661, -28.6675],
  [-70.667, -28.6635],
  [-70.672, -28.659],
  [-70.6765, -28.6563],
  [-70.681, -28.6558],
  [-70.686, -28.651],
  [-70.69, -28.6465],
  [-70.694, -28.6425],
  [-70.6975, -28.637],
  [-70.7, -28.631],
  [-70.7035, -28.626],
  [-70.708, -28.6212],
  [-70.712, -28.6165],
  [-70.7165, -28.611],
  [-70.721, -28.6055],
  [-70.7255, -28.6],
  [-70.729, -28.597],
  [-70.7335, -28.593],
  [-70.7365, -28.5905],
  [-70.738, -28.588],
  [-70.7395, -28.5857],
  [-70.7425, -28.5848],
  [-70.745, -28.5852],
  [-70.7475, -28.5854],
  [-70.75, -28.5845],
  [-70.752, -28.5847],
  [-70.7545, -28.5843],
  [-70.758, -28.5837],
  [-70.7605, -28.5826],
  [-70.7627, -28.5819],
  [-70.765, -28.58],
  [-70.7675, -28.5775],
  [-70.77, -28.5752],
  [-70.7735, -28.5736],
  [-70.776, -28.5712],
  [-70.7785, -28.569],
  [-70.783, -28.5674],
  [-70.787, -28.5662],
  [-70.79, -28.5656],
  [-70.7955, -28.5643],
  [-70.8, -28.5625],
  [-70.804, -28.5597],
  [-70.8075, -28.5583],
  [-70.811, -28.5583],
  [-70.8145, -28.5584],
  [-70.82, -28.5573],
  [-70.826, -28.5553],
  [-70.832, -28.553],
  [-70.84, -28.5505],
  [-70.848, -28.5483],
  [-70.855, -28.5458],
  [-70.862, -28.543],
  [-70.8715, -28.5405],
  [-70.88, -28.5375],
  [-70.889, -28.5347],
  [-70.897, -28.533],
  [-70.904, -28.5305],
  [-70.9115, -28.528],
  [-70.92, -28.5262],
];

/** Reference places read from the real data (used to cut river stretches). */
export const REF = {
  // Octagonal hole in the census blocks, with the church on its SE side.
  plazaDeArmas: [-70.7616, -28.575],
  // es.wikipedia "Iglesia San Ambrosio de Vallenar": -28.5754532, -70.7612822
  iglesiaSanAmbrosio: [-70.761282, -28.575453],
  // APR (DOH) tank points, used only as sector names along the river.
  aprElJilguero: [-70.72035, -28.58664],
  aprPeralesViejos: [-70.81202, -28.56119],
  // East entrance of the river to the city and the Ruta 5 crossing (west).
  humedalVigenteEste: [-70.737, -28.5895],
  humedalVigenteOeste: [-70.787, -28.5662],
};

/**
 * Bridges. `at` is a target point: the build script snaps it to the nearest
 * point of RIO_HUASCO and draws a 2-point line perpendicular to the river,
 * `largo_m` long, so each end lies on one bank.
 */
export const PUENTES = [
  {
    nombre: 'Puente Brasil',
    tipo: 'vehicular',
    estado: 'existente',
    proyecto: null,
    at: [-70.76287, -28.58177],
    largo_m: 90,
    nota: 'Existe; según prensa local (Radio Amiga Vallenar) fue restringido y luego cerrado al tránsito por riesgo estructural: verificar su estado actual. Ubicado en el punto SENAPRED "Puente Brasil".',
  },
  {
    nombre: 'Puente Huasco (Ruta 5)',
    tipo: 'vehicular',
    estado: 'existente',
    proyecto: null,
    at: [-70.7868, -28.5663],
    largo_m: 195,
    nota: 'Puente de la Panamericana sobre el río Huasco (195 m según prensa histórica). Ubicación supuesta: donde la Ruta 5 (paso bajo nivel frente a Villa El Edén) baja al valle, junto a la bocatoma del canal "puente".',
  },
  {
    nombre: 'Puente Matta (propuesto)',
    tipo: 'vehicular',
    estado: 'propuesto',
    proyecto: 'Construcción de 4 puentes sobre el río Huasco (Matta',
    at: [-70.766, -28.579],
    largo_m: 80,
    nota: 'Supuesto en la prolongación de Av. Matta hacia el río (puntos SENAPRED "Avenida Matta"), aguas abajo del Puente Brasil. Trazado no definido en el PLADECO.',
  },
  {
    nombre: 'Ampliación Puente Brasil (propuesta)',
    tipo: 'vehicular',
    estado: 'propuesto',
    proyecto: 'Ampliación Puente Brasil',
    at: [-70.76302, -28.58168],
    largo_m: 90,
    nota: 'Junto al puente existente (desplazado ~15 m aguas abajo solo para que ambos se vean en el mapa).',
  },
  {
    nombre: 'Puente Oriente, sector polideportivo (propuesto)',
    tipo: 'vehicular',
    estado: 'propuesto',
    proyecto: 'Oriente en el sector del polideportivo',
    at: [-70.7428, -28.5848],
    largo_m: 80,
    ilustrativa: true,
    nota: 'Sector oriente de la ciudad, frente al gran vacío de manzanas junto a Quinta Valle (posible recinto deportivo; el polideportivo no está en los datos).',
  },
  {
    nombre: 'Puente Interurbano, sector El Jilguero (propuesto)',
    tipo: 'vehicular',
    estado: 'propuesto',
    proyecto: 'puente Interurbano sobre el sector cercano al balneario el Jilguero',
    at: [-70.7255, -28.6],
    largo_m: 120,
    nota: 'Aguas arriba de la ciudad, en el tramo del río más cercano al APR "El Jilguero" (DOH). El balneario no está en los datos.',
  },
];

/** Illustrative pedestrian bridge for the accessible south route (projects only). */
export const PUENTE_PEATONAL = {
  at: [-70.7556, -28.5841],
  largo_m: 60,
};

/** Proposed cycle paths. `calle` takes the geometry of that street-sample feature. */
export const CICLOVIAS = [
  {
    nombre: 'Ciclovía Av. El Buen Retiro (propuesta)',
    calle: 'AVENIDA EL BUEN RETIRO',
    minLenM: 1000,
    tipo: 'bidireccional segregada',
  },
  {
    nombre: 'Ciclovía calle Río Huasco (propuesta)',
    calle: 'RIO HUASCO',
    tipo: 'ciclobanda',
  },
  {
    nombre: "Ciclovía Bernardo O'Higgins (propuesta)",
    calle: 'BERNARDO OHIGGINS',
    tipo: 'ciclobanda',
  },
  {
    nombre: 'Ciclovía Eusebio Lillo (propuesta)',
    calle: 'EUSEBIO LILLO',
    tipo: 'ciclobanda',
  },
  {
    nombre: 'Ciclovía Paseo Ribereño (propuesta)',
    // River stretch Puente Brasil -> Puente Oriente, offset to the north bank.
    rioDesde: [-70.7627, -28.5819],
    rioHasta: [-70.7428, -28.5848],
    offsetM: 35,
    tipo: 'bidireccional segregada',
  },
];

/** Heritage points placed by us: the church from published coordinates, the rest only from the plan's text. */
export const PATRIMONIO_APROX = [
  {
    nombre: 'Iglesia San Ambrosio',
    coord: [-70.761282, -28.575453],
    nota: 'Coordenadas de es.wikipedia; coinciden con el costado SE del hueco octogonal de la Plaza de Armas en las manzanas INE.',
    estado: 'Requiere restauración según PLADECO 2022–2029 (sin diagnóstico técnico en estos datos)',
  },
  {
    nombre: 'Edificio de la Gobernación',
    ilustrativa: true,
    coord: [-70.76107, -28.57473],
    nota: 'Ubicación supuesta frente a la Plaza de Armas (costado NE); no verificada.',
    estado: 'Requiere restauración según PLADECO 2022–2029 (sin diagnóstico técnico en estos datos)',
  },
  {
    nombre: 'Ex Escuela N°1',
    ilustrativa: true,
    coord: [-70.7625, -28.5759],
    nota: 'Ubicación supuesta en el entorno de la Plaza de Armas; no verificada.',
    estado: 'Requiere restauración según PLADECO 2022–2029 (sin diagnóstico técnico en estos datos)',
  },
  {
    nombre: 'Torre Centenario',
    ilustrativa: true,
    coord: [-70.76172, -28.57488],
    nota: 'Ubicación supuesta en la Plaza de Armas; no verificada.',
    estado: 'Requiere recuperación según PLADECO 2022–2029 (sin diagnóstico técnico en estos datos)',
  },
];

/**
 * Place-based projects of PLADECO 2022–2029 Tomo II that are not derived from
 * another layer. `match` is copied verbatim from the plan text; `desde` says
 * what an approximate position was read from.
 */
export const PROYECTOS_PUNTOS = [
  {
    match: 'Concreción de 3 proyectos de infraestructuras (plazas) que consideren un sistema de riego eficiente y energías limpias',
    nombre: 'Plaza con riego eficiente 1 (norte)',
    coord: [-70.77708, -28.56254],
    nota: 'El PLADECO no nombra las plazas. Marcador ilustrativo en el sector norte, en un espacio sin manzanas censales (no se sabe si es un área verde).',
    ilustrativa: true,
  },
  {
    match: 'Concreción de 3 proyectos de infraestructuras (plazas) que consideren un sistema de riego eficiente y energías limpias',
    nombre: 'Plaza con riego eficiente 2 (oriente)',
    coord: [-70.75062, -28.57729],
    nota: 'El PLADECO no nombra las plazas. Marcador ilustrativo en el sector oriente; cae dentro de una manzana censal habitada (INE 2017), no en una plaza conocida.',
    ilustrativa: true,
  },
  {
    match: 'Concreción de 3 proyectos de infraestructuras (plazas) que consideren un sistema de riego eficiente y energías limpias',
    nombre: 'Plaza con riego eficiente 3 (sur)',
    coord: [-70.75366, -28.58892],
    nota: 'El PLADECO no nombra las plazas. Marcador ilustrativo en la ladera sur; cae dentro de una manzana censal habitada (INE 2017), no en una plaza conocida.',
    ilustrativa: true,
  },
  {
    match: 'Construcción de 1 Punto limpio comunal',
    nombre: 'Punto limpio comunal',
    coord: [-70.787, -28.574],
    nota: 'Terreno no definido en el PLADECO. Marcador provisional dentro de la Zona Industrial (ZI) del PRC 1981.',
    ilustrativa: true,
  },
  {
    match: 'Mejoramiento de Refugio canino',
    nombre: 'Refugio canino municipal',
    coord: [-70.7905, -28.5795],
    nota: 'Ubicación del refugio existente desconocida en estos datos. Marcador provisional en el borde urbano poniente; confirmar con la Dirección de Medio Ambiente.',
    ilustrativa: true,
  },
  {
    match: 'Plan maestro Alto Los Canales',
    nombre: 'Plan maestro Alto Los Canales',
    coord: [-70.7655, -28.5955],
    nota: 'Sector alto al sur de Av. Los Canales (punto SENAPRED "Avenida Los Canales"), en el borde urbano sur. Extensión no definida: marcador, no polígono.',
    desde: 'en el punto SENAPRED «Avenida Los Canales»',
  },
  {
    match: 'Plan Maestro sector Cavancha',
    nombre: 'Plan maestro sector Cavancha',
    coord: [-70.7395, -28.5712],
    nota: 'Ubicación del sector Cavancha DESCONOCIDA en estos datos: marcador provisional en el borde urbano nororiente. Confirmar con SECPLA antes de usar.',
    ilustrativa: true,
  },
  {
    match: 'Terminal Agropecuario Provincial',
    nombre: 'Terminal Agropecuario Provincial',
    coord: [-70.7925, -28.5715],
    nota: 'Terreno no definido en el PLADECO. Marcador provisional en el extremo poniente de la Zona Industrial (ZI) del PRC 1981, junto al acceso por Ruta 5 y al valle agrícola.',
    ilustrativa: true,
  },
];

/** Accessible routes (illustrative polylines) and heritage route. */
export const RUTAS = {
  accesibleNorte: [
    [-70.7745, -28.5612],
    [-70.7712, -28.5655],
    [-70.7672, -28.5692],
    [-70.7645, -28.5722],
    [-70.7616, -28.575],
  ],
  accesibleSur: [
    [-70.7535, -28.5905],
    [-70.7548, -28.5875],
    [-70.7556, -28.5841],
    [-70.7572, -28.5805],
    [-70.7596, -28.5772],
    [-70.7616, -28.575],
  ],
  patrimonial: [
    [-70.763947, -28.573655],
    [-70.7616, -28.575],
    [-70.76107, -28.57473],
    [-70.755002, -28.578652],
    [-70.7545, -28.5836],
  ],
  parqueTorreblancaVistaAlegre: [
    [-70.741, -28.5935],
    [-70.7468, -28.5896],
    [-70.753, -28.5879],
    [-70.7556, -28.5899],
  ],
};
