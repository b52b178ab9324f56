import { Type, type Static } from 'typebox';
import { estadosProyecto } from './schemas.ts';

/** Every status a project's history may hold: the catalogue's, 'descartado' included (migration 0007). */
export const estadosSeguimiento = estadosProyecto;

/** Funding sources a budget line may name: the same list proyectos.fuentes_financiamiento accepts (migration 0003). */
export const fuentesFinanciamiento = [
  'municipal',
  'FNDR',
  'SUBDERE PMU',
  'SUBDERE PMB',
  'MINVU/SERVIU',
  'MOP',
  'MMA',
  'público-privado',
  'otro',
] as const;

const day = (description: string) => Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: `${description} (AAAA-MM-DD)` });
const note = Type.Optional(Type.Union([Type.String({ maxLength: 2000 }), Type.Null()], { description: 'Observación libre' }));
const clp = (description: string) =>
  Type.Optional(
    Type.Union([Type.Integer({ minimum: 0, maximum: 9_000_000_000_000 }), Type.Null()], { description: `${description} (CLP)` }),
  );

export const StatusBody = Type.Object(
  {
    estado: Type.Enum([...estadosSeguimiento], { description: 'Nuevo estado del proyecto' }),
    desde: day('Fecha desde la que rige el estado; no futura'),
    nota: note,
  },
  { additionalProperties: false },
);
export type StatusBodyType = Static<typeof StatusBody>;

export const ProgressBody = Type.Object(
  {
    fecha: day('Fecha de la medición; no futura'),
    avanceFisico: Type.Number({ minimum: 0, maximum: 100, description: 'Avance físico medido, 0–100 %' }),
    nota: note,
  },
  { additionalProperties: false },
);
export type ProgressBodyType = Static<typeof ProgressBody>;

export const MilestoneBody = Type.Object(
  {
    nombre: Type.String({ minLength: 1, maxLength: 200, description: 'Nombre del hito, único en el proyecto' }),
    fechaPrevista: Type.Optional(Type.Union([day('Fecha prevista'), Type.Null()])),
    fechaReal: Type.Optional(Type.Union([day('Fecha en que se cumplió; el hito queda cumplido'), Type.Null()])),
  },
  { additionalProperties: false },
);
export type MilestoneBodyType = Static<typeof MilestoneBody>;

export const MilestonePatch = Type.Object(
  {
    nombre: Type.Optional(MilestoneBody.properties.nombre),
    fechaPrevista: MilestoneBody.properties.fechaPrevista,
    fechaReal: MilestoneBody.properties.fechaReal,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MilestonePatchType = Static<typeof MilestonePatch>;

export const MilestoneParams = Type.Object({
  codigo: Type.String({ pattern: '^L[0-9]+(\\.[A-Z0-9]+)*$', maxLength: 40 }),
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }),
});

export const BudgetBody = Type.Object(
  {
    anio: Type.Integer({ minimum: 2000, maximum: 2100, description: 'Año presupuestario' }),
    fuente: Type.Enum([...fuentesFinanciamiento], { description: 'Fuente de financiamiento' }),
    estimado: clp('Monto estimado'),
    aprobado: clp('Monto aprobado'),
    ejecutado: clp('Monto ejecutado; no mayor que el aprobado'),
  },
  { additionalProperties: false },
);
export type BudgetBodyType = Static<typeof BudgetBody>;

export const IndicatorBody = Type.Object(
  {
    programa: Type.String({ pattern: '^L[0-9]+(\\.[A-Z0-9]+)*$', maxLength: 40, description: 'Código del programa del PLADECO' }),
    nombre: Type.String({ minLength: 1, maxLength: 200 }),
    unidad: Type.String({ minLength: 1, maxLength: 60, description: 'Unidad de medida (sitios, km, personas...)' }),
    meta: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
    valor: Type.Optional(Type.Union([Type.Number({ minimum: 0 }), Type.Null()])),
    fecha: day('Fecha de la medición; no futura'),
  },
  { additionalProperties: false },
);
export type IndicatorBodyType = Static<typeof IndicatorBody>;

/** What every tracking write answers: the row written and the project's current status and progress. */
export const TrackingResult = Type.Object({
  recurso: Type.String({ description: 'Tabla escrita (proyecto_estados, proyecto_avances...)' }),
  registro: Type.Record(Type.String(), Type.Unknown(), { description: 'La fila tal como quedó guardada' }),
  proyecto: Type.Union(
    [
      Type.Object({
        codigo: Type.String(),
        estado: Type.Union([Type.String(), Type.Null()]),
        avanceFisico: Type.Union([Type.Number(), Type.Null()]),
      }),
      Type.Null(),
    ],
    { description: 'Estado y avance vigentes del proyecto después de escribir (null para indicadores)' },
  ),
});

const nullableText = Type.Union([Type.String(), Type.Null()]);

/** What has been recorded for a project: status changes, progress measurements and milestones. */
export const TrackingHistory = Type.Object({
  codigo: Type.String(),
  estados: Type.Array(
    Type.Object({ id: Type.Integer(), estado: Type.String(), desde: Type.String(), nota: nullableText, registrado_por: nullableText }),
    { description: 'Del más reciente al más antiguo' },
  ),
  avances: Type.Array(
    Type.Object({ fecha: Type.String(), avance_fisico: Type.Number(), nota: nullableText, registrado_por: nullableText }),
  ),
  hitos: Type.Array(
    Type.Object({
      id: Type.Integer(),
      codigo: Type.String(),
      nombre: Type.String(),
      fecha_prevista: nullableText,
      fecha_real: nullableText,
      cumplido: Type.Boolean(),
    }),
  ),
});
