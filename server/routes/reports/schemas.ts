import { Type, type Static, type TSchema } from 'typebox';
import { estadosProyecto } from '../../catalog/plan-layers.ts';

const date = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Fecha AAAA-MM-DD' });
const planCode = Type.String({ pattern: '^L[0-9]+(\\.[A-Z0-9]+)*$', maxLength: 40 });

/** `oficial=true`: only official data (no demo tracking rows, no illustrative or demo locations), as in the report. */
export const officialParameter = Type.Boolean({
  description: 'true: solo datos oficiales, como el informe al Concejo; por omisión incluye los de demostración y lo dice',
});

export const ProgressQuery = Type.Object(
  {
    hasta: Type.Optional({ ...date, description: 'Fecha de corte AAAA-MM-DD (por omisión, hoy)' }),
    oficial: Type.Optional(officialParameter),
  },
  { additionalProperties: false },
);
export type ProgressQueryType = Static<typeof ProgressQuery>;

export const SemiannualQuery = Type.Object(
  {
    anio: Type.Integer({ minimum: 2022, maximum: 2100, description: 'Año del informe' }),
    semestre: Type.Integer({ minimum: 1, maximum: 2, description: '1 = enero–junio, 2 = julio–diciembre' }),
    f: Type.Optional(Type.Enum(['json', 'csv'], { description: 'json (por omisión) o csv: anexo de datos por proyecto' })),
  },
  { additionalProperties: false },
);
export type SemiannualQueryType = Static<typeof SemiannualQuery>;

export const HtmlReportQuery = Type.Object(
  { anio: SemiannualQuery.properties.anio, semestre: SemiannualQuery.properties.semestre },
  { additionalProperties: false },
);

export const exportFormats = ['geojson', 'csv', 'kml', 'gpkg'] as const;

export const ExportQuery = Type.Object(
  {
    formato: Type.Enum([...exportFormats], { description: 'geojson, csv (WKT y lon/lat), kml o gpkg (requiere GDAL)' }),
    lineamiento: Type.Optional({ ...planCode, description: 'Código del lineamiento, p. ej. L6' }),
    programa: Type.Optional({ ...planCode, description: 'Código del programa' }),
    estado: Type.Optional(Type.Enum([...estadosProyecto], { description: 'Estado actual del proyecto' })),
    ubicados: Type.Optional(Type.Boolean({ description: 'true: solo proyectos con ubicación; false: solo sin ubicación' })),
  },
  { additionalProperties: false },
);
export type ExportQueryType = Static<typeof ExportQuery>;

export const UnitSheetParams = Type.Object({
  id: Type.Integer({
    minimum: 1,
    maximum: 2_147_483_647,
    description: 'Identificador de la unidad vecinal (/collections/unidades_vecinales/items/{id})',
  }),
});

const nullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

const UnitProject = Type.Object({
  codigo: Type.String(),
  nombre: Type.String(),
  lineamiento: Type.String(),
  estado: Type.Union([Type.String(), Type.Null()], { description: 'null = sin información' }),
  avance: nullableNumber('Avance físico vigente, 0–100; null = sin información'),
  estimado: nullableNumber('CLP, todos los años; null = sin información'),
  aprobado: nullableNumber('CLP, todos los años; null = sin información'),
  ejecutado: nullableNumber('CLP, todos los años; null = sin información'),
  monto: nullableNumber('Aprobado, si falta, el estimado (CLP)'),
  partes: Type.Integer({ description: 'Unidades vecinales entre las que se reparte el monto' }),
  inversionUnidad: nullableNumber('Parte del monto atribuida a esta unidad (CLP)'),
  enHumedal: Type.Boolean({ description: 'La geometría toca el humedal urbano vigente' }),
});

/** The figures of the sheet that depend on which data count (official, or including demo data). */
const UnitFigureFields = {
  proyectos: Type.Array(UnitProject),
  avance: Type.Object(
    { avance: nullableNumber('0–100; null = sin información'), incluidos: Type.Integer(), conAvance: Type.Integer() },
    { description: 'Avance de sus proyectos con la regla de /plan/avance' },
  ),
  presupuesto: Type.Object({
    inversionAtribuida: nullableNumber('Suma de las partes atribuidas a la unidad (CLP); null = ningún proyecto con presupuesto'),
    estimado: nullableNumber('CLP; null = sin información'),
    aprobado: nullableNumber('CLP; null = sin información'),
    ejecutado: nullableNumber('CLP; null = sin información'),
    conPresupuesto: Type.Integer({ description: 'Proyectos con presupuesto registrado' }),
    sinPresupuesto: Type.Integer({ description: 'Proyectos sin presupuesto registrado' }),
  }),
  microbasurales: Type.Object({
    activos: Type.Union([Type.Integer(), Type.Null()], {
      description: 'Reportados, verificados o programados; null si la comuna no tiene registros en el alcance',
    }),
    erradicados: Type.Union([Type.Integer(), Type.Null()], { description: 'Limpiados o cerrados' }),
    porEstado: Type.Array(Type.Object({ estado: Type.String(), sitios: Type.Integer() })),
    fueraDeLasCifras: Type.Integer({ description: 'Sitios de la comuna que no cuentan por su precisión (demo, ilustrativa)' }),
  }),
};

