import type { CsvColumn } from '../../analysis/csv.ts';
import type { UnitIndicators } from '../../analysis/indicators.ts';

/** How the indicators are computed, for the API description and the JSON answer. */
export const indicatorsMethod =
  'Distancias, longitudes y áreas en metros sobre UTM 19S (EPSG:32719). Un proyecto cuenta en cada unidad que su geometría se superpone, con todo su presupuesto (aprobado o, si no hay, estimado); sin presupuesto cuenta 0 y se marca. La población cerca de una ciclovía existente se prorratea por la fracción del área de cada manzana censal que cae dentro de la unidad y dentro de la distancia. La distancia al puente se mide desde el polígono de la unidad (0 si lo toca).';

const lineamientos = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');

/** Columns of the CSV export, with Spanish headers. */
export function indicatorColumns(distance: number): CsvColumn<UnitIndicators>[] {
  return [
    { header: 'Código', value: (row) => row.codigo },
    { header: 'Nombre', value: (row) => row.nombre },
    { header: 'Población', value: (row) => row.poblacion },
    { header: 'Superficie (km²)', value: (row) => row.area_km2 },
    { header: 'Proyectos', value: (row) => row.proyectos },
    { header: 'Proyectos por lineamiento', value: (row) => lineamientos(row.proyectos_por_lineamiento) },
    { header: 'Proyectos por estado', value: (row) => lineamientos(row.proyectos_por_estado) },
    { header: 'Inversión (CLP)', value: (row) => row.inversion_clp },
    { header: 'Inversión sin dato', value: (row) => (row.inversion_sin_dato ? 'sí' : 'no') },
    { header: 'Proyectos sin presupuesto', value: (row) => row.proyectos_sin_presupuesto },
    { header: 'Inversión por habitante (CLP)', value: (row) => row.inversion_por_habitante },
    { header: 'Microbasurales activos', value: (row) => row.microbasurales_activos },
    { header: 'Microbasurales activos por km²', value: (row) => row.densidad_microbasurales_km2 },
    { header: 'Elementos patrimoniales', value: (row) => row.patrimonio },
    { header: 'Ciclovía existente (km)', value: (row) => row.ciclovia_existente_km },
    { header: 'Ciclovía total (km)', value: (row) => row.ciclovia_total_km },
    { header: 'Población según manzanas', value: (row) => row.poblacion_manzanas },
    { header: `Población a menos de ${distance} m de una ciclovía`, value: (row) => row.poblacion_cerca_ciclovia },
    { header: `Proporción a menos de ${distance} m de una ciclovía`, value: (row) => row.proporcion_cerca_ciclovia },
    { header: 'Distancia al puente más cercano (m)', value: (row) => row.distancia_puente_m },
  ];
}
