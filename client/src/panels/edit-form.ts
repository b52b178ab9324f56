import { field } from '../editing/dialog.ts';
import type { LayerSchema, PropertySchema } from '../editing/layer-schema.ts';
import { es } from '../i18n/es.ts';
import { dateField, type DateField } from '../ui/date-field.ts';
import { h } from '../ui/dom.ts';

const t = es.editing;

type Input = HTMLInputElement | HTMLSelectElement;

/** The input for one property: a list for enums and yes/no, number inputs with their limits, text with its length (dates: `dateField`). */
function inputFor(property: PropertySchema, required: boolean): Input {
  if (property.enum || property.type === 'boolean') {
    const values = property.enum ?? ['true', 'false'];
    const label = (value: string) => (property.type === 'boolean' ? (value === 'true' ? 'sí' : 'no') : value);
    return h(
      'select',
      { required },
      h('option', { value: '' }, required ? '' : t.empty),
      ...values.map((value) => h('option', { value }, label(value))),
    );
  }
  if (property.type === 'integer' || property.type === 'number') {
    return h('input', {
      type: 'number',
      step: property.type === 'integer' ? 1 : 'any',
      min: property.minimum,
      max: property.maximum,
      required,
    });
  }
  return h('input', { type: 'text', maxlength: property.maxLength, required });
}

function readValue(property: PropertySchema, input: Input, date: DateField | undefined): unknown {
  // Dates go as YYYY-MM-DD whatever was typed (dd-mm-aaaa); what is not a date goes as typed, for the server to refuse.
  const raw = (date ? date.value() : input.value).trim();
  if (raw === '') return null;
  if (property.type === 'integer' || property.type === 'number') return Number(raw);
  if (property.type === 'boolean') return raw === 'true';
  // Text keeps what was typed (the server trims and checks it).
  return date ? raw : input.value;
}

/** The attribute form of a layer, from its schema; generated (read-only) properties are left out. */
export function attributeForm(schema: LayerSchema, values: Record<string, unknown>) {
  const inputs = new Map<string, { property: PropertySchema; input: Input; date?: DateField }>();
  const fields: HTMLElement[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    if (property.readOnly) continue;
    const required = schema.required.includes(name);
    const value = values[name];
    const known = value !== null && value !== undefined;
    if (property.format === 'date') {
      const date = dateField({ name, required, value: known ? String(value) : null });
      inputs.set(name, { property, input: date.input, date });
      fields.push(field(property.title, date.input, name, required, date.element));
      continue;
    }
    const input = inputFor(property, required);
    input.name = name;
    if (known) input.value = String(value);
    inputs.set(name, { property, input });
    fields.push(field(property.title, input, name, required));
  }
  return {
    fields,
    /** Every writable property: null where left empty (PUT replaces the whole feature). */
    values(): Record<string, unknown> {
      return Object.fromEntries([...inputs].map(([name, { property, input, date }]) => [name, readValue(property, input, date)]));
    },
    /** Shows the message of every date that is not one; true when all are dates (or empty and optional). */
    checkDates(): boolean {
      const wrong = [...inputs.values()].filter(({ date }) => date && !date.check());
      wrong[0]?.input.focus();
      return wrong.length === 0;
    },
  };
}

/** The form's field for a server error's `field` (`properties.nombre` → `nombre`); null for geometry and the rest. */
export function formFieldOf(serverField: string): string {
  const match = /^properties\.([^.]+)/.exec(serverField);
  return match ? match[1]! : `(${serverField})`;
}
