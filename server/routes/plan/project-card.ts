import { kindNote, mentionsNote, pladecoMentions } from '../../plan/mentions.ts';
import type { ProjectCardBody } from './schemas.ts';

/** A row of `projectSql`: the catalogue columns of proyectos_plan, the feature id and the bbox. */
export interface ProjectRow {
  id: number;
  codigo: string;
  nombre: string;
  tipo: string | null;
  descripcion: string | null;
  estado: string | null;
  lineamiento_codigo: string;
  lineamiento: string;
  objetivo_codigo: string;
  objetivo: string;
  plan_codigo: string;
  plan: string;
  programa_codigo: string | null;
  programa: string | null;
  unidad_responsable: string | null;
  fuentes_financiamiento: string | null;
  anio_inicio: number | null;
  anio_fin: number | null;
  avance_fisico: number | null;
  presupuesto_estimado_clp: number | null;
  presupuesto_aprobado_clp: number | null;
  presupuesto_ejecutado_clp: number | null;
  ubicacion_nota: string | null;
  fuente: string;
  precision: string;
  bbox: [number, number, number, number] | null;
}

export interface BudgetRow {
  anio: number;
  fuente_financiamiento: string;
  estimado_clp: number | null;
  aprobado_clp: number | null;
  ejecutado_clp: number | null;
}

/** A row of `lineageTextsSql`: what the Tomo II says of a node beyond its name. */
export interface LineageTextRow {
  codigo: string;
  definicion: string | null;
  descripcion: string | null;
  nota: string | null;
}

export interface UnitRow {
  codigo: string;
  nombre: string;
  area: string;
  precision: string;
}

/** The project card answered by `/plan/proyectos/{codigo}`, from its rows. */
export function projectCard(
  project: ProjectRow,
  budget: readonly BudgetRow[],
  units: readonly UnitRow[],
  texts: readonly LineageTextRow[] = [],
): ProjectCardBody {
  const byCode = new Map(texts.map((row) => [row.codigo, row]));
  const step = (nivel: ProjectCardBody['linaje'][number]['nivel'], codigo: string, nombre: string) => {
    const text = byCode.get(codigo);
    return {
      nivel,
      codigo,
      nombre,
      ...(text?.definicion ? { definicion: text.definicion } : {}),
      // The project's own description is served at the top of the card.
      ...(text?.descripcion && nivel !== 'proyecto' ? { descripcion: text.descripcion } : {}),
      ...(text?.nota ? { nota: text.nota } : {}),
    };
  };
  const linaje: ProjectCardBody['linaje'] = [
    step('lineamiento', project.lineamiento_codigo, project.lineamiento),
    step('objetivo', project.objetivo_codigo, project.objetivo),
    step('plan', project.plan_codigo, project.plan),
  ];
  if (project.programa_codigo && project.programa) linaje.push(step('programa', project.programa_codigo, project.programa));
  linaje.push(step('proyecto', project.codigo, project.nombre));
  const mentions = pladecoMentions(project.nombre, project.descripcion, byCode.get(project.codigo)?.nota);
  const located = project.bbox !== null;
  return {
    id: project.id,
    codigo: project.codigo,
    nombre: project.nombre,
    tipo: project.tipo,
    notaTipo: kindNote,
    descripcion: project.descripcion,
    mencionadoEnPladeco: { ...mentions, nota: mentionsNote },
    estado: project.estado,
    linaje,
    ...(project.programa_codigo ? {} : { notaLinaje: 'El PLADECO asocia esta iniciativa directamente al plan, sin un programa propio.' }),
    unidadResponsable: project.unidad_responsable,
    fuentesFinanciamiento: project.fuentes_financiamiento ? project.fuentes_financiamiento.split(', ').filter(Boolean) : [],
    anioInicio: project.anio_inicio,
    anioFin: project.anio_fin,
    avanceFisico: project.avance_fisico,
    presupuesto: {
      estimado: project.presupuesto_estimado_clp,
      aprobado: project.presupuesto_aprobado_clp,
      ejecutado: project.presupuesto_ejecutado_clp,
      porAnio: budget.map((row) => ({
        anio: row.anio,
        fuente: row.fuente_financiamiento,
        estimado: row.estimado_clp,
        aprobado: row.aprobado_clp,
        ejecutado: row.ejecutado_clp,
      })),
    },
    ubicado: located,
    bbox: project.bbox,
    ubicacionNota: project.ubicacion_nota,
    unidadesVecinales: units.map((unit) => ({ ...unit })),
    ...(located
      ? {}
      : { notaUnidadesVecinales: 'El proyecto no tiene ubicación registrada: no se puede saber qué unidades vecinales toca.' }),
    fuente: project.fuente,
    precision: project.precision,
    enlaces: { elemento: `/collections/proyectos/items/${project.id}` },
  };
}
