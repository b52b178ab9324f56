import { Type } from 'typebox';

const money = Type.Union([Type.Number(), Type.Null()], { description: 'CLP; null = sin presupuesto registrado («sin información»)' });
const progress = Type.Union([Type.Number(), Type.Null()], { description: 'Avance físico 0–100; null = sin información' });

export const DashboardQuery = Type.Object(
  {
    hasta: Type.Optional(
      Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Fecha de corte AAAA-MM-DD (por omisión, hoy)' }),
    ),
    oficial: Type.Optional(
      Type.Boolean({
        description: 'true: solo datos oficiales, las cifras del informe al Concejo; por omisión incluye los de demostración',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Dashboard = Type.Object({
  hasta: Type.String(),
  periodo: Type.Object({ desde: Type.String(), hasta: Type.String() }, { description: 'Fechas del PLADECO 2022–2029 para el deslizador' }),
  regla: Type.String(),
  oficial: Type.Boolean(),
  incluye_demo: Type.Boolean({ description: 'Datos de demostración entraron en estas cifras' }),
  datos_demo: Type.Record(Type.String(), Type.Integer(), { description: 'Datos de demostración por tipo' }),
  lineamientos: Type.Array(
    Type.Object({
      codigo: Type.String(),
      nombre: Type.String(),
      avance: progress,
      proyectos: Type.Integer(),
      incluidos: Type.Integer(),
      conAvance: Type.Integer({ description: 'Proyectos incluidos con avance registrado: el avance se calcula sobre ellos' }),
      sinInformacion: Type.Integer({ description: 'Proyectos incluidos sin avance registrado' }),
    }),
  ),
  ejecucion: Type.Object({
    estimado: money,
    aprobado: money,
    ejecutado: money,
    porAnio: Type.Array(Type.Object({ anio: Type.Integer(), estimado: money, aprobado: money, ejecutado: money })),
  }),
  unidades: Type.Array(
    Type.Object({
      id: Type.Integer(),
      codigo: Type.String(),
      nombre: Type.String(),
      proyectos: Type.Integer(),
      conPresupuesto: Type.Integer({ description: 'Proyectos de la unidad con presupuesto registrado' }),
      inversion: Type.Union([Type.Number(), Type.Null()], {
        description: 'Monto atribuido (CLP), reparto igual entre unidades tocadas; null = ningún proyecto con presupuesto',
      }),
      avance: progress,
      conAvance: Type.Integer(),
      sinInformacion: Type.Integer(),
    }),
  ),
  historial: Type.Array(Type.Object({ codigo: Type.String(), estado: Type.String(), desde: Type.String() }), {
    description: 'Todos los cambios de estado registrados, del más antiguo al más reciente',
  }),
});

export const DemoAnswer = Type.Object({
  incluye_demo: Type.Boolean({ description: 'Hay datos de demostración en la base' }),
  datos_demo: Type.Record(Type.String(), Type.Integer(), { description: 'Por tipo, solo los presentes' }),
});
