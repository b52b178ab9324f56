/**
 * Where every population figure of the SIT comes from (data/README.md,
 * «Población»), and how the seeded layers add up to the comuna's 2017 census
 * total. Reports that print a population total read the statement here, so
 * the difference with the census is said the same way everywhere.
 *
 * The rule: urban figures (census blocks, census zones, the urban
 * neighbourhood units) are sums of the persons of the INE 2017 census blocks;
 * rural units take the zone table's rural entities, the only rural figure
 * there is; a unit with no figure is null («sin información»), never 0.
 */
export const populationRule =
  'Población urbana (manzanas, zonas censales y unidades vecinales urbanas): suma de las personas de las manzanas censales INE 2017. ' +
  'Unidades rurales: suma de las entidades rurales del distrito en la tabla de zonas del Censo 2017 (vía chilemapas), que subcuenta. ' +
  'Sin dato: «sin información», nunca 0.';

/**
 * The comuna's census total split by where the shipped seed puts each person
 * (persons, Censo 2017). The parts add up to `comuna`.
 */
export const censusReconciliation2017 = {
  /** Persons counted in the comuna (INE, Censo 2017). */
  comuna: 51_917,
  /** Persons of the 717 urban census blocks: the 13 urban zones and units. */
  manzanasUrbanas: 45_285,
  /** Persons of the rural entities in the zone table, summed into 12 rural units (2 have none: null). */
  entidadesRurales: 5_428,
  /** Persons the zone table puts under geocode 03301991999: counted, but in no zone or locality. */
  sinLocalizar: 721,
  /** Persons no table places: the zone table's age cells fall short of the census total. */
  sinRepartir: 483,
} as const;

/** The difference between the census total and the units' sum, in words (es-CL). */
export const censusDifferenceNote =
  'Las unidades vecinales suman 50.713 personas de las 51.917 del Censo 2017 en la comuna. La diferencia (1.204) son ' +
  '721 personas censadas sin zona ni localidad (código 03301991999) y 483 que ninguna tabla disponible ubica: la tabla ' +
  'de zonas por edad suma 3.158 personas menos que el total comunal (sobre todo menores de 15 y mayores de 64 años), ' +
  'por lo que las cifras rurales son mínimos. Dos unidades rurales (distritos 2 y 14) no tienen dato: «sin información».';
