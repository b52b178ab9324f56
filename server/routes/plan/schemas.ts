import { Type, type Static, type TSchema } from 'typebox';
import { estadosProyecto } from '../../catalog/plan-layers.ts';
import { precisionLevelsText } from '../../catalog/precision.ts';

const Nivel = Type.Union(
  [Type.Literal('lineamiento'), Type.Literal('objetivo'), Type.Literal('plan'), Type.Literal('programa'), Type.Literal('proyecto')],
  { description: 'Nivel en la jerarquía del PLADECO' },
);

/** Error body of these routes (same shape as every SIT error). */
export const ErrorBody = Type.Object({
  code: Type.String({ description: 'Código estable del error' }),
  description: Type.String({ description: 'Descripción para personas (es-CL)' }),
  field: Type.Optional(Type.String({ description: 'Parámetro que causó el error' })),
});

/** Funding and years the item's own text names: mentioned by the plan, not recorded by SECPLA. */
const PladecoMentions = Type.Object(
  {
    fuentes: Type.Array(Type.String(), { description: 'Fuentes de financiamiento que nombra el texto' }),
    anios: Type.Array(Type.Integer(), { description: 'Años que nombra el texto' }),
  },
  { description: 'Mencionado en el texto del PLADECO; distinto de lo registrado por la SECPLA' },
);

const NodeFields = Type.Object({
  codigo: Type.String({ description: 'Código estable del nodo, p. ej. L6.O1.P1.G1.03' }),
  nivel: Nivel,
  nombre: Type.String({ description: 'Texto del documento, sin cambios' }),
  orden: Type.Integer({ description: 'Posición entre sus hermanos (1 = primero)' }),
  tipo: Type.Optional(Type.String({ description: 'Solo proyectos: proyecto, estudio o accion (lectura del equipo SIT; ver notaTipo)' })),
  definicion: Type.Optional(Type.String({ description: 'Definición del lineamiento, como la da el Tomo II' })),
  descripcion: Type.Optional(
    Type.String({ description: 'Texto que el Tomo II agrega al ítem (p. ej. el segundo párrafo de un objetivo)' }),
  ),
  nota: Type.Optional(Type.String({ description: 'Nota del Tomo II sobre el ítem (p. ej. de un programa)' })),
  mencionadoEnPladeco: Type.Optional(PladecoMentions),
  proyectos: Type.Integer({ description: 'Proyectos bajo este nodo (un proyecto se cuenta a sí mismo)' }),
  ubicados: Type.Integer({ description: 'De esos proyectos, cuántos tienen ubicación en el mapa' }),
});

/** A node of the tree without its children. */
export type PlanNodeFields = Static<typeof NodeFields>;
/** A node of the tree lineamiento → objetivo → plan → (programa →) proyecto. */
export interface PlanNode extends PlanNodeFields {
  hijos: PlanNode[];
}

/**
 * The tree is at most five levels deep (items hung directly from a plan stop
 * at the fourth), so the schema nests five times instead of being recursive:
 * readable in /api and cheap to serialise.
 */
function nodeAtDepth(depth: number): TSchema {
  const children = depth >= 5 ? Type.Array(Type.Never(), { maxItems: 0 }) : Type.Array(nodeAtDepth(depth + 1));
  return Type.Object({ ...NodeFields.properties, hijos: children });
}

export const PlanTree = Type.Object({
  titulo: Type.String(),
  periodo: Type.Object({ desde: Type.Integer(), hasta: Type.Integer() }, { description: 'Años del plan' }),
  lineamientos: Type.Array(nodeAtDepth(1)),
  ejesTransversales: Type.Array(Type.Object({ codigo: Type.String(), nombre: Type.String(), descripcion: Type.String() }), {
    description: 'Los 10 ejes transversales del PLADECO, que cruzan todos los lineamientos',
  }),
  notas: Type.Object(
    {
      tipo: Type.String({ description: 'De dónde sale el tipo de cada ítem' }),
      mencionadoEnPladeco: Type.String({ description: 'Qué es lo «mencionado en el PLADECO»' }),
    },
    { description: 'Cómo leer estos datos' },
  ),
  filtros: Type.Object(
    {
      estados: Type.Array(Type.String(), { description: 'Estados posibles de un proyecto (catálogo)' }),
      fuentesFinanciamiento: Type.Array(Type.String(), { description: 'Fuentes registradas en algún proyecto' }),
      unidadesResponsables: Type.Array(Type.String(), { description: 'Unidades registradas en algún proyecto' }),
      anios: Type.Object({
        desde: Type.Union([Type.Integer(), Type.Null()], { description: 'Primer año de inicio registrado' }),
        hasta: Type.Union([Type.Integer(), Type.Null()], { description: 'Último año de término registrado' }),
      }),
    },
    { description: 'Valores para el panel de filtros; las listas vacías dicen que el plan no trae ese dato' },
  ),
});