/** The territorial sheet of a neighbourhood unit (JSON). */
export const UnitSheetBody = Type.Object({
  unidad: Type.Object({
    id: Type.Integer(),
    codigo: Type.String(),
    nombre: Type.String(),
    area: Type.String({ description: 'urbana o rural' }),
    poblacion: Type.Union([Type.Integer(), Type.Null()]),
    hogares: Type.Union([Type.Integer(), Type.Null()]),
    viviendas: Type.Union([Type.Integer(), Type.Null()]),
    superficieKm2: Type.Number({ description: 'Superficie en km² (UTM 19S)' }),
    fuente: Type.String(),
    precision: Type.String(),
  }),
  ...UnitFigureFields,
  patrimonio: Type.Array(Type.Object({ nombre: Type.String(), categoria: Type.Union([Type.String(), Type.Null()]) })),
  humedal: Type.Object({
    vigenteHa: Type.Number({ description: 'Hectáreas de la unidad dentro del humedal urbano vigente' }),
    ampliacionPropuestaHa: Type.Number(),
    porcentajeVigente: Type.Number({ description: '% de la superficie de la unidad' }),
    proyectosEnHumedal: Type.Integer(),
  }),
  reglas: Type.String(),
  emitido: Type.String({ description: 'Fecha de emisión AAAA-MM-DD' }),
  enlace: Type.String({ description: 'Dirección absoluta de estos datos (SIT_PUBLIC_URL)' }),
  datosDemo: Type.Union(
    [
      Type.Object({
        aviso: Type.String(),
        incluye_demo: Type.Boolean(),
        datos_demo: Type.Record(Type.String(), Type.Integer()),
        ...UnitFigureFields,
      }),
      Type.Null(),
    ],
    { description: 'Las mismas cifras incluyendo los datos de demostración; null sin datos de demostración' },
  ),
});

/* Typed answers of /plan/avance and /reportes/semestral (OpenAPI at /api). */

const RollupFields = {
  codigo: Type.String(),
  nivel: Type.String({ description: 'lineamiento, objetivo, plan, programa o proyecto' }),
  nombre: Type.String(),
  avance: Type.Union([Type.Number(), Type.Null()], {
    description: 'Avance ponderado 0–100 de los proyectos con avance registrado; null («sin información») si ninguno lo tiene',
  }),
  ponderacion: Type.Union([Type.Literal('presupuesto'), Type.Literal('igual'), Type.Null()]),
  proyectos: Type.Integer(),
  incluidos: Type.Integer(),
  excluidos: Type.Integer({ description: 'Suspendidos o descartados' }),
  conAvance: Type.Integer({ description: 'Incluidos con avance registrado: la cifra se calcula sobre ellos' }),
  sinInformacion: Type.Integer({ description: 'Incluidos sin avance registrado (fuera del promedio, nunca 0 %)' }),
  sinPresupuesto: Type.Integer(),
  presupuestoPonderador: Type.Number({ description: 'CLP usados como peso (proyectos con avance registrado)' }),
  estado: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Solo proyectos: estado a la fecha de corte' })),
};

/** The roll-up tree nests at most five levels: written out, not recursive, as the plan tree is. */
function rollupAtDepth(depth: number): TSchema {
  const children = depth >= 5 ? Type.Array(Type.Never(), { maxItems: 0 }) : Type.Array(rollupAtDepth(depth + 1));
  return Type.Object({ ...RollupFields, hijos: children });
}
export const RollupTree = Type.Array(rollupAtDepth(1));

export const ProgressAnswer = Type.Object({
  hasta: Type.String(),
  regla: Type.String(),
  oficial: Type.Boolean(),
  incluye_demo: Type.Boolean({ description: 'Datos de demostración entraron en estas cifras' }),
  datos_demo: Type.Record(Type.String(), Type.Integer()),
  lineamientos: RollupTree,
});

const nullableMoney = Type.Union([Type.Number(), Type.Null()], { description: 'CLP; null = sin información' });
const groupFigures = Type.Object({ proyectos: Type.Integer(), conPresupuesto: Type.Integer(), monto: nullableMoney });
const nullableText = Type.Union([Type.String(), Type.Null()]);

