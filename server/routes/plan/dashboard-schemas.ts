import { Type } from 'typebox';

const money = Type.Union([Type.Number(), Type.Null()], { description: 'CLP; null = sin presupuesto registrado' });
const progress = Type.Union([Type.Number(), Type.Null()], { description: 'Avance físico 0–100; null = sin información' });

export const DashboardQuery = Type.Object(
  {
    hasta: Type.Optional(
      Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'Fecha de corte AAAA-MM-DD (por omisión, hoy)' }),
    ),
  },
  { additionalProperties: false },
);

export const Dashboard = Type.Object({
  hasta: Type.String(),
  periodo: Type.Object({ desde: Type.String(), hasta: Type.String() }, { description: 'Fechas del PLADECO 2022–2029 para el deslizador' }),
  regla: Type.String(),
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
    estimado: Type.Number(),
    aprobado: Type.Number(),
    ejecutado: Type.Number(),
    porAnio: Type.Array(Type.Object({ anio: Type.Integer(), estimado: money, aprobado: money, ejecutado: money })),
  }),
  unidades: Type.Array(
    Type.Object({
      id: Type.Integer(),
      codigo: Type.String(),
      nombre: Type.String(),
      proyectos: Type.Integer(),
      inversion: Type.Number({ description: 'Monto atribuido (CLP), reparto igual entre unidades tocadas' }),
      avance: progress,
      conAvance: Type.Integer(),
      sinInformacion: Type.Integer(),
    }),
  ),
  historial: Type.Array(Type.Object({ codigo: Type.String(), estado: Type.String(), desde: Type.String() }), {
    description: 'Todos los cambios de estado registrados, del más antiguo al más reciente',
  }),
});