export { estadosProyecto };

const LineageStep = Type.Object({
  nivel: Nivel,
  codigo: Type.String(),
  nombre: Type.String(),
  definicion: Type.Optional(Type.String({ description: 'Definición del lineamiento (Tomo II)' })),
  descripcion: Type.Optional(Type.String({ description: 'Texto que el Tomo II agrega al ítem' })),
  nota: Type.Optional(Type.String({ description: 'Nota del Tomo II sobre el ítem' })),
});

const Money = Type.Union([Type.Integer(), Type.Null()], { description: 'CLP; null = sin presupuesto registrado' });

const NeighbourhoodUnit = Type.Object({
  codigo: Type.String(),
  nombre: Type.String(),
  area: Type.String({ description: 'urbana o rural' }),
  precision: Type.String({ description: `Precisión del límite como unidad vecinal: ${precisionLevelsText}` }),
});

export const ProjectCard = Type.Object({
  id: Type.Integer({ description: 'Identificador del elemento en /collections/proyectos/items/{id}' }),
  codigo: Type.String(),
  nombre: Type.String(),
  tipo: Type.Union([Type.String(), Type.Null()]),
  notaTipo: Type.String({ description: 'De dónde sale el tipo' }),
  descripcion: Type.Union([Type.String(), Type.Null()]),
  mencionadoEnPladeco: Type.Object({
    fuentes: Type.Array(Type.String()),
    anios: Type.Array(Type.Integer()),
    nota: Type.String(),
  }),
  estado: Type.Union([Type.String(), Type.Null()], { description: 'null = sin estado registrado' }),
  linaje: Type.Array(LineageStep, { description: 'Lineamiento → Objetivo → Plan → Programa → Proyecto' }),
  notaLinaje: Type.Optional(Type.String()),
  unidadResponsable: Type.Union([Type.String(), Type.Null()]),
  fuentesFinanciamiento: Type.Array(Type.String()),
  anioInicio: Type.Union([Type.Integer(), Type.Null()]),
  anioFin: Type.Union([Type.Integer(), Type.Null()]),
  avanceFisico: Type.Union([Type.Number(), Type.Null()], { description: 'Porcentaje 0–100' }),
  presupuesto: Type.Object({
    estimado: Money,
    aprobado: Money,
    ejecutado: Money,
    porAnio: Type.Array(
      Type.Object({
        anio: Type.Integer(),
        fuente: Type.String(),
        estimado: Money,
        aprobado: Money,
        ejecutado: Money,
      }),
    ),
  }),
  ubicado: Type.Boolean(),
  bbox: Type.Union([Type.Array(Type.Number(), { minItems: 4, maxItems: 4 }), Type.Null()], {
    description: 'Extensión de la geometría (oeste, sur, este, norte; CRS84)',
  }),
  ubicacionNota: Type.Union([Type.String(), Type.Null()]),
  unidadesVecinales: Type.Array(NeighbourhoodUnit, { description: 'Unidades vecinales que la geometría intersecta (PostGIS)' }),
  notaUnidadesVecinales: Type.Optional(Type.String()),
  fuente: Type.String(),
  precision: Type.String({
    description: `Precisión de la ubicación: ${precisionLevelsText} (sin ubicación: oficial, la del registro del PLADECO)`,
  }),
  enlaces: Type.Object({ elemento: Type.String({ description: 'Ruta del elemento en OGC API – Features' }) }),
});

export type ProjectCardBody = Static<typeof ProjectCard>;

export const ProjectParams = Type.Object({
  codigo: Type.String({ pattern: '^L[0-9]+(\\.[A-Z0-9]+)*$', maxLength: 40, description: 'Código del proyecto, p. ej. L6.O1.P1.G1.03' }),
});

export const UnitsWithProjects = Type.Object({
  unidades: Type.Array(
    Type.Object({
      id: Type.Integer(),
      codigo: Type.String(),
      nombre: Type.String(),
      area: Type.String(),
      proyectos: Type.Array(Type.String(), { description: 'Códigos de los proyectos cuya geometría la intersecta' }),
    }),
  ),
  nota: Type.String(),
});
