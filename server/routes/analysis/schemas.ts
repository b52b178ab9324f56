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
});
export type IndicatorsQueryType = Static<typeof IndicatorsQuery>;

const Counts = Type.Record(Type.String(), Type.Number());

export const UnitIndicators = Type.Object({
  codigo: Type.String(),
  nombre: Type.Union([Type.String(), Type.Null()]),
  poblacion: Type.Union([Type.Integer(), Type.Null()], { description: 'Población de la unidad (su propio atributo)' }),
  area_km2: Type.Number(),
  proyectos: Type.Integer({ description: 'Proyectos cuya geometría se superpone con la unidad' }),
  proyectos_por_lineamiento: Counts,
  proyectos_por_estado: Counts,
  inversion_clp: Type.Number({ description: 'Presupuesto aprobado, o estimado si no hay aprobado, de esos proyectos (CLP)' }),
  inversion_por_lineamiento: Counts,
  inversion_sin_dato: Type.Boolean({ description: 'Ningún proyecto de la unidad tiene presupuesto: la inversión 0 es desconocida' }),
  proyectos_sin_presupuesto: Type.Integer(),
  inversion_por_habitante: Type.Union([Type.Number(), Type.Null()]),
  microbasurales_activos: Type.Integer(),
  densidad_microbasurales_km2: Type.Number(),
  patrimonio: Type.Integer(),
  ciclovia_existente_km: Type.Number(),
  ciclovia_total_km: Type.Number(),
  poblacion_manzanas: Type.Number({ description: 'Personas que las manzanas censales ponen en la unidad (prorrateo por área)' }),
  poblacion_cerca_ciclovia: Type.Number(),
  proporcion_cerca_ciclovia: Type.Union([Type.Number(), Type.Null()]),
  distancia_puente_m: Type.Union([Type.Number(), Type.Null()]),
});

export const IndicatorsBody = Type.Object({
  unidad: UnitKind,
  distancia_ciclovia: Type.Number(),
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
});
export type EquityQueryType = Static<typeof EquityQuery>;

const NamedUnit = Type.Object({ codigo: Type.String(), nombre: Type.Union([Type.String(), Type.Null()]) });

export const EquityBody = Type.Object({
  unidad: UnitKind,
  lineamiento: Type.Union([Type.String(), Type.Null()]),
  medida: Type.String(),
  lorenz: Type.Union([Type.Array(Type.Object({ x: Type.Number(), y: Type.Number() })), Type.Null()]),
  gini: Type.Union([Type.Number(), Type.Null()]),
  nota: Type.Optional(Type.String()),
  unidadesSinProyectos: Type.Array(NamedUnit),
  unidadesSinPoblacion: Type.Array(Type.String()),
  proyectosSinPresupuesto: Type.Integer(),
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
