import { demoSummaryText } from '../../figures/demo-text.ts';
import {
  budgetCoverage,
  formatClp,
  formatNumber,
  formatPercent,
  progressCoverage,
  unknownText,
  withCoverage,
} from '../../figures/unknown.ts';
import { barChartSvg, escapeXml } from './bar-chart.ts';
import type { ReportFigures, SemiannualReport } from './semiannual.ts';

const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : escapeXml(String(value)));
const money = (value: number | null) => formatClp(value);

function table(header: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="vacio">${escapeXml(empty)}</p>`;
  const head = header.map((cell) => `<th>${escapeXml(cell)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

const style = `
@page { size: A4; margin: 18mm 16mm 20mm; }
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #1b1b1b; margin: 0 auto; max-width: 190mm; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12.5pt; margin: 16pt 0 6pt; border-bottom: 1pt solid #1f5f8b; }
h3 { font-size: 10.5pt; margin: 10pt 0 4pt; }
p.meta, p.nota, p.vacio { color: #444; font-size: 9pt; }
p.aviso { border: 1.2pt solid #b5121b; color: #7a0c12; padding: 4pt 6pt; font-weight: bold; }
section.demo { border: 2pt dashed #b5121b; padding: 2pt 8pt 8pt; margin-top: 16pt; background: #fff6f6; }
section.demo h2 { color: #7a0c12; border-bottom-color: #b5121b; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 8.5pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
thead { display: table-header-group; } tr, svg { page-break-inside: avoid; }
section { page-break-inside: auto; }
section.marco dl { font-size: 8.5pt; margin: 0; } section.marco dt { font-weight: bold; margin-top: 4pt; } section.marco dd { margin: 0 0 0 10pt; color: #333; }
@media print { a { color: inherit; text-decoration: none; } }
`;

const weighting = (value: string | null) =>
  value === 'igual' ? 'pesos iguales (sin presupuesto)' : value === 'presupuesto' ? 'por presupuesto' : '—';

/** Section 1: progress per lineamiento, table and chart, each figure with the projects it stands on. */
function progressSection(figures: ReportFigures): string {
  const summary = table(
    ['Código', 'Lineamiento', 'Avance físico', 'Ponderación', 'Proyectos', 'Incluidos', 'Con avance registrado'],
    figures.lineamientos.map((line) => [
      text(line.codigo),
      text(line.nombre),
      escapeXml(withCoverage(line.avance, formatPercent(line.avance), { known: line.conAvance, total: line.incluidos }, progressCoverage)),
      weighting(line.ponderacion),
      String(line.proyectos),
      String(line.incluidos),
      String(line.conAvance),
    ]),
    'El plan no tiene lineamientos cargados.',
  );
  const chart = barChartSvg(
    figures.lineamientos.map((line) => ({
      label: `${line.codigo} ${line.nombre}`,
      value: line.avance,
      ...(line.avance !== null && line.conAvance < line.incluidos ? { partial: `${line.conAvance} de ${line.incluidos}` } : {}),
    })),
    { max: 100, title: 'Avance físico por lineamiento', format: (value) => formatPercent(value) },
  );
  return `${summary}\n${chart}\n<p class="nota">Entre paréntesis, proyectos con avance registrado de los incluidos; las barras claras se calculan sobre parte de los proyectos. «${unknownText}»: ningún proyecto del lineamiento tiene avance registrado (no equivale a 0 %).</p>`;
}

function changesTable(rows: ReportFigures['cambiosEstado']): string {
  return table(
    ['Fecha', 'Código', 'Proyecto', 'Estado', 'Nota', 'Registrado por'],
    rows.map((row) => [text(row.desde), text(row.codigo), text(row.nombre), text(row.estado), text(row.nota), text(row.registrado_por)]),
    'No se registraron cambios de estado en el semestre.',
  );
}

function milestonesTable(rows: ReportFigures['hitos']): string {
  return table(
    ['Código', 'Proyecto', 'Hito', 'Fecha prevista', 'Fecha real', 'Cumplido'],
    rows.map((row) => [
      text(row.codigo),
      text(row.proyecto),
      text(row.nombre),
      text(row.fecha_prevista),
      text(row.fecha_real),
      row.cumplido ? 'sí' : 'no',
    ]),
    'No hay hitos previstos ni cumplidos en el semestre.',
  );
}

function budgetSection(figures: ReportFigures): string {
  const budget = figures.ejecucionPresupuestaria;
  const years = [...new Set(budget.porAnioYFuente.map((row) => row.anio))];
  const executedIn = (year: number) => {
    const values = budget.porAnioYFuente.filter((row) => row.anio === year).map((row) => row.ejecutado);
    return values.some((value) => value !== null) ? values.reduce<number>((sum, value) => sum + (value ?? 0), 0) : null;
  };
  const chart =
    years.length === 0
      ? ''
      : barChartSvg(
          years.map((year) => ({ label: `Ejecutado ${year}`, value: executedIn(year) })),
          { title: 'Presupuesto ejecutado por año (CLP)', format: (value) => money(value) },
        );
  return `${table(
    ['Año', 'Fuente', 'Estimado', 'Aprobado', 'Ejecutado'],
    [
      ...budget.porAnioYFuente.map((row) => [
        String(row.anio),
        text(row.fuente),
        money(row.estimado),
        money(row.aprobado),
        money(row.ejecutado),
      ]),
      ...(budget.porAnioYFuente.length
        ? [['<strong>Total</strong>', '', money(budget.totales.estimado), money(budget.totales.aprobado), money(budget.totales.ejecutado)]]
        : []),
    ],
    `No hay presupuestos registrados: ${unknownText}.`,
  )}\n${chart}`;
}

function indicatorsTable(rows: ReportFigures['indicadores']): string {
  return table(
    ['Programa', 'Indicador', 'Valor', 'Meta', 'Unidad', 'Fuente', 'Fecha', 'Nota'],
    rows.map((indicator) => [
      text(indicator.nombrePrograma ?? indicator.programa),
      text(indicator.nombre),
      formatNumber(indicator.valor, { digits: 2 }),
      indicator.meta === null ? '—' : formatNumber(indicator.meta, { digits: 2 }),
      text(indicator.unidad),
      text(indicator.fuente),
      text(indicator.fecha),
      text(indicator.nota),
    ]),
    'No hay indicadores registrados.',
  );
}

/** A note when the units' boundaries are not all official: the distribution is as exact as they are. */
function boundaries(report: SemiannualReport): string {
  const marked = report.limitesUnidades.filter((row) => row.precision !== 'oficial');
  if (marked.length === 0) return '';
  const total = report.limitesUnidades.reduce((sum, row) => sum + row.unidades, 0);
  const list = marked.map((row) => `${row.unidades} de ${total} de precisión «${escapeXml(row.precision)}»`).join(', ');
  return ` Límites de las unidades vecinales: ${list}; la distribución es referencial hasta contar con los límites oficiales.`;
}

/** The marked box: the same figures including demo data, apart from the official ones. */
/** Annex: the plan's framework in its own words, so the figures above are read against what the plan set out to do. */
function frameworkAnnex(report: SemiannualReport): string {
  const { lineamientos, ejesTransversales } = report.marco;
  const definitions = lineamientos
    .map((line) => `<dt>${escapeXml(line.codigo)} · ${escapeXml(line.nombre)}</dt><dd>${escapeXml(line.definicion || unknownText)}</dd>`)
    .join('');
  const axes = ejesTransversales.map((eje) => `<dt>${escapeXml(eje.nombre)}</dt><dd>${escapeXml(eje.descripcion)}</dd>`).join('');
  return `<section class="marco" data-marco-pladeco><h2>Anexo. El marco del PLADECO 2022–2029</h2>
<h3>Definición de cada lineamiento (Tomo II)</h3><dl>${definitions}</dl>
<h3>Ejes transversales (${ejesTransversales.length}): cruzan todos los lineamientos</h3><dl>${axes}</dl></section>`;
}

function demoBox(report: SemiannualReport): string {
  const demo = report.datosDemo;
  if (!demo) return '';
  const demoChanges = demo.cambiosEstado.filter((row) => row.demo);
  const demoMilestones = demo.hitos.filter((row) => row.demo);
  const tracking = trackingKinds.some((kind) => (demo.datos_demo[kind] ?? 0) > 0);
  return `<section class="demo" data-datos-demo>
<h2>Recuadro de demostración — no son datos de Vallenar</h2>
<p class="aviso">${escapeXml(demo.aviso)}</p>
<p class="nota">Datos de demostración en la base: ${escapeXml(demoSummaryText(demo.datos_demo))}. Se eliminan con «npm run demo:remove».</p>
${tracking ? trackingBox(demo, demoChanges, demoMilestones) : ''}
<h3>Indicadores, incluyendo los datos de demostración</h3>
${indicatorsTable(demo.indicadores)}
</section>`;
}

/** Demo kinds of plan tracking: with none, the box's progress and budget would repeat the official ones. */
const trackingKinds = ['proyectos_con_seguimiento_demo', 'lineas_presupuesto', 'avances', 'cambios_estado', 'hitos'];

function trackingBox(demo: ReportFigures, changes: ReportFigures['cambiosEstado'], milestones: ReportFigures['hitos']): string {
  return `<h3>Avance por lineamiento, incluyendo los datos de demostración</h3>
${progressSection(demo)}
<h3>Cambios de estado de demostración en el semestre</h3>
${changesTable(changes)}
<h3>Hitos de demostración en el semestre</h3>
${milestonesTable(milestones)}
<h3>Ejecución presupuestaria, incluyendo los datos de demostración</h3>
${budgetSection(demo)}`;
}

/**
 * The semiannual report as a printable HTML document in Spanish: A4 print
 * stylesheet, tables and inline SVG charts; no script and no external asset.
 * Sections 1 to 7 hold official figures only; demo data, when the database
 * has any, goes in a marked box at the end and a notice says so at the top.
 */
export function renderReportHtml(report: SemiannualReport): string {
  const gender = report.igualdadGenero;
  const units = report.territorio.unidades.filter((unit) => unit.proyectos > 0);
  const unplaced = report.territorio.sinUnidad;
  const illustrative = report.fueraDeLasCifras.ubicaciones;
  const genderRow = (label: string, group: typeof gender.evaluados) => [
    label,
    String(group.proyectos),
    group.proyectos === 0
      ? money(0)
      : withCoverage(group.monto, money(group.monto), { known: group.conPresupuesto, total: group.proyectos }, budgetCoverage),
  ];
  return `<!doctype html>
<html lang="es-CL"><head><meta charset="utf-8"><title>${escapeXml(report.titulo)}</title><style>${style}</style></head>
<body>
<header>
<h1>${escapeXml(report.titulo)}</h1>
<p class="meta">Ilustre Municipalidad de Vallenar — Secretaría Comunal de Planificación (SECPLA). Período: ${report.periodo.desde} a ${report.periodo.hasta}. Emitido el ${report.emitido}.
Informe al Concejo Municipal según el artículo 21 b) de la Ley 18.695 (a lo menos semestralmente).</p>
${
  report.datosDemo
    ? `<p class="aviso" data-aviso-demo>Este documento contiene datos de demostración: están solo en el recuadro final, marcado. Las secciones 1 a 7 contienen únicamente cifras oficiales.</p>`
    : ''
}
</header>
<section><h2>1. Avance por lineamiento estratégico</h2>
${progressSection(report)}
<p class="nota">Regla de cálculo: ${escapeXml(report.reglaAvance)}</p></section>
<section><h2>2. Cambios de estado en el semestre</h2>
${changesTable(report.cambiosEstado)}</section>
<section><h2>3. Hitos del semestre</h2>
${milestonesTable(report.hitos)}</section>
<section><h2>4. Ejecución presupuestaria por año y fuente</h2>
${budgetSection(report)}</section>
<section><h2>5. Igualdad de oportunidades entre mujeres y hombres</h2>
${table(
  ['Evaluación con enfoque de género', 'Proyectos', 'Monto'],
  [
    genderRow('Evaluados', gender.evaluados),
    genderRow('No evaluados', gender.noEvaluados),
    genderRow(unknownText, gender.sinInformacion),
  ].map((row) => row.map(escapeXml)),
  '',
)}
<p class="nota">${escapeXml(gender.nota)}</p></section>
<section><h2>6. Distribución territorial de la inversión</h2>
${table(
  ['Unidad vecinal', 'Nombre', 'Área', 'Proyectos', 'Inversión'],
  units.map((unit) => [
    text(unit.codigo),
    text(unit.nombre),
    text(unit.area),
    String(unit.proyectos),
    escapeXml(withCoverage(unit.inversion, money(unit.inversion), { known: unit.conPresupuesto, total: unit.proyectos }, budgetCoverage)),
  ]),
  'Ningún proyecto con ubicación oficial o aproximada toca una unidad vecinal.',
)}
<p class="nota">${escapeXml(report.territorio.regla)} Proyectos con presupuesto que ninguna unidad recibe: ${unplaced.proyectos} (${money(unplaced.proyectos === 0 ? 0 : unplaced.inversion)}); de ellos ${unplaced.sinUbicacion} sin ubicación y ${unplaced.ubicacionNoOficial} con ubicación ilustrativa o de demostración.${
    illustrative.length
      ? ` No entran en esta sección ${illustrative.map((row) => `${row.proyectos} proyecto(s) con ubicación de precisión «${escapeXml(row.precision)}»`).join(' y ')}.`
      : ''
  }${boundaries(report)}</p></section>
<section><h2>7. Indicadores de programas</h2>
${indicatorsTable(report.indicadores)}</section>
${frameworkAnnex(report)}
${demoBox(report)}
<footer><p class="meta">Este informe en línea: <a href="${escapeXml(report.enlaces.informe)}">${escapeXml(report.enlaces.informe)}</a><br>
Anexo de datos (CSV, cifras oficiales por lineamiento y por proyecto): <a href="${escapeXml(report.enlaces.anexoCsv)}">${escapeXml(report.enlaces.anexoCsv)}</a></p></footer>
</body></html>
`;
}