/** The figures of the report that depend on which data count (official, or including demo data in the marked box). */
const ReportFigureFields = {
  lineamientos: Type.Array(Type.Object({ ...RollupFields, objetivos: Type.Integer() })),
  avance: RollupTree,
  cambiosEstado: Type.Array(
    Type.Object({
      codigo: Type.String(),
      nombre: Type.String(),
      estado: Type.String(),
      desde: Type.String(),
      nota: nullableText,
      registrado_por: Type.Union([Type.String(), Type.Null()], { description: 'Quién lo registró; null sin sesión (dato personal)' }),
      demo: Type.Boolean({ description: 'Dato de demostración (solo en el recuadro de demostración)' }),
    }),
  ),
  hitos: Type.Array(
    Type.Object({
      codigo: Type.String(),
      proyecto: Type.String(),
      nombre: Type.String(),
      fecha_prevista: nullableText,
      fecha_real: nullableText,
      cumplido: Type.Boolean(),
      demo: Type.Boolean(),
    }),
  ),
  ejecucionPresupuestaria: Type.Object({
    porAnioYFuente: Type.Array(
      Type.Object({
        anio: Type.Integer(),
        fuente: Type.String(),
        estimado: nullableMoney,
        aprobado: nullableMoney,
        ejecutado: nullableMoney,
      }),
    ),
    totales: Type.Object({ estimado: nullableMoney, aprobado: nullableMoney, ejecutado: nullableMoney }),
  }),
  igualdadGenero: Type.Object({ nota: Type.String(), evaluados: groupFigures, noEvaluados: groupFigures, sinInformacion: groupFigures }),
  territorio: Type.Object({
    regla: Type.String(),
    unidades: Type.Array(
      Type.Object({
        codigo: Type.String(),
        nombre: Type.String(),
        area: Type.String(),
        proyectos: Type.Integer(),
        conPresupuesto: Type.Integer(),
        inversion: nullableMoney,
      }),
    ),
    sinUnidad: Type.Object({
      proyectos: Type.Integer(),
      inversion: nullableMoney,
      sinUbicacion: Type.Integer(),
      ubicacionNoOficial: Type.Integer({ description: 'Ubicación ilustrativa o de demostración: no cuenta en las cifras territoriales' }),
    }),
  }),
  indicadores: Type.Array(
    Type.Object({
      programa: nullableText,
      nombrePrograma: nullableText,
      nombre: Type.String(),
      unidad: Type.String(),
      meta: Type.Union([Type.Number(), Type.Null()]),
      valor: Type.Union([Type.Number(), Type.Null()], { description: 'null = sin información' }),
      fuente: Type.String({ description: 'calculado (de las capas del SIT) o manual' }),
      fecha: nullableText,
      nota: Type.Optional(Type.String()),
      demo: Type.Optional(Type.Boolean()),
    }),
  ),
};

/** `incluye_demo` and `datos_demo` of any summary that may include demo data. */
export const DemoFields = {
  incluye_demo: Type.Boolean({ description: 'La cifra incluye datos de demostración (precisión demo o seguimiento marcado demo)' }),
  datos_demo: Type.Record(Type.String(), Type.Integer(), { description: 'Datos de demostración por tipo (solo los presentes)' }),
};

export const SemiannualAnswer = Type.Object({
  titulo: Type.String(),
  anio: Type.Integer(),
  semestre: Type.Integer(),
  periodo: Type.Object({ desde: Type.String(), hasta: Type.String() }),
  emitido: Type.String({ description: 'Fecha de emisión AAAA-MM-DD' }),
  reglaAvance: Type.String(),
  enlaces: Type.Object(
    { informe: Type.String(), anexoCsv: Type.String() },
    { description: 'Direcciones absolutas (SIT_PUBLIC_URL) del informe y su anexo' },
  ),
  fueraDeLasCifras: Type.Object({
    ubicaciones: Type.Array(Type.Object({ precision: Type.String(), proyectos: Type.Integer() }), {
      description: 'Proyectos ubicados cuya ubicación (ilustrativa, demo) no entra en las cifras oficiales',
    }),
  }),
  limitesUnidades: Type.Array(Type.Object({ precision: Type.String(), unidades: Type.Integer() }), {
    description: 'Unidades vecinales por precisión de su límite (la distribución territorial es tan exacta como ellos)',
  }),
  marco: Type.Object(
    {
      lineamientos: Type.Array(Type.Object({ codigo: Type.String(), nombre: Type.String(), definicion: Type.String() })),
      ejesTransversales: Type.Array(Type.Object({ codigo: Type.String(), nombre: Type.String(), descripcion: Type.String() })),
    },
    { description: 'El marco del PLADECO con sus palabras: definición de cada lineamiento y los ejes transversales' },
  ),
  ...ReportFigureFields,
  datosDemo: Type.Union([Type.Object({ aviso: Type.String(), ...DemoFields, ...ReportFigureFields }), Type.Null()], {
    description: 'Las mismas cifras incluyendo los datos de demostración, para el recuadro marcado; null sin datos de demostración',
  }),
});
