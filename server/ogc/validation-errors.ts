import type { FastifySchemaValidationError } from 'fastify';
import { ApiError } from '../errors.ts';

const typeNames: Record<string, string> = {
  integer: 'un número entero',
  number: 'un número',
  boolean: '«true» o «false»',
  string: 'un texto',
  array: 'una lista',
  object: 'un objeto',
};

const formatNames: Record<string, string> = {
  date: 'una fecha AAAA-MM-DD',
  'date-time': 'una fecha y hora RFC 3339',
  uri: 'una URI',
};

function expectation(error: FastifySchemaValidationError): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `debe ser ${typeNames[String(params.type)] ?? String(params.type)}`;
    case 'minimum':
      return `debe ser mayor o igual que ${String(params.limit)}`;
    case 'maximum':
      return `debe ser menor o igual que ${String(params.limit)}`;
    case 'enum':
      return `debe ser uno de: ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      return 'contiene caracteres no admitidos';
    case 'format':
      return `debe ser ${formatNames[String(params.format)] ?? `del formato ${String(params.format)}`}`;
    default:
      return 'no es válido';
  }
}

/**
 * Schema error formatter of the OGC routes: turns the first Ajv error into a
 * 400 ApiError `invalid_parameter` with a Spanish description and the
 * parameter at fault, which the error handler sends as is.
 */
export function formatValidationError(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const first = errors[0];
  const where = dataVar === 'params' ? 'segmento de ruta' : 'parámetro';
  if (!first) return new ApiError(400, 'invalid_parameter', 'Solicitud inválida.');
  if (first.keyword === 'additionalProperties') {
    const name = String((first.params as { additionalProperty?: unknown }).additionalProperty);
    return new ApiError(
      400,
      'invalid_parameter',
      `El ${where} «${name}» no existe en esta operación; los parámetros admitidos están descritos en /api.`,
      name,
    );
  }
  const field = first.instancePath.replace(/^\//, '').split('/')[0] || undefined;
  const subject = field ? `El ${where} «${field}»` : 'La solicitud';
  return new ApiError(400, 'invalid_parameter', `${subject} ${expectation(first)}.`, field);
}
