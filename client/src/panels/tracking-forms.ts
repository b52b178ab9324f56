import { ApiRequestError, getJson } from '../api.ts';
import { sendJson } from '../auth/session.ts';
import { es } from '../i18n/es.ts';
import { dateField, type DateField } from '../ui/date-field.ts';
import { formatDateText, todayIso } from '../ui/date-text.ts';
import { h, uniqueId } from '../ui/dom.ts';

/** Statuses a project's history may hold (the server's list, 'descartado' included). */
const statuses = ['idea', 'perfil', 'diseño', 'licitación', 'ejecución', 'terminado', 'suspendido', 'descartado'];
/** Funding sources a budget line may name (the server's list). */
const sources = ['municipal', 'FNDR', 'SUBDERE PMU', 'SUBDERE PMB', 'MINVU/SERVIU', 'MOP', 'MMA', 'público-privado', 'otro'];

type FieldKind = 'text' | 'date' | 'number' | 'integer' | 'select';

interface FieldSpec {
  /** The API's field name: the server's error `field` points here. */
  name: string;
  label: string;
  kind: FieldKind;
  options?: string[];
  required?: boolean;
  min?: number;
  max?: number;
  step?: string;
}

interface FormSpec {
  key: string;
  title: string;
  method: 'POST' | 'PUT';
  path: string;
  fields: FieldSpec[];
}

function formsFor(codigo: string): FormSpec[] {
  const base = `/plan/proyectos/${encodeURIComponent(codigo)}`;
  const t = es.tracking;
  return [
    {
      key: 'estado',
      title: t.statusForm,
      method: 'POST',
      path: `${base}/estados`,
      fields: [
        { name: 'estado', label: t.estado, kind: 'select', options: statuses, required: true },
        { name: 'desde', label: t.desde, kind: 'date', required: true },
        { name: 'nota', label: t.nota, kind: 'text' },
      ],
    },
    {
      key: 'avance',
      title: t.progressForm,
      method: 'POST',
      path: `${base}/avances`,
      fields: [
        { name: 'fecha', label: t.fecha, kind: 'date', required: true },
        { name: 'avanceFisico', label: t.avance, kind: 'number', required: true, step: '0.1' },
        { name: 'nota', label: t.nota, kind: 'text' },
      ],
    },
    {
      key: 'hito',
      title: t.milestoneForm,
      method: 'POST',
      path: `${base}/hitos`,
      fields: [
        { name: 'nombre', label: t.nombreHito, kind: 'text', required: true },
        { name: 'fechaPrevista', label: t.fechaPrevista, kind: 'date' },
        { name: 'fechaReal', label: t.fechaReal, kind: 'date' },
      ],
    },
    {
      key: 'presupuesto',
      title: t.budgetForm,
      method: 'PUT',
      path: `${base}/presupuestos`,
      fields: [
        { name: 'anio', label: t.anio, kind: 'integer', required: true, step: '1' },
        { name: 'fuente', label: t.fuente, kind: 'select', options: sources, required: true },
        { name: 'estimado', label: t.estimado, kind: 'integer', step: '1' },
        { name: 'aprobado', label: t.aprobado, kind: 'integer', step: '1' },
        { name: 'ejecutado', label: t.ejecutado, kind: 'integer', step: '1' },
      ],
    },
  ];
}

/**
 * Value of a control as the API expects it; empty optional fields are left
 * out. Numbers the browser cannot parse are sent as typed, so the server
 * answers with its message for that field.
 */
function valueOf(field: FieldSpec, control: HTMLInputElement | HTMLSelectElement, date: DateField | undefined): unknown {
  const raw = (date ? date.value() : control.value).trim();
  if (raw === '') return undefined;
  if (field.kind === 'number' || field.kind === 'integer') {
    const parsed = Number(raw.replace(',', '.'));
    return Number.isFinite(parsed) ? parsed : raw;
  }
  return raw;
}

