import type { ApiRequestError } from '../api.ts';
import { can, sendJson, type Role } from '../auth/session.ts';
import { dateField } from '../ui/date-field.ts';
import { todayIso } from '../ui/date-text.ts';
import { h, replaceChildren, uniqueId } from '../ui/dom.ts';

/**
 * The eradication programme's steps as the server enforces them
 * (server/field/lifecycle.ts): from each status, the next ones and the
 * roles that may record them. The server decides; this only offers the
 * buttons a person can use.
 */
export const nextSteps: Record<string, { hacia: string; roles: Role[] }[]> = {
  reportado: [
    { hacia: 'verificado', roles: ['terreno', 'planificador'] },
    { hacia: 'duplicado', roles: ['planificador'] },
    { hacia: 'descartado', roles: ['planificador'] },
  ],
  verificado: [
    { hacia: 'programado', roles: ['planificador'] },
    { hacia: 'duplicado', roles: ['planificador'] },
    { hacia: 'descartado', roles: ['planificador'] },
  ],
  programado: [{ hacia: 'limpiado', roles: ['terreno', 'planificador'] }],
  limpiado: [{ hacia: 'cerrado', roles: ['terreno', 'planificador'] }],
};

const statusNames: Record<string, string> = {
  reportado: 'reportado',
  verificado: 'verificado',
  programado: 'programado para limpieza',
  limpiado: 'limpiado',
  cerrado: 'cerrado',
  duplicado: 'duplicado',
  descartado: 'descartado',
};

const closures = [
  ['cercado', 'Cercado'],
  ['señalizado', 'Señalizado (letreros de multa)'],
  ['cercado_por_privado', 'Cercado por el propietario'],
] as const;

/**
 * The lifecycle of the selected micro-dump: its status and a small form to
 * record the next step (how it was closed, what it duplicates, why it is
 * discarded, on which day). Server errors appear next to the field they name.
 */
export function lifecycleSection(site: { id: number; estado: string }, onRecorded: (message: string) => Promise<void>): HTMLElement {
  const steps = (nextSteps[site.estado] ?? []).filter((step) => can(...step.roles));
  const section = h('section', { 'data-ciclo-de-vida': '', 'data-estado-actual': site.estado, class: 'edit-lifecycle' });
  const heading = h('h3', {}, `Ciclo de vida: ${statusNames[site.estado] ?? site.estado}`);
  if (steps.length === 0) {
    const ended = !nextSteps[site.estado];
    replaceChildren(
      section,
      heading,
      h('p', { class: 'legend-note' }, ended ? 'El ciclo de este sitio terminó.' : 'Su rol no registra el paso siguiente de este sitio.'),
    );
    return section;
  }
  const ids = {
    hacia: uniqueId('paso'),
    como: uniqueId('cierre'),
    duplicado_de: uniqueId('original'),
    nota: uniqueId('nota'),
    fecha: uniqueId('fecha'),
  };
  const next = h(
    'select',
    { id: ids.hacia, name: 'hacia' },
    ...steps.map((step) => h('option', { value: step.hacia }, statusNames[step.hacia] ?? step.hacia)),
  );
  const how = h('select', { id: ids.como, name: 'como' }, ...closures.map(([value, label]) => h('option', { value }, label)));
  const original = h('input', { id: ids.duplicado_de, name: 'duplicado_de', type: 'number', min: '1', step: '1', inputmode: 'numeric' });
  const note = h('textarea', { id: ids.nota, name: 'nota', rows: '2', maxlength: '2000' });
  const day = dateField({ id: ids.fecha, name: 'fecha', max: todayIso() });
  const messages = new Map<string, HTMLElement>();
  const field = (name: keyof typeof ids, label: string, control: HTMLElement) => {
    const message = h('span', { class: 'field-error', role: 'alert', 'data-error-de': name });
    messages.set(name, message);
    return h('div', { class: 'form-field', 'data-field': name }, h('label', { for: ids[name] }, label), control, message);
  };
  const howField = field('como', 'Cómo se cerró', how);
  const originalField = field('duplicado_de', 'Id del sitio original', original);
  const noteField = field('nota', 'Nota (obligatoria al descartar)', note);
  const general = h('p', { class: 'field-error', role: 'alert', 'data-error-de': 'general' });
  const button = h('button', { type: 'submit', 'data-registrar-paso': '' }, 'Registrar paso');
  const showFields = () => {
    howField.hidden = next.value !== 'cerrado';
    originalField.hidden = next.value !== 'duplicado';
  };
  next.addEventListener('change', showFields);
  showFields();
  const form = h(
    'form',
    { 'data-formulario-ciclo': '' },
    field('hacia', 'Paso siguiente', next),
    howField,
    originalField,
    noteField,
    field('fecha', 'Día (por omisión, hoy)', day.element),
    general,
    button,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const message of messages.values()) message.textContent = '';
    general.textContent = '';
    if (!day.check()) {
      day.input.focus();
      return;
    }
    const body: Record<string, unknown> = { hacia: next.value };
    if (next.value === 'cerrado') body.como = how.value;
    if (next.value === 'duplicado') body.duplicado_de = original.value === '' ? null : Number(original.value);
    if (note.value.trim()) body.nota = note.value.trim();
    if (day.value()) body.fecha = day.value();
    button.disabled = true;
    sendJson('POST', `/microbasurales/${site.id}/transiciones`, body)
      .then(() => onRecorded(`Paso registrado: el sitio quedó ${statusNames[next.value] ?? next.value}.`))
      .catch((error: ApiRequestError) => {
        const target = messages.get(error.field ?? '') ?? general;
        target.textContent = error.message;
      })
      .finally(() => {
        button.disabled = false;
      });
  });
  replaceChildren(section, heading, form);
  return section;
}
