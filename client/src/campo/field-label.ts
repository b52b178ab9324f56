import { campoTexts } from './texts-es.ts';

/**
 * The form's name for a field the server named as wrong ('reporte.lat',
 * 'fotos.2', 'reporte.categoria_residuo'…); the server's own name when the
 * form has none.
 */
export function fieldLabel(field: string): string {
  const labels = campoTexts.fieldLabels;
  const photo = /^fotos\.(\d+)$/.exec(field);
  if (photo) return labels.photo(Number(photo[1]));
  const name = field.replace(/^reporte\./, '');
  return labels.byName[name] ?? field;
}