function mountForm(spec: FormSpec, onSaved: (message: string) => void): HTMLElement {
  const controls = new Map<string, HTMLInputElement | HTMLSelectElement>();
  const dates = new Map<string, DateField>();
  const errors = new Map<string, HTMLElement>();
  const status = h('p', { role: 'status', class: 'legend-note', 'data-form-status': '' });
  const submit = h('button', { type: 'submit' }, es.tracking.save);
  const rows = spec.fields.map((field) => {
    const id = uniqueId(`seguimiento-${spec.key}-${field.name}`);
    const errorId = `${id}-error`;
    const date =
      field.kind === 'date'
        ? dateField({ id, name: field.name, required: field.required, value: field.required ? todayIso() : null })
        : null;
    if (date) dates.set(field.name, date);
    const control =
      date?.input ??
      (field.kind === 'select'
        ? h('select', { id, name: field.name }, ...(field.options ?? []).map((option) => h('option', { value: option }, option)))
        : h('input', {
            id,
            name: field.name,
            type: 'text',
            inputmode: field.kind === 'integer' || field.kind === 'number' ? 'decimal' : null,
          }));
    control.setAttribute('aria-describedby', `${control.getAttribute('aria-describedby') ?? ''} ${errorId}`.trim());
    if (field.name === 'anio') control.value = String(new Date().getFullYear());
    controls.set(field.name, control);
    const error = h('p', {
      id: errorId,
      class: 'field-error',
      'data-error-for': field.name,
      hidden: true,
      style: 'color:#b00020;margin:2px 0',
    });
    errors.set(field.name, error);
    return h(
      'div',
      { class: 'form-row', style: 'display:flex;flex-direction:column;gap:2px;margin:4px 0' },
      h('label', { for: id }, field.label),
      date?.element ?? control,
      error,
    );
  });

  const clearErrors = () => {
    for (const [name, error] of errors) {
      error.hidden = true;
      error.textContent = '';
      controls.get(name)?.removeAttribute('aria-invalid');
    }
  };

  const form = h('form', { 'data-form': spec.key, novalidate: true }, ...rows, submit, status);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const wrongDate = [...dates.values()].find((date) => !date.check());
    if (wrongDate) {
      wrongDate.input.focus();
      return;
    }
    const body: Record<string, unknown> = {};
    for (const field of spec.fields) {
      const value = valueOf(field, controls.get(field.name)!, dates.get(field.name));
      if (value !== undefined) body[field.name] = value;
    }
    submit.disabled = true;
    status.textContent = es.tracking.saving;
    sendJson(spec.method, spec.path, body).then(
      () => {
        status.textContent = es.tracking.saved;
        onSaved(`${spec.title}: ${es.tracking.saved}`);
      },
      (error: unknown) => {
        submit.disabled = false;
        const message = error instanceof Error ? error.message : String(error);
        const field = error instanceof ApiRequestError ? error.field : undefined;
        const slot = field ? errors.get(field) : undefined;
        if (slot) {
          slot.textContent = message;
          slot.hidden = false;
          controls.get(field!)?.setAttribute('aria-invalid', 'true');
          controls.get(field!)?.focus();
          status.textContent = '';
        } else {
          status.textContent = es.tracking.failed(message);
        }
      },
    );
  });
  return h('details', { class: 'tracking-form', 'data-tracking-form': spec.key }, h('summary', {}, spec.title), form);
}

/**
 * The tracking forms of a project card (status, physical progress,
 * milestone, budget year) for planificador/admin. Validation is the
 * server's: its Spanish message appears next to the field it names.
 * `onSaved` reloads the card so its figures show the write.
 */
export function trackingForms(codigo: string, onSaved: (message: string) => void): HTMLElement {
  return h(
    'section',
    { class: 'tracking-forms', 'data-tracking-forms': codigo, style: 'padding:0 12px 12px' },
    h('h3', {}, es.tracking.formsTitle),
    ...formsFor(codigo).map((spec) => mountForm(spec, onSaved)),
    trackingHistory(codigo, onSaved),
  );
}

