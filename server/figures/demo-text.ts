/**
 * How demo data is named to a person (es-CL), for the server's documents and
 * the workbench's panels alike: pure, no Node and no DOM, so the client
 * imports this file as it is.
 */

/** The banner of any figure that includes demo data. */
export const demoNotice = 'Incluye datos de demostración (inventados para mostrar el SIT funcionando; no son información de Vallenar)';

/** A person's reading of the counts: «36 proyectos con seguimiento de demostración, 60 microbasurales». */
export function demoSummaryText(datos: Record<string, number>): string {
  const names: Record<string, [string, string]> = {
    proyectos_con_seguimiento_demo: ['proyecto con seguimiento de demostración', 'proyectos con seguimiento de demostración'],
    cambios_estado: ['cambio de estado', 'cambios de estado'],
    avances: ['medición de avance', 'mediciones de avance'],
    hitos: ['hito', 'hitos'],
    lineas_presupuesto: ['línea de presupuesto', 'líneas de presupuesto'],
    indicadores: ['valor de indicador', 'valores de indicador'],
    microbasurales: ['microbasural', 'microbasurales'],
    ubicaciones_proyecto: ['ubicación de proyecto', 'ubicaciones de proyecto'],
    ciclovias: ['ciclovía', 'ciclovías'],
    patrimonio: ['elemento de patrimonio', 'elementos de patrimonio'],
    puentes: ['puente', 'puentes'],
  };
  return Object.entries(datos)
    .map(([kind, count]) => {
      const [one, many] = names[kind] ?? [kind, kind];
      return `${count.toLocaleString('es-CL')} ${count === 1 ? one : many}`;
    })
    .join(', ');
}
