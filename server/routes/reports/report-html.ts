import { barChartSvg, escapeXml } from './bar-chart.ts';
import type { SemiannualReport } from './semiannual.ts';

const clp = (value: number | null | undefined) =>
  value === null || value === undefined ? 'sin información' : `$${Math.round(value).toLocaleString('es-CL')}`;
const percent = (value: number | null) => (value === null ? 'sin información' : `${value.toLocaleString('es-CL')} %`);
const text = (value: unknown) => (value === null || value === undefined || value === '' ? '—' : escapeXml(String(value)));

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
p.meta, p.nota, p.vacio { color: #444; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; font-size: 8.5pt; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
thead { display: table-header-group; } tr, svg { page-break-inside: avoid; }
section { page-break-inside: auto; }
@media print { a { color: inherit; text-decoration: none; } }
`;

/**
 * The semiannual report as a printable HTML document in Spanish: A4 print
 * stylesheet, tables and inline SVG charts; no script and no external asset.
 */
export function renderReportHtml(report: SemiannualReport): string {
  const summary = table(
    ['Código', 'Lineamiento', 'Avance físico', 'Ponderación', 'Proyectos', 'Incluidos', 'Sin información'],
    report.lineamientos.map((line) => [
      text(line.codigo),
      text(line.nombre),
      percent(line.avance),
      line.ponderacion === 'igual' ? 'pesos iguales (sin presupuesto)' : line.ponderacion === 'presupuesto' ? 'por presupuesto' : '—',
      String(line.proyectos),
      String(line.incluidos),
      String(line.sinInformacion),
    ]),
    'El plan no tiene lineamientos cargados.',
  );
  const progressChart = barChartSvg(
    report.lineamientos.map((line) => ({ label: `${line.codigo} ${line.nombre}`, value: line.avance })),
    { max: 100, title: 'Avance físico por lineamiento', format: (value) => `${value.toLocaleString('es-CL')} %` },
  );
  const budget = report.ejecucionPresupuestaria;
  const years = [...new Set(budget.porAnioYFuente.map((row) => row.anio))];
  const budgetChart =
    years.length === 0
      ? ''
      : barChartSvg(
          years.map((year) => ({
            label: `Ejecutado ${year}`,
            value: budget.porAnioYFuente.filter((row) => row.anio === year).reduce((total, row) => total + (row.ejecutado ?? 0), 0),
          })),
          { title: 'Presupuesto ejecutado por año (CLP)', format: (value) => clp(value) },
        );
  const gender = report.igualdadGenero;
  const units = report.territorio.unidades.filter((unit) => unit.proyectos > 0);
  return `<!doctype html>
<html lang="es-CL"><head><meta charset="utf-8"><title>${escapeXml(report.titulo)}</title><style>${style}</style></head>
<body>
<header>
<h1>${escapeXml(report.titulo)}</h1>
<p class="meta">Ilustre Municipalidad de Vallenar — Secretaría Comunal de Planificación (SECPLA). Período: ${report.periodo.desde} a ${report.periodo.hasta}.
Informe al Concejo Municipal según el artículo 21 b) de la Ley 18.695 (a lo menos semestralmente).</p>
</header>
<section><h2>1. Avance por lineamiento estratégico</h2>
${summary}
${progressChart}
<p class="nota">Regla de cálculo: ${escapeXml(report.reglaAvance)}</p></section>
<section><h2>2. Cambios de estado en el semestre</h2>
${table(
  ['Fecha', 'Código', 'Proyecto', 'Estado', 'Nota', 'Registrado por'],
  report.cambiosEstado.map((row) => [
    text(row.desde),
    text(row.codigo),
    text(row.nombre),
    text(row.estado),
    text(row.nota),
    text(row.registrado_por),
  ]),
  'No se registraron cambios de estado en el semestre.',
)}</section>
<section><h2>3. Hitos del semestre</h2>
${table(
  ['Código', 'Proyecto', 'Hito', 'Fecha prevista', 'Fecha real', 'Cumplido'],
  report.hitos.map((row) => [
    text(row.codigo),
    text(row.proyecto),
    text(row.nombre),
    text(row.fecha_prevista),
    text(row.fecha_real),
    row.cumplido ? 'sí' : 'no',
  ]),
  'No hay hitos previstos ni cumplidos en el semestre.',
)}</section>
<section><h2>4. Ejecución presupuestaria por año y fuente</h2>
${table(
  ['Año', 'Fuente', 'Estimado', 'Aprobado', 'Ejecutado'],
  [
    ...budget.porAnioYFuente.map((row) => [String(row.anio), text(row.fuente), clp(row.estimado), clp(row.aprobado), clp(row.ejecutado)]),
    ...(budget.porAnioYFuente.length
      ? [['<strong>Total</strong>', '', clp(budget.totales.estimado), clp(budget.totales.aprobado), clp(budget.totales.ejecutado)]]
      : []),
  ],
  'No hay presupuestos registrados.',
)}
${budgetChart}</section>
<section><h2>5. Igualdad de oportunidades entre mujeres y hombres</h2>
${table(
  ['Evaluación con enfoque de género', 'Proyectos', 'Monto'],
  [
    ['Evaluados', String(gender.evaluados.proyectos), clp(gender.evaluados.monto)],
    ['No evaluados', String(gender.noEvaluados.proyectos), clp(gender.noEvaluados.monto)],
    ['Sin información', String(gender.sinInformacion.proyectos), clp(gender.sinInformacion.monto)],
  ],
  '',
)}
<p class="nota">${escapeXml(gender.nota)}</p></section>
<section><h2>6. Distribución territorial de la inversión</h2>
${table(
  ['Unidad vecinal', 'Nombre', 'Área', 'Proyectos', 'Inversión'],
  units.map((unit) => [text(unit.codigo), text(unit.nombre), text(unit.area), String(unit.proyectos), clp(unit.inversion)]),
  'Ningún proyecto ubicado toca una unidad vecinal.',
)}
<p class="nota">${escapeXml(report.territorio.regla)} Proyectos con presupuesto fuera de toda unidad o sin ubicación: ${report.territorio.sinUnidad.proyectos} (${clp(report.territorio.sinUnidad.inversion)}).</p></section>
<section><h2>7. Indicadores de programas</h2>
${table(
  ['Programa', 'Indicador', 'Valor', 'Meta', 'Unidad', 'Fuente', 'Fecha'],
  report.indicadores.map((indicator) => [
    text(indicator.nombrePrograma ?? indicator.programa),
    text(indicator.nombre),
    indicator.valor === null ? 'sin información' : indicator.valor.toLocaleString('es-CL'),
    indicator.meta === null ? '—' : indicator.meta.toLocaleString('es-CL'),
    text(indicator.unidad),
    text(indicator.fuente),
    text(indicator.fecha),
  ]),
  'No hay indicadores registrados.',
)}</section>
<footer><p class="meta">Anexo de datos: /reportes/semestral?anio=${report.anio}&amp;semestre=${report.semestre}&amp;f=csv</p></footer>
</body></html>
`;
}