/** GET /plan/proyectos/{codigo}/seguimiento. */
interface TrackingHistory {
  estados: Array<{ estado: string; desde: string; nota: string | null; registrado_por: string }>;
  avances: Array<{ fecha: string; avance_fisico: number; nota: string | null; registrado_por: string }>;
  hitos: Array<{ id: number; nombre: string; fecha_prevista: string | null; fecha_real: string | null; cumplido: boolean }>;
}

/** A milestone: met, or pending with a date input to record when it was met (PATCH). */
function milestoneItem(codigo: string, hito: TrackingHistory['hitos'][number], onSaved: (message: string) => void): HTMLElement {
  const t = es.tracking;
  const state = [
    hito.fecha_prevista ? t.milestonePlanned(formatDateText(hito.fecha_prevista)) : null,
    hito.fecha_real ? t.milestoneMet(formatDateText(hito.fecha_real)) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  const item = h('li', { 'data-hito': hito.nombre }, h('strong', {}, hito.nombre), state ? ` — ${state}` : '');
  if (hito.cumplido) return item;
  const id = uniqueId('hito-fecha-real');
  const date = dateField({ id, name: 'fechaReal', value: todayIso() });
  const error = h('p', { class: 'field-error', 'data-error-for': 'fechaReal', hidden: true, style: 'color:#b00020;margin:2px 0' });
  date.input.setAttribute('aria-describedby', `${date.input.getAttribute('aria-describedby')} ${id}-error`);
  error.id = `${id}-error`;
  const button = h('button', { type: 'button' }, t.markMet);
  button.addEventListener('click', () => {
    error.hidden = true;
    if (!date.check()) {
      date.input.focus();
      return;
    }
    button.disabled = true;
    const url = `/plan/proyectos/${encodeURIComponent(codigo)}/hitos/${hito.id}`;
    sendJson('PATCH', url, { fechaReal: date.value() || null }).then(
      () => onSaved(`${hito.nombre}: ${t.saved}`),
      (failure: unknown) => {
        button.disabled = false;
        error.textContent = failure instanceof Error ? failure.message : String(failure);
        error.hidden = false;
        date.input.setAttribute('aria-invalid', 'true');
      },
    );
  });
  item.append(
    h('div', { style: 'display:flex;gap:6px;align-items:center;margin:2px 0' }, h('label', { for: id }, t.fechaReal), date.element, button),
    error,
  );
  return item;
}

/**
 * What has been recorded for the project (statuses, progress, milestones),
 * loaded after the card; pending milestones can be marked met from here.
 */
export function trackingHistory(codigo: string, onSaved: (message: string) => void): HTMLElement {
  const t = es.tracking;
  const container = h('details', { class: 'tracking-form', 'data-tracking-history': codigo }, h('summary', {}, t.history));
  void getJson<TrackingHistory>(`/plan/proyectos/${encodeURIComponent(codigo)}/seguimiento`).then(
    (history) => {
      const percentText = (value: number) => `${value.toLocaleString('es-CL', { maximumFractionDigits: 1 })} %`;
      const entries = [
        ...history.estados.map(
          (entry) =>
            t.statusEntry(formatDateText(entry.desde), entry.estado, entry.registrado_por) + (entry.nota ? ` — ${entry.nota}` : ''),
        ),
        ...history.avances.map((entry) =>
          t.progressEntry(formatDateText(entry.fecha), percentText(entry.avance_fisico), entry.registrado_por),
        ),
      ];
      container.append(
        entries.length === 0
          ? h('p', { class: 'legend-note' }, t.noHistory)
          : h('ul', { 'data-historial': '' }, ...entries.map((entry) => h('li', {}, entry))),
        h('h4', {}, t.milestones),
        history.hitos.length === 0
          ? h('p', { class: 'legend-note' }, '—')
          : h('ul', { 'data-hitos': '' }, ...history.hitos.map((hito) => milestoneItem(codigo, hito, onSaved))),
      );
      container.dataset.loaded = 'true';
    },
    (error: Error) => container.append(h('p', { role: 'alert' }, error.message)),
  );
  return container;
}
