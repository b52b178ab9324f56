import { escapeXml } from '../routes/reports/bar-chart.ts';
import type { StoredReview } from './prc-reviews.ts';

type Row = Record<string, unknown>;

const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : escapeXml(String(value)));
const metres = (value: unknown) => `${Number(value).toLocaleString('es-CL', { maximumFractionDigits: 2 })} m`;
const squareMetres = (value: unknown) => `${Number(value).toLocaleString('es-CL', { maximumFractionDigits: 2 })} m²`;
const hectares = (value: unknown) => `${Number(value).toLocaleString('es-CL', { maximumFractionDigits: 4 })} ha`;

const versionNames: Record<string, string> = { vigente: 'Humedal vigente', ampliacion_propuesta: 'Ampliación propuesta' };
const relationNames: Record<string, string> = { dentro: 'Dentro', fuera: 'Fuera', parcial: 'Parcialmente dentro' };

function table(header: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="vacio">${escapeXml(empty)}</p>`;
  const head = header.map((cell) => `<th>${escapeXml(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A review's date and time in Chile (es-CL, America/Santiago). */
export function reviewDate(iso: string): string {
  return new Date(iso).toLocaleString('es-CL', { timeZone: 'America/Santiago', dateStyle: 'long', timeStyle: 'short' });
}

/** A zone's overlap: «—» for points and lines (no area), «< 1 m²» for a zone the polygon only touches. */
function zoneOverlap(review: StoredReview, value: unknown): string {
  if (!review.geometry.type.endsWith('Polygon')) return '—';
  return Number(value) < 1 ? '&lt; 1 m² (solo toca el borde)' : squareMetres(value);
}

function geometrySummary(review: StoredReview): string {
  const type = review.geometry.type;
  if (type.endsWith('Polygon')) return `Polígono de ${squareMetres(review.area_m2)} (${hectares(review.area_m2 / 1e4)})`;
  if (type.endsWith('LineString')) return `Línea de ${metres(review.longitud_m)}`;
  return 'Punto';
}

const style = `
@page { size: A4; margin: 16mm 16mm 18mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1b1b1b; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 5pt; border-bottom: 1pt solid #1f5f8b; break-after: avoid; page-break-after: avoid; }
p.meta, p.nota, p.vacio { color: #444; font-size: 9pt; }
figure { margin: 6pt 0; } figure img { width: 100%; max-height: 120mm; object-fit: contain; border: 0.5pt solid #999; }
figcaption { font-size: 8.5pt; color: #444; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 8.5pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; } tr, figure { page-break-inside: avoid; }
@media screen { body { padding: 12px; } }
`;

/**
 * A stored Plan Regulador review as a printable HTML document in Spanish:
 * A4 print stylesheet, the map image, the author and date, and every
 * finding (heritage, PRC zones and uses, urban limit, wetland, risk points).
 * No script and no external asset.
 */
export function renderReviewHtml(review: StoredReview & { mapa_png: string | null }): string {
  const findings = review.hallazgos;
  const heritage = table(
    ['Inmueble o sitio', 'Categoría de protección', 'Instrumento', 'Distancia', 'Relación'],
    findings.patrimonio.map((row: Row) => [
      text(row.nombre),
      text(row.categoria),
      text(row.instrumento_proteccion),
      metres(row.distancia_m),
      row.dentro ? 'Dentro o en el borde' : 'Cerca',
    ]),
    `Sin patrimonio a menos de ${findings.distancia_patrimonio} m.`,
  );
  const zones = table(
    ['Zona', 'Nombre', 'Usos permitidos', 'Usos prohibidos', 'Instrumento', 'Superposición'],
    findings.zonas_prc.map((row: Row) => [
      text(row.codigo),
      text(row.nombre),
      text(row.usos_permitidos),
      text(row.usos_prohibidos),
      text(row.instrumento),
      zoneOverlap(review, row.area_m2),
    ]),
    'La geometría no toca zonas del Plan Regulador.',
  );
  const limits = table(
    ['Límite urbano', 'Instrumento', 'Relación'],
    findings.limite_urbano.map((row: Row) => [
      text(row.nombre),
      text(row.instrumento),
      text(relationNames[String(row.relacion)] ?? row.relacion),
    ]),
    'No hay límites urbanos cargados.',
  );
  const wetland = table(
    ['Versión del humedal urbano', 'Superposición (m²)', 'Superposición (ha)', 'Toca el humedal'],
    findings.humedal.map((row: Row) => [
      text(versionNames[String(row.version)] ?? row.version),
      squareMetres(row.area_m2),
      hectares(row.area_ha),
      row.intersecta ? 'Sí' : 'No',
    ]),
    'No hay humedal urbano cargado.',
  );
  const risk = table(
    ['Sector', 'Causa', 'Riesgo', 'Distancia'],
    findings.puntos_criticos.map((row: Row) => [text(row.sector), text(row.causa), text(row.riesgo), metres(row.distancia_m)]),
    'Sin puntos críticos de riesgo a menos de 200 m.',
  );
  const map = review.mapa_png
    ? `<figure><img src="${escapeXml(review.mapa_png)}" alt="Mapa de la intervención revisada"><figcaption>Mapa de la intervención al momento de la revisión.</figcaption></figure>`
    : '<p class="vacio">La revisión se guardó sin imagen del mapa.</p>';
  return `<!doctype html>
<html lang="es-CL"><head><meta charset="utf-8"><title>Revisión PRC n.º ${review.id}: ${escapeXml(review.titulo)}</title><style>${style}</style></head>
<body>
<header>
<h1>Revisión frente al Plan Regulador: ${escapeXml(review.titulo)}</h1>
<p class="meta">Ilustre Municipalidad de Vallenar — SECPLA. Informe técnico n.º ${review.id}.
Revisado por <strong data-autor>${escapeXml(review.autor)}</strong> el ${escapeXml(reviewDate(review.creado_en))}.
${review.proyecto ? `Proyecto del PLADECO: ${escapeXml(review.proyecto)}. ` : ''}Geometría revisada: ${geometrySummary(review)}.</p>
</header>
${map}
<section><h2>1. Patrimonio a menos de ${findings.distancia_patrimonio} m</h2>${heritage}</section>
<section><h2>2. Zonas del Plan Regulador y usos de suelo</h2>${zones}</section>
<section><h2>3. Límite urbano</h2>${limits}</section>
<section><h2>4. Humedal urbano</h2>${wetland}</section>
<section><h2>5. Puntos críticos de riesgo</h2>${risk}</section>
<p class="nota">Distancias y áreas calculadas por PostGIS en UTM 19S (EPSG:32719). Las capas aproximadas no reemplazan los planos oficiales del Plan Regulador.</p>
</body></html>
`;
}
