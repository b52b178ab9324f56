import { getJson } from '../api.ts';
import { es } from '../i18n/es.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';
import { buttonRow, field } from '../ui/form.ts';
import { sortNatural } from '../ui/natural-sort.ts';

/** First year of the PLADECO 2022–2029; the last offered is the current year. */
const firstYear = 2022;

interface UnitsAnswer {
  unidades: Array<{ id: number; codigo: string; nombre: string }>;
}

/** The semester that last ended (the one a planner usually reports on). */
function lastClosedSemester(today = new Date()): { anio: number; semestre: 1 | 2 } {
  return today.getMonth() >= 6 ? { anio: today.getFullYear(), semestre: 1 } : { anio: today.getFullYear() - 1, semestre: 2 };
}

/**
 * "Informes al Concejo": choose year and semester and open the printable
 * semiannual report (the browser prints it) or download its CSV annex; choose
 * a neighbourhood unit and open its one-page territorial sheet. Plain links
 * to the report routes, so they also work opened in a new tab or copied.
 */
export function mountTrackingReportsPanel(sidebar: HTMLElement): void {
  const headingId = uniqueId('informes');
  const yearId = uniqueId('informe-anio');
  const semesterId = uniqueId('informe-semestre');
  const unitId = uniqueId('ficha-unidad');
  const thisYear = new Date().getFullYear();
  const initial = lastClosedSemester();

  const year = h('select', { id: yearId, 'data-informe-anio': '' });
  for (let anio = Math.max(thisYear, firstYear); anio >= firstYear; anio -= 1)
    year.append(h('option', { value: String(anio) }, String(anio)));
  year.value = String(Math.max(initial.anio, firstYear));
  const semester = h(
    'select',
    { id: semesterId, 'data-informe-semestre': '' },
    h('option', { value: '1' }, es.tracking.semesters[1]),
    h('option', { value: '2' }, es.tracking.semesters[2]),
  );
  semester.value = String(initial.semestre);
  const report = h('a', { target: '_blank', rel: 'noopener', class: 'button-link', 'data-informe-html': '' }, es.tracking.openReport);
  const annex = h('a', { download: '', class: 'button-link', 'data-informe-csv': '' }, es.tracking.downloadAnnex);
  const updateLinks = () => {
    const query = `anio=${year.value}&semestre=${semester.value}`;
    report.href = `/reportes/semestral.html?${query}`;
    annex.href = `/reportes/semestral?${query}&f=csv`;
    annex.setAttribute('download', `anexo-informe-${year.value}-s${semester.value}.csv`);
  };
  year.addEventListener('change', updateLinks);
  semester.addEventListener('change', updateLinks);
  updateLinks();

  const unit = h('select', { id: unitId, 'data-ficha-unidad': '' }, h('option', { value: '' }, es.tracking.chooseUnit));
  const sheet = h(
    'a',
    { target: '_blank', rel: 'noopener', class: 'button-link', 'data-ficha-html': '', hidden: true },
    es.tracking.openUnitSheet,
  );
  unit.addEventListener('change', () => {
    sheet.hidden = unit.value === '';
    sheet.href = unit.value ? `/reportes/unidad-vecinal/${unit.value}.html` : '';
  });
  void getJson<UnitsAnswer>('/plan/unidades-vecinales').then(
    (answer) => {
      for (const item of sortNatural(answer.unidades, (entry) => entry.nombre)) {
        unit.append(h('option', { value: String(item.id) }, `${item.nombre} (${item.codigo})`));
      }
    },
    () => undefined,
  );

  const section = h('section', { class: 'panel', 'aria-labelledby': headingId, 'data-panel-informes': '' });
  replaceChildren(
    section,
    h('h2', { id: headingId }, es.tracking.reportsTitle),
    h('p', { class: 'legend-note' }, es.tracking.reportsIntro),
    h('div', { class: 'field-grid' }, field(es.tracking.year, year), field(es.tracking.semester, semester)),
    buttonRow(report, annex),
    field(es.tracking.unitSheet, unit),
    buttonRow(sheet),
  );
  sidebar.append(section);
}
