import { field } from '../editing/dialog.ts';
import type { LayerSchema, PropertySchema } from '../editing/layer-schema.ts';
import { es } from '../i18n/es.ts';
import { h } from '../ui/dom.ts';

const t = es.editing;

type Input = HTMLInputElement | HTMLSelectElement;

/** The input for one property: a list for enums and yes/no, number inputs with their limits, date inputs, text with its length. */
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
  if (property.format === 'date') return h('input', { type: 'date', required });
  return h('input', { type: 'text', maxlength: property.maxLength, required });
}

function readValue(property: PropertySchema, input: Input): unknown {
  const raw = input.value.trim();
  if (raw === '') return null;
  if (property.type === 'integer' || property.type === 'number') return Number(raw);
  if (property.type === 'boolean') return raw === 'true';
  // Text keeps what was typed (the server trims and checks it); dates are YYYY-MM-DD already.
  return property.format === 'date' ? raw : input.value;
}

/** The attribute form of a layer, from its schema; generated (read-only) properties are left out. */
export function attributeForm(schema: LayerSchema, values: Record<string, unknown>) {
  const inputs = new Map<string, { property: PropertySchema; input: Input }>();
  const fields: HTMLElement[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    if (property.readOnly) continue;
    const required = schema.required.includes(name);
    const input = inputFor(property, required);
    input.name = name;
    const value = values[name];
    if (value !== null && value !== undefined) input.value = String(value);
    inputs.set(name, { property, input });
    fields.push(field(property.title, input, name, required));
  }
  return {
    fields,
    /** Every writable property: null where left empty (PUT replaces the whole feature). */
    values(): Record<string, unknown> {
      return Object.fromEntries([...inputs].map(([name, { property, input }]) => [name, readValue(property, input)]));
    },
  };
}

/** The form's field for a server error's `field` (`properties.nombre` → `nombre`); null for geometry and the rest. */
export function formFieldOf(serverField: string): string {
  const match = /^properties\.([^.]+)/.exec(serverField);
  return match ? match[1]! : `(${serverField})`;
}
