import type { FastifySchemaValidationError } from 'fastify';
import { ApiError } from '../../errors.ts';
import { routeValidationError } from '../validation-errors.ts';

/** 422: the request is well formed but the record it asks for cannot be (a future date, executed over approved...). */
export const unprocessable = (code: string, message: string, field: string) => new ApiError(422, code, message, field);

/** 409: the record already exists (same project and date, same milestone name...). */
export const conflict = (message: string, field: string) => new ApiError(409, 'duplicado', message, field);

/** Today's calendar day in Vallenar (America/Santiago), 'YYYY-MM-DD'. */
export function todayInChile(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Santiago', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/**
 * A real calendar day between 2000 and 2100 ('2026-02-30' is refused, not
 * rolled over); with `notFuture`, no later than today in Chile.
 */
export function checkDay(value: string, field: string, options: { notFuture?: boolean } = {}): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw unprocessable('fecha_invalida', `El campo «${labelOf(field)}» no es una fecha del calendario (AAAA-MM-DD).`, field);
  }
  if (value < '2000-01-01' || value > '2100-12-31') {
    throw unprocessable('fecha_fuera_de_rango', `El campo «${labelOf(field)}» debe estar entre los años 2000 y 2100.`, field);
  }
  if (options.notFuture && value > todayInChile()) {
    throw unprocessable('fecha_futura', `El campo «${labelOf(field)}» no puede ser una fecha futura: se registra lo ocurrido.`, field);
  }
  return value;
}

/** A text field that is blank after trimming is refused; null and absent stay null. */
export function cleanText(value: string | null | undefined, field: string, required = false): string | null {
  const text = value?.trim() ?? '';
  if (text === '' && required) throw unprocessable('campo_vacio', `El campo «${labelOf(field)}» no puede quedar vacío.`, field);
  return text === '' ? null : text;
}

/** How the forms label the API's field names, so messages read as the form does. */
const fieldLabels: Record<string, string> = {
  avanceFisico: 'avance físico',
  fechaPrevista: 'fecha prevista',
  fechaReal: 'fecha real',
  anio: 'año',
};
const labelOf = (field: string) => fieldLabels[field] ?? field;

const typeNames: Record<string, string> = {
  integer: 'un número entero',
  number: 'un número',
  string: 'un texto',
  boolean: '«true» o «false»',
  object: 'un objeto JSON',
  null: 'vacío (null)',
};

/**
 * Schema errors of the tracking writes: body fields are named «campo» with
 * what was expected, in Spanish; query and path errors as in the other plan routes.
 */
export function trackingValidationError(errors: FastifySchemaValidationError[], dataVar: string): Error {
  if (dataVar !== 'body') return routeValidationError(errors, dataVar);
  // In a union (value or null) Ajv reports each branch: the first non-null branch is the useful one.
  const first = errors.find((error) => !(error.keyword === 'type' && (error.params as { type?: string }).type === 'null')) ?? errors[0];
  if (!first) return new ApiError(400, 'invalid_body', 'El cuerpo de la solicitud no es válido.');
  const params = first.params as Record<string, unknown>;
  const path = first.instancePath.replace(/^\//, '').split('/')[0] ?? '';
  let field = path || 'cuerpo';
  let expected: string;
  switch (first.keyword) {
    case 'required':
      field = String(params.missingProperty);
      return new ApiError(400, 'campo_requerido', `Falta el campo «${labelOf(field)}».`, field);
    case 'additionalProperties':
      field = String(params.additionalProperty);
      return new ApiError(400, 'campo_desconocido', `El campo «${field}» no existe en esta operación (ver /api).`, field);
    case 'minProperties':
      return new ApiError(400, 'invalid_body', 'La solicitud no trae ningún campo que modificar.', 'cuerpo');
    case 'type':
      expected = `debe ser ${typeNames[String(params.type)] ?? String(params.type)}`;
      break;
    case 'minimum':
      expected = `debe ser mayor o igual que ${String(params.limit)}`;
      break;
    case 'maximum':
      expected = `debe ser menor o igual que ${String(params.limit)}`;
      break;
    case 'enum':
      expected = `debe ser uno de: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
      break;
    case 'pattern':
      expected = 'no tiene la forma esperada (fechas AAAA-MM-DD, códigos como L6.O1.P1.G1)';
      break;
    case 'minLength':
      expected = 'no puede quedar vacío';
      break;
    case 'maxLength':
      expected = `es demasiado largo (máximo ${String(params.limit)} caracteres)`;
      break;
    default:
      expected = 'no es válido';
  }
  return new ApiError(400, 'invalid_parameter', `El campo «${labelOf(field)}» ${expected}.`, field);
}
