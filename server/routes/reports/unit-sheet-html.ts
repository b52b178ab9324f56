import { isPrecision, officialPrecisions, precisionInfo } from '../../catalog/precision.ts';
import { demoSummaryText } from '../../figures/demo-text.ts';
import {
  budgetCoverage,
  formatClp,
  formatNumber,
  formatPercent,
  progressCoverage,
  unknownShort,
  withCoverage,
} from '../../figures/unknown.ts';
import { escapeXml } from './bar-chart.ts';
import { unitMapSvg, type MapExtent, type MapFeature } from './unit-map-svg.ts';
import { unitMapSize, type UnitFigures, type UnitSheet } from './unit-sheet.ts';

const clp = (value: number | null, short = false) => formatClp(value, { short });
const number = (value: number | null, digits = 0) => formatNumber(value, { digits, minimumDigits: digits });
const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : escapeXml(String(value)));

/** At most this many project rows fit on the page; the rest are counted. */
const maxProjects = 12;
const maxHeritage = 8;

const style = `
@page { size: A4; margin: 11mm 12mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 8.5pt; color: #1b1b1b; margin: 0 auto; max-width: 186mm; }
h1 { font-size: 14pt; margin: 0; } h2 { font-size: 9.5pt; margin: 5pt 0 3pt; border-bottom: 0.8pt solid #1f5f8b; }
p { margin: 2pt 0; } p.meta, p.nota { color: #444; font-size: 7.3pt; }
.cifras { display: grid; grid-template-columns: repeat(5, 1fr); gap: 4pt; margin: 5pt 0; }
.demo { border: 1.2pt dashed #b5121b; background: #fff6f6; color: #7a0c12; padding: 2pt 4pt; font-size: 7.3pt; margin: 3pt 0; }
.cifra { border: 0.6pt solid #999; border-radius: 3pt; padding: 3pt 4pt; }
.cifra b { display: block; font-size: 11pt; } .cifra span { font-size: 7pt; color: #444; }
.mapa svg { width: 100%; height: auto; display: block; }
.columnas { display: grid; grid-template-columns: 1.2fr 0.9fr 1fr 1fr; gap: 7pt; }
table { border-collapse: collapse; width: 100%; font-size: 7.3pt; table-layout: fixed; }
th, td { border: 0.4pt solid #aaa; padding: 1.5pt 3pt; text-align: left; vertical-align: top; overflow: hidden; text-overflow: ellipsis; }
td.num, th.num { text-align: right; white-space: nowrap; } table.proyectos td { white-space: nowrap; }
tr, svg, .cifras { page-break-inside: avoid; }
@media print { a { color: inherit; text-decoration: none; } }
`;

function table(header: string[], rows: string[][], numeric: number[], widths?: string[]): string {
  const width = (index: number) => (widths?.[index] ? ` style="width:${widths[index]}"` : '');
  const head = header
    .map((cell, index) => `<th${numeric.includes(index) ? ' class="num"' : ''}${width(index)}>${escapeXml(cell)}</th>`)
    .join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell, index) => `<td${numeric.includes(index) ? ' class="num"' : ''}>${cell}</td>`).join('')}</tr>`)
    .join('');
  return `<table${widths ? ' class="proyectos"' : ''}><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** A precision level as a person reads it: its label, and for the levels not fit to measure, why. */
function precisionText(level: string): string {
  if (!isPrecision(level)) return level;
  const info = precisionInfo[level];
  return officialPrecisions.includes(level) ? info.etiqueta.toLowerCase() : `${info.etiqueta.toLowerCase()}: ${info.descripcion}`;
}

/** One marked line with the figures including demo data, when there are any: the sheet stays one page. */
function demoLine(sheet: UnitSheet): string {
  const demo = sheet.datosDemo;
  if (!demo) return '';
  const figures: UnitFigures = demo;
  const progress = withCoverage(
    figures.avance.avance,
    formatPercent(figures.avance.avance),
    { known: figures.avance.conAvance, total: figures.avance.incluidos },
    progressCoverage,
  );
  const dumps = figures.microbasurales.activos === null ? 'sin información' : String(figures.microbasurales.activos);
  return `<p class="demo" data-datos-demo><b>${escapeXml(demo.aviso)}:</b> ${figures.proyectos.length} proyectos; avance ${escapeXml(progress)}; inversión atribuida ${escapeXml(clp(figures.presupuesto.inversionAtribuida))}; microbasurales activos ${dumps}. En la base: ${escapeXml(demoSummaryText(demo.datos_demo))}.</p>`;
}

/**
 * The territorial sheet of a neighbourhood unit as one printable A4 page in
 * Spanish: key figures, a server-drawn SVG map (no tiles), projects, budget,
 * micro-dumps, heritage and wetland exposure. No script, no external asset.
 */
