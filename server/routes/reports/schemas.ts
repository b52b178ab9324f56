import { Type, type Static, type TSchema } from 'typebox';
import { estadosProyecto } from '../../catalog/plan-layers.ts';

const date = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Fecha AAAA-MM-DD' });
const planCode = Type.String({ pattern: '^L[0-9]+(\\.[A-Z0-9]+)*$', maxLength: 40 });

export const ProgressQuery = Type.Object(
  { hasta: Type.Optional({ ...date, description: 'Fecha de corte AAAA-MM-DD (por omisión, hoy)' }) },
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
  proyectos: Type.Array(
    Type.Object({
      codigo: Type.String(),
      nombre: Type.String(),
      lineamiento: Type.String(),
      estado: Type.Union([Type.String(), Type.Null()], { description: 'null = sin información' }),
      avance: nullableNumber('Avance físico vigente, 0–100; null = sin información'),
      estimado: nullableNumber('CLP, todos los años'),
      aprobado: nullableNumber('CLP, todos los años'),
      ejecutado: nullableNumber('CLP, todos los años'),
      monto: nullableNumber('Aprobado, si falta, el estimado (CLP)'),
      partes: Type.Integer({ description: 'Unidades vecinales entre las que se reparte el monto' }),
      inversionUnidad: nullableNumber('Parte del monto atribuida a esta unidad (CLP)'),
      enHumedal: Type.Boolean({ description: 'La geometría toca el humedal urbano vigente' }),
    }),
  ),
  presupuesto: Type.Object({
    inversionAtribuida: Type.Number({ description: 'Suma de las partes atribuidas a la unidad (CLP)' }),
    estimado: Type.Number(),
    aprobado: Type.Number(),
    ejecutado: Type.Number(),
    sinPresupuesto: Type.Integer({ description: 'Proyectos sin presupuesto registrado' }),
  }),
  microbasurales: Type.Object({
    activos: Type.Integer({ description: 'Reportados, verificados o programados' }),
    erradicados: Type.Integer({ description: 'Limpiados o cerrados' }),
    porEstado: Type.Array(Type.Object({ estado: Type.String(), sitios: Type.Integer() })),
  }),
  patrimonio: Type.Array(Type.Object({ nombre: Type.String(), categoria: Type.Union([Type.String(), Type.Null()]) })),
  humedal: Type.Object({
    vigenteHa: Type.Number({ description: 'Hectáreas de la unidad dentro del humedal urbano vigente' }),
    ampliacionPropuestaHa: Type.Number(),
    porcentajeVigente: Type.Number({ description: '% de la superficie de la unidad' }),
    proyectosEnHumedal: Type.Integer(),
  }),
  reglas: Type.String(),
  emitido: Type.String({ description: 'Fecha de emisión AAAA-MM-DD' }),
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

export const ProgressAnswer = Type.Object({ hasta: Type.String(), regla: Type.String(), lineamientos: RollupTree });

const nullableMoney = Type.Union([Type.Number(), Type.Null()], { description: 'CLP; null = sin información' });
const groupFigures = Type.Object({ proyectos: Type.Integer(), monto: Type.Number() });

export const SemiannualAnswer = Type.Object({
  titulo: Type.String(),
  anio: Type.Integer(),
  semestre: Type.Integer(),
  periodo: Type.Object({ desde: Type.String(), hasta: Type.String() }),
  reglaAvance: Type.String(),
  lineamientos: Type.Array(Type.Object({ ...RollupFields, objetivos: Type.Integer() })),
  avance: RollupTree,
  cambiosEstado: Type.Array(
    Type.Object({
      codigo: Type.String(),
      nombre: Type.String(),
      estado: Type.String(),
      desde: Type.String(),
      nota: Type.Union([Type.String(), Type.Null()]),
      registrado_por: Type.Union([Type.String(), Type.Null()], { description: 'Quién lo registró; null sin sesión (dato personal)' }),
    }),
  ),
  hitos: Type.Array(
    Type.Object({
      codigo: Type.String(),
      proyecto: Type.String(),
      nombre: Type.String(),
      fecha_prevista: Type.Union([Type.String(), Type.Null()]),
      fecha_real: Type.Union([Type.String(), Type.Null()]),
      cumplido: Type.Boolean(),
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
    totales: Type.Object({ estimado: Type.Number(), aprobado: Type.Number(), ejecutado: Type.Number() }),
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
        inversion: Type.Number(),
      }),
    ),
    sinUnidad: Type.Object({ proyectos: Type.Integer(), inversion: Type.Number() }),
  }),
  indicadores: Type.Array(
    Type.Object({
      programa: Type.Union([Type.String(), Type.Null()]),
      nombrePrograma: Type.Union([Type.String(), Type.Null()]),
      nombre: Type.String(),
      unidad: Type.String(),
      meta: Type.Union([Type.Number(), Type.Null()]),
      valor: Type.Union([Type.Number(), Type.Null()]),
      fuente: Type.String({ description: 'calculado (de las capas del SIT) o manual' }),
      fecha: Type.Union([Type.String(), Type.Null()]),
      nota: Type.Optional(Type.String()),
    }),
  ),
});
