import type { CsvColumn } from '../../analysis/csv.ts';
import type { UnitIndicators } from '../../analysis/indicators.ts';
import { minimumAreaKm2, minimumPopulation } from '../../figures/minimums.ts';
import { csvFigure } from '../../figures/unknown.ts';

/** How the indicators are computed, for the API description and the JSON answer. */
export const indicatorsMethod = `Distancias, longitudes y áreas en metros sobre UTM 19S (EPSG:32719). Un proyecto cuenta en cada unidad que su geometría se superpone, con todo su presupuesto (aprobado o, si no hay, estimado); sin presupuesto no cuenta como $0: la inversión suma los que tienen y, si ninguno tiene, es null («sin información»). La población cerca de una ciclovía existente se prorratea por la fracción del área de cada manzana censal que cae dentro de la unidad y dentro de la distancia; si todas las ciclovías son propuestas, es null («todas propuestas: sin ciclovías existentes»), no 0 %. La distancia al puente se mide desde el polígono de la unidad (0 si lo toca). No se calculan densidades por km² en unidades de menos de ${String(minimumAreaKm2).replace('.', ',')} km² ni cifras por habitante con menos de ${minimumPopulation} habitantes (sin_calcular dice por qué; docs/cifras.md). Con oficial=true solo cuentan objetos de precisión oficial o aproximada y presupuestos no marcados demo.`;

const lineamientos = (counts: Record<string, number | null>) =>
  Object.entries(counts)
    .map(([key, value]) => `${key}: ${csvFigure(value)}`)
    .join('; ');

const withheld = (reasons: Record<string, string>) =>
  Object.entries(reasons)
    .map(([indicator, reason]) => `${indicator}: ${reason}`)
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
    { header: 'Inversión (CLP)', value: (row) => csvFigure(row.inversion_clp) },
    { header: 'Inversión sin dato', value: (row) => (row.inversion_sin_dato ? 'sí' : 'no') },
    { header: 'Proyectos sin presupuesto', value: (row) => row.proyectos_sin_presupuesto },
    { header: 'Inversión por habitante (CLP)', value: (row) => csvFigure(row.inversion_por_habitante) },
    { header: 'Microbasurales activos', value: (row) => csvFigure(row.microbasurales_activos) },
    { header: 'Microbasurales activos por km²', value: (row) => csvFigure(row.densidad_microbasurales_km2) },
    { header: 'Elementos patrimoniales', value: (row) => row.patrimonio },
    { header: 'Ciclovía existente (km)', value: (row) => row.ciclovia_existente_km },
    { header: 'Ciclovía total (km)', value: (row) => row.ciclovia_total_km },
    { header: 'Población según manzanas', value: (row) => row.poblacion_manzanas },
    { header: `Población a menos de ${distance} m de una ciclovía`, value: (row) => row.poblacion_cerca_ciclovia },
    { header: `Proporción a menos de ${distance} m de una ciclovía`, value: (row) => csvFigure(row.proporcion_cerca_ciclovia) },
    { header: 'Distancia al puente más cercano (m)', value: (row) => csvFigure(row.distancia_puente_m) },
    { header: 'No calculado (motivo)', value: (row) => withheld(row.sin_calcular) },
  ];
}
