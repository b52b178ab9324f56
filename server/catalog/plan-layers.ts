import { provenance } from './provenance.ts';
import type { LayerDefinition } from './types.ts';

export const estadosProyecto = ['idea', 'perfil', 'diseño', 'licitación', 'ejecución', 'terminado', 'suspendido', 'descartado'] as const;

/** The PLADECO's projects, each with its whole lineage, served from the view `proyectos_plan`. */
export const planLayers: LayerDefinition[] = [
  {
    id: 'proyectos',
    table: 'proyectos_plan',
    title: 'Proyectos del PLADECO 2022–2029',
    description:
      'Proyectos, estudios y acciones del Plan de Desarrollo Comunal 2022–2029 con su linaje (lineamiento, objetivo, plan, programa), estado, presupuesto y ubicación cuando la tienen.',
    group: 'plan',
    geometryType: 'Geometry',
    geometryColumn: 'geom',
    idColumn: 'id',
    readOnly: true,
    properties: [
      { name: 'codigo', type: 'string', title: 'Código', filterable: true, required: true },
      { name: 'nombre', type: 'string', title: 'Nombre', required: true },
      { name: 'tipo', type: 'string', title: 'Tipo', enum: ['proyecto', 'estudio', 'accion'], filterable: true },
      { name: 'descripcion', type: 'string', title: 'Descripción' },
      { name: 'estado', type: 'string', title: 'Estado', enum: estadosProyecto, filterable: true },
      { name: 'lineamiento_codigo', type: 'string', title: 'Código del lineamiento', filterable: true },
      { name: 'lineamiento', type: 'string', title: 'Lineamiento estratégico' },
      { name: 'objetivo_codigo', type: 'string', title: 'Código del objetivo', filterable: true },
      { name: 'objetivo', type: 'string', title: 'Objetivo estratégico' },
      { name: 'plan_codigo', type: 'string', title: 'Código del plan', filterable: true },
      { name: 'plan', type: 'string', title: 'Plan' },
      { name: 'programa_codigo', type: 'string', title: 'Código del programa', filterable: true },
      { name: 'programa', type: 'string', title: 'Programa' },
      { name: 'unidad_responsable', type: 'string', title: 'Unidad responsable', filterable: true },
      { name: 'fuentes_financiamiento', type: 'string', title: 'Fuentes de financiamiento' },
      { name: 'anio_inicio', type: 'integer', title: 'Año de inicio', filterable: true },
      { name: 'anio_fin', type: 'integer', title: 'Año de término', filterable: true },
      { name: 'ods', type: 'string', title: 'Objetivos de Desarrollo Sostenible' },
      { name: 'ejes_transversales', type: 'string', title: 'Ejes transversales' },
      { name: 'evaluado_igualdad_genero', type: 'boolean', title: 'Evaluado en igualdad de oportunidades entre mujeres y hombres' },
      { name: 'avance_fisico', type: 'number', title: 'Avance físico (%)' },
      { name: 'presupuesto_estimado_clp', type: 'integer', title: 'Presupuesto estimado (CLP)' },
      { name: 'presupuesto_aprobado_clp', type: 'integer', title: 'Presupuesto aprobado (CLP)' },
      { name: 'presupuesto_ejecutado_clp', type: 'integer', title: 'Presupuesto ejecutado (CLP)' },
      { name: 'ubicacion_nota', type: 'string', title: 'Nota sobre la ubicación' },
      ...provenance,
    ],
    minZoom: 8,
  },
];
