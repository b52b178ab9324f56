import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, type ErrorBody } from '../errors.ts';
import { databaseFault, faultAnswers } from '../db/faults.ts';

/** Spanish messages for Fastify's own client errors, by Fastify error code. */
const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'El cuerpo de la solicitud es demasiado grande.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Tipo de contenido no admitido.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'El cuerpo JSON está vacío.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'El cuerpo no es JSON válido.',
  FST_ERR_BAD_URL: 'La URL solicitada no es válida.',
};

/** A byte count as a person reads it: «1 MiB», «512 KiB». */
function bytesText(bytes: number | undefined): string {
  if (!bytes) return 'permitido';
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toLocaleString('es-CL', { maximumFractionDigits: 1 })} MiB`;
  return `${Math.round(bytes / 1024)} KiB`;
}

function validationBody(error: FastifyError): ErrorBody {
  const first = error.validation?.[0];
  const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const missing = (first?.params as { missingProperty?: string } | undefined)?.missingProperty;
  const field = missing ?? (path || undefined);
  const where = error.validationContext === 'querystring' ? 'parámetro' : 'campo';
  return {
    code: 'invalid_parameter',
    description: field
      ? `El ${where} «${field}» no es válido: ${first?.message ?? 'valor inesperado'}.`
      : `Solicitud inválida: ${error.message}`,
    ...(field ? { field } : {}),
  };
}

/**
 * The one exit for errors: a JSON body with a code and a Spanish description,
 * never a stack trace or a connection string. A fault of the database
 * (unreachable, timed out, busy: db/faults.ts) is a 503 with Retry-After.
 */
export default fp(async function errorsPlugin(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiError) {
      const body: ErrorBody = { code: error.code, description: error.message, ...(error.field ? { field: error.field } : {}) };
      // RFC 9110: a 401 names the scheme to use (Bearer, a personal token; never Basic, which would make browsers prompt).
      if (error.statusCode === 401) reply.header('WWW-Authenticate', 'Bearer realm="SIT Vallenar"');
      if (error.retryAfter !== undefined) reply.header('Retry-After', String(error.retryAfter));
      return reply.status(error.statusCode).send(body);
    }
    if (error.validation) return reply.status(400).send(validationBody(error));
    const fault = databaseFault(error);
    if (fault) {
      const answer = faultAnswers[fault];
      request.log.warn({ fault, code: (error as { code?: string }).code }, 'falla de la base de datos');
      return reply
        .status(503)
        .header('Retry-After', String(answer.retryAfter))
        .send({ code: answer.code, description: answer.description });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({
        code: (error.code ?? 'bad_request').toLowerCase(),
        description:
          error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
            ? `El cuerpo de la solicitud es demasiado grande: el máximo para esta operación es ${bytesText(request.routeOptions.bodyLimit)}.`
            : (fastifyMessages[error.code] ?? error.message),
      });
    }
    request.log.error({ err: error }, 'error interno');
    return reply
      .status(500)
      .send({ code: 'internal_error', description: 'Error interno del servidor. El equipo SIT fue notificado en el registro.' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'not_found', description: `No existe el recurso ${request.method} ${request.url.split('?')[0]}.` });
  });
});
