import type { FastifySchemaValidationError } from 'fastify';
import { ApiError } from '../errors.ts';
import { formatValidationError } from '../ogc/validation-errors.ts';

/**
 * Schema error formatter of the plan and search routes: the OGC routes'
 * Spanish messages, plus a missing required parameter named as the field.
 */
export function routeValidationError(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const first = errors[0];
  if (first?.keyword === 'required') {
    const name = String((first.params as { missingProperty?: unknown }).missingProperty);
    return new ApiError(400, 'invalid_parameter', `Falta el parámetro «${name}».`, name);
  }
  if (first?.keyword === 'minLength' || first?.keyword === 'maxLength' || first?.keyword === 'pattern') {
    const field = first.instancePath.replace(/^\//, '').split('/')[0] || 'solicitud';
    const what =
      first.keyword === 'pattern' ? 'no tiene la forma esperada' : first.keyword === 'minLength' ? 'está vacío' : 'es demasiado largo';
    return new ApiError(400, 'invalid_parameter', `El parámetro «${field}» ${what}.`, field);
  }
  return formatValidationError(errors, dataVar);
}
