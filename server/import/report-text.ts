import { describeSrid } from './crs.ts';
import type { ImportReport, RejectedFeature, RejectionCode } from './types.ts';

/** One-line headings for each kind of rejection, for summaries (es-CL). */
const headings: Record<RejectionCode, string> = {
  no_geometry: 'sin geometría',
  malformed_geometry: 'geometría mal formada',
  non_finite: 'coordenadas no finitas',
  out_of_range: 'coordenadas fuera de rango',
  utm_as_degrees: 'metros UTM declarados como grados',
  swapped_coordinates: 'latitud y longitud invertidas',
  wrong_geometry_type: 'tipo de geometría que la capa no admite',
  invalid_geometry: 'geometría inválida (--strict)',
  unrepairable_geometry: 'geometría inválida irreparable',
  missing_value: 'falta un valor obligatorio',
  invalid_value: 'valor no válido',
  database_constraint: 'rechazado por la base de datos',
};

const shownLimit = 20;

function featureName(entry: { feature: number; label?: string }): string {
  return entry.label ? `elemento ${entry.feature} («${entry.label}»)` : `elemento ${entry.feature}`;
}

export function rejectedLine(entry: RejectedFeature): string {
  return `${featureName(entry)}: ${entry.reason}`;
}

/** The message of a refused import: how many features failed, grouped by reason, the first ones listed. */
export function rejectionSummary(report: ImportReport): string {
  const rejected = report.skipped;
  const counts = new Map<RejectionCode, number>();
  for (const entry of rejected) counts.set(entry.code, (counts.get(entry.code) ?? 0) + 1);
  const groups = [...counts].map(([code, count]) => `${count} ${headings[code]}`).join(', ');
  const lines = [
    `Importación rechazada: ${rejected.length} de ${report.read} elementos no se pueden cargar (${groups}). No se modificó la capa «${report.layerId}».`,
    ...rejected.slice(0, shownLimit).map((entry) => `  - ${rejectedLine(entry)}`),
  ];
  if (rejected.length > shownLimit) lines.push(`  … y ${rejected.length - shownLimit} más.`);
  lines.push('Corrija el archivo, o use --skip-invalid para cargar solo los elementos válidos y dejar estos fuera.');
  return lines.join('\n');
}

const encodingOrigins: Record<string, string> = {
  flag: 'indicada con --encoding',
  cpg: 'según el .cpg',
  declared: 'declarada en el archivo',
  'dbf-header': 'según la cabecera del .dbf',
  detected: 'detectada',
  'utf-8': 'UTF-8',
};

/** The end-of-import summary a person reads in the terminal (es-CL), one fact per line. */
export function formatReport(report: ImportReport): string {
  const outcome = report.dryRun
    ? 'Simulación (--dry-run): no se escribió nada.'
    : report.committed
      ? `Importación confirmada (modo ${report.mode === 'replace' ? 'reemplazo' : 'agregar'}).`
      : 'Importación no confirmada.';
  const lines = [
    outcome,
    `  Archivo: ${report.file} (${report.format})`,
    `  Capa: ${report.layerId}`,
    `  Sistema de origen: ${report.crs.description}${report.sourceSrid !== 4326 ? `; transformado a ${describeSrid(4326)} en PostGIS` : ''}`,
  ];
  if (report.encoding)
    lines.push(`  Codificación de texto: ${report.encoding.name} (${encodingOrigins[report.encoding.origin] ?? report.encoding.origin})`);
  lines.push(
    `  Leídos: ${report.read} · ${report.dryRun ? 'Se insertarían' : 'Insertados'}: ${report.inserted}` +
      `${report.mode === 'replace' ? ` · ${report.dryRun ? 'Se borrarían' : 'Borrados'} (reemplazo): ${report.deleted}` : ''}` +
      ` · Reparados: ${report.repaired.length} · Omitidos: ${report.skipped.length} · Fuera de la comuna: ${report.outsideComuna.length}`,
  );
  for (const entry of report.repaired) lines.push(`  Reparado con ST_MakeValid: ${featureName(entry)}: ${entry.reason}`);
  for (const entry of report.skipped) lines.push(`  Omitido: ${rejectedLine(entry)}`);
  const reference =
    report.comunaReference === 'comuna' ? 'el límite de la capa «comuna»' : 'el rectángulo de la comuna (la capa «comuna» está vacía)';
  for (const entry of report.outsideComuna) {
    lines.push(`  Fuera de la comuna (${entry.entirely ? 'totalmente' : 'en parte'}, según ${reference}): ${featureName(entry)}`);
  }
  const automatic = report.mappedAttributes.filter((entry) => !entry.explicit);
  const explicit = report.mappedAttributes.filter((entry) => entry.explicit);
  if (automatic.length > 0) {
    lines.push(
      `  Atributos asociados: ${automatic.map((entry) => (entry.source === entry.field ? entry.field : `${entry.source} → ${entry.field}`)).join(', ')}`,
    );
  }
  if (explicit.length > 0)
    lines.push(`  Columnas asociadas con --mapear: ${explicit.map((entry) => `${entry.source} → ${entry.field}`).join(', ')}`);
  if (report.assignedFields.length > 0) {
    const shown = report.assignedFields.map((entry) => `${entry.field} = «${String(entry.value)}»`).join(', ');
    lines.push(`  Campos asignados con --asignar (el mismo valor en todos los elementos): ${shown}`);
  }
  if (report.unmappedAttributes.length > 0)
    lines.push(`  Atributos del archivo sin campo en la capa (no se importan): ${report.unmappedAttributes.join(', ')}`);
  const absent = report.missingFields.filter((entry) => !entry.filledFrom);
  if (absent.length > 0)
    lines.push(`  Campos de la capa que el archivo no trae (quedan vacíos): ${absent.map((entry) => entry.field).join(', ')}`);
  for (const entry of report.defaultsApplied)
    lines.push(`  ${entry.field} = «${entry.value}» tomado de --${entry.field} en ${entry.count} elemento(s)`);
  for (const note of report.notes) lines.push(`  Nota: ${note}`);
  if (report.layerVersion !== undefined) lines.push(`  Versión de la capa: ${report.layerVersion}`);
  return lines.join('\n');
}