export function renderUnitSheetHtml(sheet: UnitSheet, map: { features: MapFeature[]; extent: MapExtent | null }): string {
  const { unidad, presupuesto, microbasurales, humedal } = sheet;
  const title = `Ficha territorial — Unidad vecinal ${unidad.codigo} ${unidad.nombre}`;
  const figure = (value: string, label: string) => `<div class="cifra"><b>${value}</b><span>${escapeXml(label)}</span></div>`;
  const projectRows = sheet.proyectos
    .slice(0, maxProjects)
    .map((project) => [
      text(project.codigo),
      `<span title="${text(project.nombre)}">${text(project.nombre)}</span>`,
      project.estado ? text(project.estado) : unknownShort,
      formatPercent(project.avance, { short: true }),
      clp(project.monto, true),
      clp(project.inversionUnidad, true),
    ]);
  const moreProjects = sheet.proyectos.length - maxProjects;
  const heritage = sheet.patrimonio
    .slice(0, maxHeritage)
    .map((item) => `${text(item.nombre)}${item.categoria ? ` (${text(item.categoria)})` : ''}`);
  const moreHeritage = sheet.patrimonio.length - maxHeritage;
  const mapSvg = map.extent
    ? unitMapSvg(map.features, map.extent, { ...unitMapSize, title: `Mapa de la unidad vecinal ${unidad.nombre}` })
    : '<p class="nota">Sin geometría.</p>';

  const attributed = withCoverage(
    presupuesto.inversionAtribuida,
    clp(presupuesto.inversionAtribuida),
    { known: presupuesto.conPresupuesto, total: sheet.proyectos.length },
    budgetCoverage,
  );
  const progress = withCoverage(
    sheet.avance.avance,
    formatPercent(sheet.avance.avance),
    { known: sheet.avance.conAvance, total: sheet.avance.incluidos },
    progressCoverage,
  );
  const dumps =
    microbasurales.activos === null
      ? `sin información (sin registros oficiales${microbasurales.fueraDeLasCifras ? `; ${microbasurales.fueraDeLasCifras} sitios de demostración no cuentan` : ''})`
      : `Activos: ${microbasurales.activos}; erradicados: ${microbasurales.erradicados ?? 0}.`;

  return `<!doctype html>
<html lang="es-CL"><head><meta charset="utf-8"><title>${escapeXml(title)}</title><style>${style}</style></head>
<body>
<header>
<h1>${escapeXml(title)}</h1>
<p class="meta">Ilustre Municipalidad de Vallenar — SECPLA. Área ${text(unidad.area)}; ${number(unidad.superficieKm2, 2)} km²; población ${number(unidad.poblacion)}; hogares ${number(unidad.hogares)}. Límite: ${text(unidad.fuente)} (precisión ${escapeXml(precisionText(unidad.precision))}). Emitida el ${sheet.emitido}.</p>
</header>
<div class="cifras">
${figure(String(sheet.proyectos.length), 'proyectos del PLADECO en la unidad')}
${figure(escapeXml(clp(presupuesto.inversionAtribuida)), `inversión atribuida a la unidad (${presupuesto.conPresupuesto} de ${sheet.proyectos.length} proyectos con presupuesto)`)}
${
  microbasurales.activos === null
    ? figure('sin información', 'microbasurales activos (sin registros oficiales)')
    : figure(String(microbasurales.activos), `microbasurales activos (${microbasurales.erradicados ?? 0} erradicados)`)
}
${figure(String(sheet.patrimonio.length), 'elementos de patrimonio')}
${figure(`${number(humedal.vigenteHa, 2)} ha`, `en humedal urbano vigente (${number(humedal.porcentajeVigente, 1)} % de la unidad)`)}
</div>
<p data-avance-unidad>Avance físico de sus proyectos: ${escapeXml(progress)}. Inversión atribuida: ${escapeXml(attributed)}.</p>
${demoLine(sheet)}
<div class="mapa">${mapSvg}</div>
<div class="columnas">
<section><h2>Presupuesto de sus proyectos</h2>
${table(
  ['Concepto', 'CLP'],
  [
    ['Estimado', clp(presupuesto.estimado)],
    ['Aprobado', clp(presupuesto.aprobado)],
    ['Ejecutado', clp(presupuesto.ejecutado)],
    ['Atribuido', clp(presupuesto.inversionAtribuida)],
  ],
  [1],
)}
<p class="nota">${presupuesto.sinPresupuesto} proyecto(s) sin presupuesto registrado: «sin información», no $0.</p></section>
<section><h2>Microbasurales</h2>
<p>${escapeXml(dumps)}</p>
${
  microbasurales.porEstado.length === 0
    ? '<p class="nota">Sin microbasurales registrados.</p>'
    : table(
        ['Estado', 'Sitios'],
        microbasurales.porEstado.map((row) => [text(row.estado), String(row.sitios)]),
        [1],
      )
}</section>
<section><h2>Humedal urbano</h2>
<p>Vigente: ${number(humedal.vigenteHa, 2)} ha (${number(humedal.porcentajeVigente, 1)} % de la unidad).</p>
<p>Ampliación propuesta: ${number(humedal.ampliacionPropuestaHa, 2)} ha.</p>
<p>Proyectos que tocan el humedal vigente: ${humedal.proyectosEnHumedal}.</p></section>
<section><h2>Patrimonio (${sheet.patrimonio.length})</h2>
${heritage.length === 0 ? '<p class="nota">Sin elementos de patrimonio registrados.</p>' : `<p>${heritage.join('; ')}${moreHeritage > 0 ? `; y ${moreHeritage} más` : ''}.</p>`}</section>
</div>
<section><h2>Proyectos (${sheet.proyectos.length})</h2>
${
  sheet.proyectos.length === 0
    ? '<p class="nota">Ningún proyecto del PLADECO con ubicación oficial o aproximada toca esta unidad.</p>'
    : table(
        ['Código', 'Proyecto', 'Estado', 'Avance', 'Monto', 'Parte en la UV'],
        projectRows,
        [3, 4, 5],
        ['17%', '38%', '11%', '8%', '13%', '13%'],
      )
}
${moreProjects > 0 ? `<p class="nota">y ${moreProjects} proyectos más (ver ${escapeXml(sheet.enlace)}).</p>` : ''}
<p class="nota">s/i: sin información (no registrado por SECPLA; no equivale a 0).</p>
</section>
<p class="nota">${escapeXml(sheet.reglas)} Datos en línea: ${escapeXml(sheet.enlace)}</p>
</body></html>
`;
}
