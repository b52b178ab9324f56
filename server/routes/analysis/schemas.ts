import { Type, type Static } from 'typebox';
import { layers } from '../../catalog/index.ts';

export { ErrorBody } from '../plan/schemas.ts';

const UnitKind = Type.Union([Type.Literal('unidades_vecinales'), Type.Literal('zonas_censales')], {
  description: 'Unidades de análisis: unidades vecinales o zonas censales',
  default: 'unidades_vecinales',
});

export const IndicatorsQuery = Type.Object({
  unidad: Type.Optional(UnitKind),
  distancia_ciclovia: Type.Optional(
    Type.Number({ minimum: 1, maximum: 5000, default: 300, description: 'Distancia (m) a una ciclovía existente para la cobertura' }),
  ),
  f: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'Formato: json (por defecto) o csv' })),
  oficial: Type.Optional(
    Type.Boolean({
      description:
        'true: para el Concejo, solo objetos de precisión oficial o aproximada y presupuestos no marcados demo; por omisión incluye todo y lo dice en incluye_demo',
    }),
  ),
});
export type IndicatorsQueryType = Static<typeof IndicatorsQuery>;

const Counts = Type.Record(Type.String(), Type.Number());
const NullableCounts = Type.Record(Type.String(), Type.Union([Type.Number(), Type.Null()]), {
  description: 'null = ningún proyecto con presupuesto registrado («sin información»)',
});
const nullableNumber = (description: string) => Type.Union([Type.Number(), Type.Null()], { description });

export const UnitIndicators = Type.Object({
  codigo: Type.String(),
  nombre: Type.Union([Type.String(), Type.Null()]),
  poblacion: Type.Union([Type.Integer(), Type.Null()], { description: 'Población de la unidad (su propio atributo)' }),
  area_km2: Type.Number(),
  proyectos: Type.Integer({ description: 'Proyectos cuya geometría se superpone con la unidad' }),
  proyectos_por_lineamiento: Counts,
  proyectos_por_estado: Counts,
  inversion_clp: nullableNumber(
    'Presupuesto aprobado, o estimado si no hay aprobado, de esos proyectos (CLP); null si ninguno tiene presupuesto; 0 sin proyectos',
  ),
  inversion_por_lineamiento: NullableCounts,
  inversion_sin_dato: Type.Boolean({ description: 'La unidad tiene proyectos y ninguno presupuesto: inversión «sin información»' }),
  proyectos_sin_presupuesto: Type.Integer(),
  inversion_por_habitante: nullableNumber('null bajo el mínimo de población o sin presupuesto (ver sin_calcular)'),
  microbasurales_activos: Type.Union([Type.Integer(), Type.Null()], { description: 'null sin registros de microbasurales en el alcance' }),
  densidad_microbasurales_km2: nullableNumber('null bajo la superficie mínima o sin registros (ver sin_calcular)'),
  patrimonio: Type.Integer(),
  ciclovia_existente_km: Type.Number(),
  ciclovia_total_km: Type.Number(),
  poblacion_manzanas: Type.Number({ description: 'Personas que las manzanas censales ponen en la unidad (prorrateo por área)' }),
  poblacion_cerca_ciclovia: Type.Number(),
  proporcion_cerca_ciclovia: nullableNumber('null sin ciclovías existentes («todas propuestas») o sin manzanas (ver sin_calcular)'),
  distancia_puente_m: Type.Union([Type.Number(), Type.Null()]),
  sin_calcular: Type.Record(Type.String(), Type.String(), {
    description: 'Indicadores de la unidad que no se calculan y por qué (mínimos de docs/cifras.md, datos no registrados)',
  }),
});

/** `incluye_demo` and `datos_demo` of a summary that may include demo data. */
const DemoFields = {
  incluye_demo: Type.Boolean({ description: 'Datos de demostración entraron en estas cifras' }),
  datos_demo: Type.Record(Type.String(), Type.Integer(), { description: 'Datos de demostración por tipo' }),
};

export const IndicatorsBody = Type.Object({
  unidad: UnitKind,
  distancia_ciclovia: Type.Number(),
  oficial: Type.Boolean(),
  ...DemoFields,
  metodo: Type.String(),
  unidades: Type.Array(UnitIndicators),
});

export const EquityQuery = Type.Object({
  unidad: Type.Optional(UnitKind),
  lineamiento: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'Código del lineamiento, p. ej. L6' })),
  medida: Type.Optional(
    Type.Union([Type.Literal('inversion'), Type.Literal('proyectos')], {
      default: 'inversion',
      description: 'Qué se reparte: inversión (CLP) o número de proyectos',
    }),
  ),
  oficial: Type.Optional(Type.Boolean({ description: 'true: solo datos oficiales (sin ubicaciones ilustrativas ni datos demo)' })),
});
export type EquityQueryType = Static<typeof EquityQuery>;

