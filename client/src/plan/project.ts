import type { Feature, Geometry } from 'geojson';

/** Properties of a feature of `/collections/proyectos/items` that the workbench reads (catalogue names). */
export interface ProjectProperties {
  codigo: string;
  nombre: string;
  tipo: string | null;
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
  /** Comma-separated, as the view joins the array: "FNDR, municipal". */
  fuentes_financiamiento: string | null;
  anio_inicio: number | null;
  anio_fin: number | null;
  presupuesto_estimado_clp: number | null;
  presupuesto_aprobado_clp: number | null;
  presupuesto_ejecutado_clp: number | null;
  precision: string;
}

/** A PLADECO project as served by OGC API – Features; unlocated projects have a null geometry. */
export type ProjectFeature = Feature<Geometry | null, ProjectProperties> & { id: number };

/** The funding sources of a project as a list. */
export function fundingSources(project: ProjectProperties): string[] {
  return (project.fuentes_financiamiento ?? '')
    .split(',')
    .map((source) => source.trim())
    .filter(Boolean);
}