const NamedUnit = Type.Object({ codigo: Type.String(), nombre: Type.Union([Type.String(), Type.Null()]) });

export const EquityBody = Type.Object({
  unidad: UnitKind,
  lineamiento: Type.Union([Type.String(), Type.Null()]),
  medida: Type.String(),
  oficial: Type.Boolean(),
  ...DemoFields,
  lorenz: Type.Union([Type.Array(Type.Object({ x: Type.Number(), y: Type.Number() })), Type.Null()]),
  gini: Type.Union([Type.Number(), Type.Null()]),
  nota: Type.Optional(Type.String()),
  unidadesSinProyectos: Type.Array(NamedUnit),
  unidadesSinPoblacion: Type.Array(Type.String()),
  proyectosSinPresupuesto: Type.Integer(),
  proyectos: Type.Integer({ description: 'Proyectos ubicados que se reparten (del lineamiento pedido)' }),
});

const layerIds = layers.map((layer) => layer.id);
const GeoJsonGeometry = Type.Unknown({ description: 'Geometría GeoJSON en EPSG:4326 (Point, LineString, Polygon o Multi*)' });

export const ProximityRequest = Type.Object({
  geometry: Type.Optional(GeoJsonGeometry),
  capa: Type.Optional(Type.String({ description: `Capa del objeto de origen, en lugar de geometry (${layerIds.join(', ')})` })),
  id: Type.Optional(Type.Integer({ description: 'Identificador del objeto de origen en esa capa' })),
  distancia: Type.Number({ description: 'Distancia en metros (1–5000)' }),
  capas: Type.Array(Type.String(), {
    minItems: 1,
    maxItems: layerIds.length,
    description: `Capas en que buscar, cada una una vez (a lo más ${layerIds.length})`,
  }),
});
export type ProximityRequestType = Static<typeof ProximityRequest>;

const Feature = Type.Object({ id: Type.Integer(), distancia_m: Type.Number(), propiedades: Type.Record(Type.String(), Type.Unknown()) });

export const ProximityBody = Type.Object({
  distancia: Type.Number(),
  buffer: Type.Unknown({ description: 'Polígono de la distancia alrededor de la geometría (GeoJSON, EPSG:4326)' }),
  capas: Type.Array(Type.Object({ capa: Type.String(), titulo: Type.String(), truncado: Type.Boolean(), objetos: Type.Array(Feature) })),
});

export const PrcReviewRequest = Type.Object({
  geometry: Type.Optional(GeoJsonGeometry),
  proyecto: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'Código de un proyecto del PLADECO con ubicación' })),
  distancia_patrimonio: Type.Optional(Type.Number({ default: 50, description: 'Distancia (m, 0–5000) para el patrimonio cercano' })),
});
export type PrcReviewRequestType = Static<typeof PrcReviewRequest>;

const Nullable = Type.Union([Type.String(), Type.Null()]);
export const PrcReviewBody = Type.Object({
  distancia_patrimonio: Type.Number(),
  patrimonio: Type.Array(
    Type.Object({
      id: Type.Integer(),
      nombre: Type.String(),
      categoria: Nullable,
      instrumento_proteccion: Nullable,
      intervenciones_revision: Nullable,
      distancia_m: Type.Number(),
      dentro: Type.Boolean(),
    }),
  ),
  zonas_prc: Type.Array(
    Type.Object({
      codigo: Type.String(),
      nombre: Nullable,
      usos_permitidos: Nullable,
      usos_prohibidos: Nullable,
      instrumento: Nullable,
      area_m2: Type.Number(),
    }),
  ),
  limite_urbano: Type.Array(Type.Object({ nombre: Type.String(), instrumento: Nullable, relacion: Type.String() })),
  humedal: Type.Array(Type.Object({ version: Type.String(), area_m2: Type.Number(), area_ha: Type.Number(), intersecta: Type.Boolean() })),
  puntos_criticos: Type.Array(
    Type.Object({ id: Type.Integer(), sector: Nullable, causa: Nullable, riesgo: Nullable, distancia_m: Type.Number() }),
  ),
});

export const WetlandBody = Type.Object({
  vigente_ha: Type.Number(),
  propuesta_ha: Type.Number(),
  ganada_ha: Type.Number(),
  nuevos_dentro: Type.Record(Type.String(), Type.Array(Type.Object({ id: Type.Integer(), nombre: Nullable }))),
});
